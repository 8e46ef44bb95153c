/**
 * What the store makes of a parsed file before writing it: whether it is an annual report at
 * all, and how completely it was read. Pure functions of the parse result.
 */
import { FIRST_TEMPLATE_YEAR } from "../checks/document";
import type { ParseResult } from "../parse/index";

export type ParseStatus = "ok" | "partial" | "empty";

/** A finding the parser may give for a document that only looks like a report (a notice, a 范文). */
export const NOT_A_REPORT_RULE = "document.notReport";

/**
 * Why the file should not be stored as a report, or null when it should. A report without
 * agency or year is still stored (the office can fix it with a manifest), and so is a real report
 * whose tables hold no numbers yet; only what the parser tells is no report (a notice, a 范文,
 * a news article), or a report from before the common template, is turned away.
 */
export function declineReason(parsed: ParseResult): string | null {
  const flagged = parsed.findings.find((f) => f.rule === NOT_A_REPORT_RULE);
  if (flagged) return `不是年度报告:${flagged.message}`;
  if (parsed.year !== null && parsed.year < FIRST_TEMPLATE_YEAR) {
    return `${parsed.year}年度的报告早于${FIRST_TEMPLATE_YEAR}年的统一格式,不纳入统计`;
  }
  return null;
}

/** ok: every table read and no error or warning; partial: gaps or findings; empty: no tables. */
export function parseStatus(parsed: ParseResult): ParseStatus {
  if (parsed.template === null) return "empty";
  const gaps = Object.values(parsed.values).some((v) => v === null);
  const flagged = parsed.findings.some((f) => f.severity === "error" || f.severity === "warning");
  return gaps || flagged ? "partial" : "ok";
}
