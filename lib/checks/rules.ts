/**
 * The check rules, as a table: each rule has a fixed id, a severity, a one-line explanation
 * for the supervising office, the fields it looks at, and the check itself. Adding a rule is
 * adding a row here.
 */
import { TEMPLATES, templateForYear, type SectionId } from "../template/definitions";
import { FIELD_BY_KEY } from "../template/fields";
import type { Severity } from "../parse/types";
import { outcomesThatDoNotAddUp, totalsThatDoNotAddUp, unbalancedColumns } from "./arithmetic";
import type { CheckContext, Violation } from "./context";
import { notAReport } from "./document";

export interface Rule {
  id: string;
  severity: Severity;
  /** what the rule checks, in one plain Chinese sentence */
  explanation: string;
  /** the fields the rule looks at: key prefixes, `*` for all */
  concerns: readonly string[];
  check: (ctx: CheckContext) => Violation[];
}

/** A section as the report titles it: the heading of its table in the template. */
const sectionName = (section: SectionId) => TEMPLATES["2021"].tables.find((t) => t.section === section)?.heading ?? section;

const fieldLabel = (key: string) => FIELD_BY_KEY.get(key)?.label ?? key;

/** Up to three field labels, then "等N个", so that a message stays one sentence. */
function listFields(keys: readonly string[]): string {
  const shown = keys.slice(0, 3).map(fieldLabel).join(";");
  return keys.length > 3 ? `${shown}等${keys.length}个单元格` : shown;
}

/** One violation for a set of fields, placed on the first of their lines. */
function aboutCells(ctx: CheckContext, keys: readonly string[], message: string): Violation[] {
  if (keys.length === 0) return [];
  const line = keys.map((key) => ctx.provenance[key]).find((l) => l !== undefined);
  return [{ message, fields: [...keys], line }];
}

const sectionFields = (ctx: CheckContext, section: SectionId) =>
  Object.keys(ctx.values).filter((key) => FIELD_BY_KEY.get(key)?.section === section);

export const RULES: readonly Rule[] = [
  {
    id: "document.notReport",
    severity: "error",
    explanation: "文件不是政府信息公开工作年度报告:通知、模板范文、工作方案或总结、空白格式,或2019年以前的报告。",
    concerns: ["*"],
    check: notAReport,
  },
  {
    id: "requests.balance",
    severity: "error",
    explanation: "每一列都应满足:本年新收 + 上年结转 = 办理结果总计 + 结转下年度继续办理。",
    concerns: ["requests.newReceived", "requests.carriedOver", "requests.totalHandled", "requests.carriedForward"],
    check: unbalancedColumns,
  },
  {
    id: "requests.columnSum",
    severity: "error",
    explanation: "申请情况表每一行的总计应等于六类申请人之和。",
    concerns: ["requests"],
    check: (ctx) =>
      totalsThatDoNotAddUp(ctx, "requests", (row, parts, total) => `“${row}”一行:六类申请人相加为${parts}件,而总计为${total}件。`),
  },
  {
    id: "requests.outcomeSum",
    severity: "error",
    explanation: "办理结果的(七)总计应等于(一)至(六)各项之和。",
    concerns: ["requests"],
    check: outcomesThatDoNotAddUp,
  },
  {
    id: "reviews.sum",
    severity: "error",
    explanation: "行政复议、行政诉讼的总计应等于结果维持、结果纠正、其他结果、尚未审结之和。",
    concerns: ["review", "litigationDirect", "litigationAfterReview"],
    check: (ctx) =>
      totalsThatDoNotAddUp(ctx, "reviews", (row, parts, total) => `${row}:结果维持、结果纠正、其他结果、尚未审结相加为${parts}件,而总计为${total}件。`),
  },
  {
    id: "table.missing",
    severity: "error",
    explanation: "报告缺少规定的统计表。",
    concerns: ["*"],
    check: (ctx) =>
      ctx.tables
        .filter((t) => t.state === "missing")
        .map((t) => ({
          message: `报告有“${sectionName(t.section)}”一节,但没有该节规定的统计表。`,
          fields: sectionFields(ctx, t.section),
          line: t.line,
        })),
  },
  {
    id: "table.truncated",
    severity: "warning",
    explanation: "统计表在中途中断,后面的行缺失。",
    concerns: ["*"],
    check: (ctx) =>
      ctx.tables
        .filter((t) => t.state === "truncated")
        .map((t) => ({
          message: !t.lastRow
            ? `“${sectionName(t.section)}”的统计表刚开始就中断了,没有读到任何一行。`
            : t.lastRowCut
              ? `“${sectionName(t.section)}”的统计表在“${t.lastRow}”一行中途中断了,该行其余各格和其后各行缺失。`
              : `“${sectionName(t.section)}”的统计表读到“${t.lastRow}”一行后就中断了,其后各行缺失。`,
          fields: sectionFields(ctx, t.section).filter((key) => ctx.values[key] === null),
          line: t.lastRowLine ?? t.line,
        })),
  },
  {
    id: "cell.blank",
    severity: "warning",
    explanation: "统计表的单元格应填写数字,没有数据应填0,不应留空或填“/”“-”“无”。",
    concerns: ["*"],
    check: (ctx) => aboutCells(ctx, ctx.blank, `${ctx.blank.length}个单元格没有填写数字(空白或“/”“-”“无”):${listFields(ctx.blank)}。`),
  },
  {
    id: "cell.ambiguous",
    severity: "warning",
    explanation: "单元格的数字连写在一起,有多种拆分方式,无法确定各格的数值。",
    concerns: ["*"],
    check: (ctx) =>
      aboutCells(ctx, ctx.ambiguous, `${ctx.ambiguous.length}个单元格的数字连写在一起,有多种拆分方式,未予采用:${listFields(ctx.ambiguous)}。`),
  },
  {
    id: "row.incomplete",
    severity: "warning",
    explanation: "统计表的一行数字少于栏数,无法确定缺的是哪几格。",
    concerns: ["*"],
    check: (ctx) => {
      const unplaced = ctx.unplaced ?? [];
      return aboutCells(ctx, unplaced, `${unplaced.length}个单元格所在的行数字少于栏数,无法确定各数字属于哪一栏,未予采用:${listFields(unplaced)}。`);
    },
  },
  {
    id: "template.mismatch",
    severity: "warning",
    explanation: "统计表使用的模板与报告年度规定的模板不一致。",
    concerns: ["*"],
    check: (ctx) => {
      if (ctx.year === null || ctx.template === null) return [];
      const expected = templateForYear(ctx.year);
      if (expected === ctx.template) return [];
      const line = ctx.tables[0]?.line;
      return [
        {
          message: `${ctx.year}年度报告应使用${TEMPLATES[expected].source}规定的表格,但统计表是按${TEMPLATES[ctx.template].source}的表格填写的。`,
          fields: [],
          line,
        },
      ];
    },
  },
  {
    id: "narrative.mismatch",
    severity: "warning",
    explanation: "正文所述收到申请数与统计表“本年新收”总计不一致。",
    concerns: ["requests.newReceived.total"],
    check: (ctx) => {
      const stated = ctx.narrative.requestsReceived;
      const table = ctx.values["requests.newReceived.total"];
      if (typeof stated !== "number" || typeof table !== "number" || stated === table) return [];
      // a text that counts last year's carried-over requests with this year's is not contradicting the table
      const carriedOver = ctx.values["requests.carriedOver.total"];
      if (typeof carriedOver === "number" && stated === table + carriedOver) return [];
      return [
        {
          message: `正文称本年收到政府信息公开申请${stated}件,但统计表“本年新收”总计为${table}件。`,
          fields: ["requests.newReceived.total"],
          line: ctx.narrativeProvenance.requestsReceived ?? ctx.provenance["requests.newReceived.total"],
        },
      ];
    },
  },
];
