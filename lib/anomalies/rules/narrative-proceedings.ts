/**
 * The text against section 四's table: the reviews and lawsuits a report says it had must be the
 * ones its table counts. (Requests received are the parse contract's narrative.mismatch.)
 */
import type { Violation } from "../../checks/context";
import { statedProceedings, type StatedProceedings } from "../text/proceedings";
import type { ReportDocument, ReportRule } from "../types";

/** Both rules read the same statements: read them once per report. */
const read = new WeakMap<ReportDocument, StatedProceedings>();
function stated(doc: ReportDocument): StatedProceedings {
  let found = read.get(doc);
  if (!found) read.set(doc, (found = statedProceedings(doc.lines)));
  return found;
}

const RESULTS = ["upheld", "corrected", "other", "pending"];

/**
 * A row's count as the table gives it: its 总计, and the sum of its four results (when the two
 * differ, reviews.sum reports the table; the text is not to blame). Null when a cell is missing.
 */
function rowCounts(doc: ReportDocument, stem: string): number[] | null {
  const total = doc.values[`${stem}.total`];
  const parts = RESULTS.map((r) => doc.values[`${stem}.${r}`]);
  if (typeof total !== "number" || !parts.every((v): v is number => typeof v === "number")) return null;
  return [total, parts.reduce((a, b) => a + b, 0)];
}

/**
 * Every count a text may rightly give: one row's, or the sum over several rows (a text may count
 * the lawsuits filed directly and those after review apart or together). Null when a cell is missing.
 */
function agreeingCounts(doc: ReportDocument, stems: readonly string[]): Set<number> | null {
  let sums = new Set<number>();
  for (const stem of stems) {
    const counts = rowCounts(doc, stem);
    if (!counts) return null;
    sums = new Set([...sums, ...counts, ...[...sums].flatMap((s) => counts.map((c) => s + c))]);
  }
  return sums;
}

function contradiction(doc: ReportDocument, kind: keyof StatedProceedings, stems: readonly string[], word: string): Violation[] {
  const text = stated(doc)[kind];
  const agreeing = agreeingCounts(doc, stems);
  if (!text || !agreeing || agreeing.has(text.value)) return [];
  const fields = stems.map((stem) => `${stem}.total`);
  const table = fields.reduce((sum, f) => sum + (doc.values[f] ?? 0), 0);
  return [{ message: `正文称${word}${text.value}件,但第四部分统计表合计为${table}件。`, fields, line: text.line }];
}

const REVIEWS = ["review"];
const LAWSUITS = ["litigationDirect", "litigationAfterReview"];

export const narrativeReviews: ReportRule = {
  id: "narrative.reviews",
  title: "正文复议数与表不符",
  severity: "warning",
  category: "structural",
  scope: "report",
  explanation: "正文所述政府信息公开行政复议件数与第四部分统计表的行政复议总计不一致。",
  evidence: "cells",
  concerns: ["review"],
  detect: (doc) => contradiction(doc, "reviews", REVIEWS, "发生政府信息公开行政复议"),
};

export const narrativeLawsuits: ReportRule = {
  id: "narrative.lawsuits",
  title: "正文诉讼数与表不符",
  severity: "warning",
  category: "structural",
  scope: "report",
  explanation: "正文所述政府信息公开行政诉讼件数与第四部分统计表的行政诉讼总计不一致。",
  evidence: "cells",
  concerns: LAWSUITS,
  detect: (doc) => contradiction(doc, "lawsuits", LAWSUITS, "发生政府信息公开行政诉讼"),
};
