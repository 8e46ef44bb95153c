/**
 * The figures the statistical rules compare, as data: counts (decisions, requests, reviews,
 * lawsuits) and rates with the smallest denominator at which a rate means something. Fee amounts
 * are left to fees.unit: a year's fees swing widely, and their one tell-tale error is the unit.
 */
export interface CountMeasure {
  kind: "count";
  key: string;
  /** what the figure is, for messages */
  label: string;
  /** the fields added up; null when any of them is missing */
  fields: readonly string[];
}

export interface RateMeasure {
  kind: "rate";
  key: string;
  label: string;
  numerator: readonly string[];
  denominator: readonly string[];
  /** below this many cases a rate is noise: 1 of 2 is 50% */
  minDenominator: number;
}

export const COUNT_MEASURES: readonly CountMeasure[] = [
  { kind: "count", key: "licensing", label: "行政许可处理决定数量", fields: ["proactive.licensing.decisions"] },
  { kind: "count", key: "penalty", label: "行政处罚处理决定数量", fields: ["proactive.penalty.decisions"] },
  { kind: "count", key: "coercion", label: "行政强制处理决定数量", fields: ["proactive.coercion.decisions"] },
  { kind: "count", key: "requests", label: "本年新收政府信息公开申请", fields: ["requests.newReceived.total"] },
  { kind: "count", key: "reviews", label: "政府信息公开行政复议", fields: ["review.total"] },
  { kind: "count", key: "lawsuits", label: "政府信息公开行政诉讼", fields: ["litigationDirect.total", "litigationAfterReview.total"] },
];

export const RATE_MEASURES: readonly RateMeasure[] = [
  {
    kind: "rate",
    key: "grantRate",
    label: "申请办结中予以公开和部分公开的比例",
    numerator: ["requests.granted.total", "requests.partiallyGranted.total"],
    denominator: ["requests.totalHandled.total"],
    minDenominator: 20,
  },
];

type Values = Readonly<Record<string, number | null>>;

/** The sum of the fields, or null when any is missing. */
export function total(values: Values, fields: readonly string[]): number | null {
  let sum = 0;
  for (const field of fields) {
    const value = values[field];
    if (typeof value !== "number") return null;
    sum += value;
  }
  return sum;
}

/** The rate, or null when it cannot be told or rests on too few cases. */
export function rate(values: Values, measure: RateMeasure): number | null {
  const numerator = total(values, measure.numerator);
  const denominator = total(values, measure.denominator);
  if (numerator === null || denominator === null || denominator < measure.minDenominator) return null;
  return numerator / denominator;
}

/** Where the figure was printed: the line of its first field. */
export function measureLine(provenance: Readonly<Record<string, number>>, fields: readonly string[]): number | undefined {
  return fields.map((f) => provenance[f]).find((line) => line !== undefined);
}
