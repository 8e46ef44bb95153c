/**
 * Every rule nianbao applies, in one table: the parse contract's checks (lib/checks, run by the
 * parser and stored with each report) and the anomaly rules of this folder. The page's filters,
 * the CSV, the precision script and the engine all read the rules from here. Adding a rule is
 * adding its module and a row here.
 */
import { RULES as CONTRACT_RULES } from "../checks/rules";
import { narrativeLawsuits, narrativeReviews } from "./rules/narrative-proceedings";
import { otherYear } from "./rules/other-year";
import { carryOver } from "./rules/carry-over";
import { copiedLastYear } from "./rules/copied-last-year";
import { figureJump } from "./rules/figure-jump";
import { missingYear } from "./rules/missing-year";
import { duplicate } from "./rules/duplicate";
import { feesUnit } from "./rules/fees-unit";
import { peerOutlier } from "./rules/peer-outlier";
import { sharedText } from "./rules/shared-text";
import type { AnomalyRule, Category, RuleInfo, RuleScope } from "./types";

/** The contract's sums; its other checks (tables, cells, template, narrative) are structural. */
const ARITHMETIC = new Set(["requests.balance", "requests.columnSum", "requests.outcomeSum", "reviews.sum"]);

/** Short names of the parse contract's checks, which lib/checks does not give; a new check shows its id until it has one. */
const PARSER_TITLES: Readonly<Record<string, string>> = {
  "requests.balance": "申请数不平衡",
  "requests.columnSum": "申请人合计不符",
  "requests.outcomeSum": "办理结果合计不符",
  "reviews.sum": "复议诉讼合计不符",
  "table.missing": "统计表缺失",
  "table.truncated": "统计表不完整",
  "cell.blank": "单元格未填数字",
  "cell.ambiguous": "数字连写难辨",
  "row.incomplete": "行内数字缺栏",
  "template.mismatch": "模板与年度不符",
  "narrative.mismatch": "正文申请数与表不符",
  "document.notReport": "不是年度报告",
};

/** The parse contract's checks as rows of this table: the parser runs them, the store keeps their findings. */
const PARSER_RULES: readonly RuleInfo[] = CONTRACT_RULES.map((rule) => ({
  id: rule.id,
  title: PARSER_TITLES[rule.id] ?? rule.id,
  severity: rule.severity,
  category: (ARITHMETIC.has(rule.id) ? "arithmetic" : "structural") satisfies Category,
  scope: "parser",
  explanation: rule.explanation,
  evidence: "cells",
  concerns: rule.concerns,
}));

export const ANOMALY_RULES: readonly AnomalyRule[] = [
  narrativeReviews,
  narrativeLawsuits,
  otherYear,
  carryOver,
  missingYear,
  duplicate,
  feesUnit,
  figureJump,
  peerOutlier,
  copiedLastYear,
  sharedText,
];

export const ALL_RULES: readonly RuleInfo[] = [...PARSER_RULES, ...ANOMALY_RULES];

export const RULE_BY_ID: ReadonlyMap<string, RuleInfo> = new Map(ALL_RULES.map((r) => [r.id, r]));

/** A rule's short name; a finding of a rule this table does not know (stored by an older parser) shows its id. */
export const ruleTitle = (id: string) => RULE_BY_ID.get(id)?.title ?? id;

/** The anomaly rules of one scope, typed for their detector. */
export function rulesOf<S extends AnomalyRule["scope"]>(scope: S): Array<Extract<AnomalyRule, { scope: S }>> {
  return ANOMALY_RULES.filter((r): r is Extract<AnomalyRule, { scope: S }> => r.scope === scope);
}

/** The ids of the rules run across reports after an ingest, by what they read. */
export function crossRuleIds(scope: Exclude<RuleScope, "parser" | "report">): string[] {
  return rulesOf(scope).map((r) => r.id);
}
