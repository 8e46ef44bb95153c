/**
 * The anomalies page and its downloads: every finding on the current reports of a region and a
 * range of years (the parser's checks and the anomaly rules alike), filtered by rule and
 * severity; the counts by sub-region and rule as a heat table; each finding with the source line
 * it points at and the other reports its evidence names.
 */
import { sql, type SQL } from "drizzle-orm";
import { z } from "zod";
import type { NianbaoDb } from "@/db/client";
import { percent } from "@/lib/anomalies/format";
import { ALL_RULES, RULE_BY_ID, ruleTitle } from "@/lib/anomalies/registry";
import type { Evidence } from "@/lib/anomalies/types";
import { optional, regionYearsParams } from "./filter-params";
import { agencyHref, pageHref, reportHref } from "./links";
import { SEVERITY_ORDER } from "./report";
import { SEVERITY_LABELS } from "./report-tables";
import { inScope, isMissing, resolveExactScope, type Missing, type Scope } from "./scope";
import type { Table } from "./tables";

const SEVERITIES = ["error", "warning", "info"] as const;
export type SeverityId = (typeof SEVERITIES)[number];

/** The page's params, strictly: a region and years as everywhere, a rule of the registry, a severity. */
export const anomalyParams = regionYearsParams.extend({
  rule: optional(z.string().refine((id) => RULE_BY_ID.has(id), "未知的规则")),
  severity: optional(z.enum(SEVERITIES, "严重程度应为 error、warning 或 info")),
});

export type AnomalyParams = z.infer<typeof anomalyParams>;

export interface AnomalyView {
  scope: Scope;
  rule?: string;
  severity?: SeverityId;
}

export function resolveAnomalyView(db: NianbaoDb, params: AnomalyParams): AnomalyView | Missing {
  const scope = resolveExactScope(db, { region: params.region, from: params.from, to: params.to });
  return isMissing(scope) ? scope : { scope, rule: params.rule, severity: params.severity };
}

/** What a download is named after: the region, and the kind and severity when the list is narrowed to them. */
export function viewSubject(view: AnomalyView): string {
  const parts = [view.scope.region?.name ?? "全国", view.rule && ruleTitle(view.rule), view.severity && SEVERITY_LABELS[view.severity]];
  return parts.filter(Boolean).join("_");
}

/** The view's params as the page's links and downloads spell them. */
export function viewParams(view: AnomalyView) {
  return { region: view.scope.region?.code, from: view.scope.from, to: view.scope.to, rule: view.rule, severity: view.severity };
}

export const anomaliesHref = (params: ReturnType<typeof viewParams>) => pageHref("/anomalies", params);

/** The condition on `reports r` joined with `findings f`. */
function selected(view: AnomalyView): SQL {
  const rule = view.rule ? sql` AND f.rule = ${view.rule}` : sql``;
  const severity = view.severity ? sql` AND f.severity = ${view.severity}` : sql``;
  return sql`${inScope(view.scope)}${rule}${severity}`;
}

// ---------------------------------------------------------------- the list

export interface AnomalyRow {
  findingId: number;
  reportId: number;
  rule: string;
  severity: string;
  message: string;
  line: number | null;
  evidence: Evidence | null;
  agencyId: number | null;
  agency: string | null;
  year: number;
  regionName: string | null;
  synthetic: boolean;
}

type StoredRow = Omit<AnomalyRow, "evidence" | "synthetic"> & { evidence: string | null; synthetic: number };

/** Errors first; within a severity by region, agency and year. */
export function fetchAnomalies(db: NianbaoDb, view: AnomalyView): AnomalyRow[] {
  const rows = db.all<StoredRow>(sql`
    SELECT f.id AS findingId, f.report_id AS reportId, f.rule, f.severity, f.message, f.line, f.evidence,
      a.id AS agencyId, a.name AS agency, r.year, g.name AS regionName, r.synthetic
    FROM reports r JOIN findings f ON f.report_id = r.id
    LEFT JOIN agencies a ON a.id = r.agency_id LEFT JOIN regions g ON g.code = r.region_code
    WHERE ${selected(view)}
    ORDER BY ${SEVERITY_ORDER}, r.region_code, a.name, r.year, f.id`);
  return rows.map((row) => ({ ...row, evidence: row.evidence ? (JSON.parse(row.evidence) as Evidence) : null, synthetic: row.synthetic === 1 }));
}

/** The evidence of a cross-report finding in one line: the reports it names, the history, the peers. */
export function evidenceText(evidence: Evidence | null): string {
  if (!evidence) return "";
  const parts: string[] = [];
  if (evidence.related?.length) {
    const reports = evidence.related.map((r) => `${r.agency}${r.year}年度${r.similarity === undefined ? "" : `(相似度${percent(r.similarity)})`}`);
    parts.push(`相关年报:${reports.join("、")}`);
  }
  if (evidence.history?.length) parts.push(`本机关其他年度:${evidence.history.map((h) => `${h.year}年${h.value}`).join("、")}`);
  if (evidence.peers) {
    const p = evidence.peers;
    const show = (x: number) => (Number.isInteger(x) ? String(x) : percent(x));
    parts.push(`${p.group}另${p.count}个:中位数${show(p.median)},最大${show(p.max)}`);
  }
  return parts.join(";");
}

/** The findings as the page's table and the CSV: each leading to its report's line and to the first report its evidence names. */
export function anomalyTable(rows: readonly AnomalyRow[]): Table {
  return {
    headers: ["严重程度", "问题类型", "机关", "所在地区", "年度", "问题", "依据", "规则", "原文行"],
    // the year as text: a year is a name, never a quantity to group into thousands
    rows: rows.map((r) => [SEVERITY_LABELS[r.severity] ?? r.severity, ruleTitle(r.rule), r.agency, r.regionName, String(r.year), r.message, evidenceText(r.evidence), r.rule, r.line]),
    links: rows.map((r) => {
      const source = reportHref(r.reportId, r.line);
      const related = r.evidence?.related?.[0];
      return [null, null, r.agencyId ? agencyHref(r.agencyId) : null, null, reportHref(r.reportId), source, related ? reportHref(related.id) : null, null, source];
    }),
  };
}

// ---------------------------------------------------------------- the heat table

export interface HeatRow {
  /** the sub-region's code; null for reports of unknown region */
  code: string | null;
  name: string;
  /** rule → findings */
  counts: Record<string, number>;
  total: number;
}

export interface Heat {
  /** the rules with a finding in the view, in the registry's order */
  rules: string[];
  /** most findings first */
  rows: HeatRow[];
}

/** Codes one level below: provinces under the country, cities under a province, counties under a city, townships under a county. */
const CHILD_LENGTH: Record<number, number> = { 0: 2, 2: 4, 4: 6, 6: 9, 9: 9 };

/** The findings of the view counted by sub-region (a county's own agencies are the county's 本级) and rule. */
export function fetchAnomalyHeat(db: NianbaoDb, view: AnomalyView): Heat {
  const parent = view.scope.region;
  const length = CHILD_LENGTH[parent?.code.length ?? 0];
  const counts = db.all<{ code: string | null; rule: string; n: number }>(sql`
    SELECT substr(r.region_code, 1, ${length}) AS code, f.rule, COUNT(*) AS n
    FROM reports r JOIN findings f ON f.report_id = r.id
    WHERE ${selected(view)}
    GROUP BY code, f.rule`);
  const codes = [...new Set(counts.flatMap((c) => (c.code ? [c.code] : [])))];
  const names = new Map(
    codes.length === 0 ? [] : db.all<{ code: string; name: string }>(sql`SELECT code, name FROM regions WHERE code IN ${codes}`).map((r) => [r.code, r.name]),
  );
  const rows = new Map<string | null, HeatRow>();
  for (const { code, rule, n } of counts) {
    const name = code === null ? "地区不明" : code === parent?.code ? `${parent.name}本级` : (names.get(code) ?? code);
    const row = rows.get(code) ?? { code, name, counts: {}, total: 0 };
    row.counts[rule] = (row.counts[rule] ?? 0) + n;
    row.total += n;
    rows.set(code, row);
  }
  const seen = new Set(counts.map((c) => c.rule));
  const known = ALL_RULES.map((r) => r.id).filter((id) => seen.has(id));
  return { rules: [...known, ...[...seen].filter((id) => !RULE_BY_ID.has(id))], rows: [...rows.values()].sort((a, b) => b.total - a.total || (a.code ?? "~").localeCompare(b.code ?? "~")) };
}

/** The heat table as the CSV holds it: one row per sub-region, a column per rule. */
export function heatTable(heat: Heat): Table {
  return {
    headers: ["地区", "地区代码", "合计", ...heat.rules.map(ruleTitle)],
    rows: heat.rows.map((row) => [row.name, row.code, row.total, ...heat.rules.map((rule) => row.counts[rule] ?? 0)]),
  };
}

// ---------------------------------------------------------------- the rules

/** Every rule with its severity, kind and explanation: what the page's findings mean. */
export function rulesTable(): Table {
  const severity = (s: string) => SEVERITY_LABELS[s] ?? s;
  const CATEGORY_LABELS = { arithmetic: "表内勾稽", structural: "结构与一致性", statistical: "统计异常", similarity: "文本雷同" } as const;
  const SCOPE_LABELS = { parser: "单份年报(解析时)", report: "单份年报", agency: "本机关历年", peers: "同级同类机关", corpus: "同年度其他机关" } as const;
  return {
    headers: ["问题类型", "规则", "严重程度", "类别", "比较范围", "说明"],
    rows: ALL_RULES.map((r) => [r.title, r.id, severity(r.severity), CATEGORY_LABELS[r.category], SCOPE_LABELS[r.scope], r.explanation]),
  };
}
