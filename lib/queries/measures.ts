/**
 * The figures the dashboard sums, each named once: which cells of the reports make it up.
 * Field keys are those of `lib/template` (and ../shared/spec/fields.csv).
 */
import { FIELDS, type FieldDef } from "@/lib/template/fields";
import type { Unit } from "@/lib/template/definitions";
import type { Severity } from "@/lib/parse/types";

export type MeasureSource =
  /** the sum of these report_values fields (a report holds one template's fields, never both) */
  | { fields: readonly string[] }
  /** the number of proactively disclosed items the report's text states (reports.proactive_items) */
  | { narrative: "proactiveItems" }
  /** how many findings of this severity the checks raised on the report */
  | { findings: Severity };

export interface Measure {
  /** the key of the figure in query results, chart data and CSV columns */
  key: string;
  /** the Chinese label shown in legends, table headers and CSV headers */
  label: string;
  unit: Unit;
  source: MeasureSource;
}

/** The keys of the cells in one column of every row whose key stem starts with `stemPrefix`. */
function cells(stemPrefix: string, column: string, fields: readonly FieldDef[] = FIELDS): string[] {
  return fields.filter((f) => f.stem.startsWith(stemPrefix) && f.column === column).map((f) => f.key);
}

const count = (key: string, label: string, fields: readonly string[]): Measure => ({ key, label, unit: "count", source: { fields } });

// ------------------------------------------------------------------ section 二: proactive

export const normativeDocuments = count("normativeDocuments", "规范性文件制发", [
  "proactive.normativeDocuments.issued",
  // the 2019 template's 本年新制作数量 is what the 2021 template renamed 本年制发件数
  "proactive.normativeDocuments.made",
]);
export const licensing = count("licensing", "行政许可决定", ["proactive.licensing.decisions"]);
export const penalty = count("penalty", "行政处罚决定", ["proactive.penalty.decisions"]);
export const coercion = count("coercion", "行政强制决定", ["proactive.coercion.decisions"]);
/** only the 2021 template prints an amount; the 2019 one counts fee items instead */
export const fees: Measure = { key: "fees", label: "行政事业性收费（万元）", unit: "wan", source: { fields: ["proactive.fees.amount"] } };
export const proactiveItems: Measure = { key: "proactiveItems", label: "主动公开信息（条）", unit: "count", source: { narrative: "proactiveItems" } };

// ------------------------------------------------------------------ section 三: requests

export const received = count("received", "新收申请", ["requests.newReceived.total"]);
export const granted = count("granted", "予以公开", ["requests.granted.total"]);
export const partiallyGranted = count("partiallyGranted", "部分公开", ["requests.partiallyGranted.total"]);
export const denied = count("denied", "不予公开", cells("requests.denied.", "total"));
export const unavailable = count("unavailable", "无法提供", cells("requests.unavailable.", "total"));
export const notProcessed = count("notProcessed", "不予处理", cells("requests.notProcessed.", "total"));
export const otherHandling = count("otherHandling", "其他处理", cells("requests.otherHandling.", "total"));
export const handled = count("handled", "办理总计", ["requests.totalHandled.total"]);

// ------------------------------------------------------------------ section 四: reviews and lawsuits

const RESULTS = [
  ["upheld", "结果维持"],
  ["corrected", "结果纠正"],
  ["other", "其他结果"],
  ["pending", "尚未审结"],
  ["total", "总计"],
] as const;
type Result = (typeof RESULTS)[number][0];

/** 行政复议 by result */
export const review = Object.fromEntries(RESULTS.map(([id, label]) => [id, count(id, label, [`review.${id}`])])) as Record<Result, Measure>;

/** 行政诉讼 by result: lawsuits filed directly and after a review, together */
export const litigation = Object.fromEntries(
  RESULTS.map(([id, label]) => [id, count(id, label, [`litigationDirect.${id}`, `litigationAfterReview.${id}`])]),
) as Record<Result, Measure>;

// ------------------------------------------------------------------ findings

export const errors: Measure = { key: "errors", label: "错误", unit: "count", source: { findings: "error" } };
export const warnings: Measure = { key: "warnings", label: "警告", unit: "count", source: { findings: "warning" } };

// ------------------------------------------------------------------ kept per report

/**
 * The figures kept per current report in `report_figures` (db/schema.ts declares the same
 * columns), so that tables split by agency (the comparison's ranks of a whole country, the
 * agency table of a province) read one row per report instead of a value row per field. A
 * measure with the same source as one of these is read from its column.
 */
export const REPORT_FIGURES = [
  { column: "received", measure: received },
  { column: "handled", measure: handled },
  { column: "granted", measure: granted },
  { column: "denied", measure: denied },
  { column: "proactive_items", measure: proactiveItems },
  { column: "licensing", measure: licensing },
  { column: "penalty", measure: penalty },
  { column: "reviews", measure: review.total },
  { column: "reviews_corrected", measure: review.corrected },
  { column: "lawsuits", measure: litigation.total },
  { column: "lawsuits_corrected", measure: litigation.corrected },
] as const;

const sameSource = (a: MeasureSource, b: MeasureSource) => JSON.stringify(a) === JSON.stringify(b);

/** The report_figures column that holds this measure, if one does. */
export function figureColumn(measure: Measure): string | undefined {
  return REPORT_FIGURES.find((f) => sameSource(f.measure.source, measure.source))?.column;
}

/** The same measure under another key and label, for a table that shows several alike. */
export function renamed(measure: Measure, key: string, label: string): Measure {
  return { ...measure, key, label };
}
