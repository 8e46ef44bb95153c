/** The charts across years: each a list of measures summed per year of the scope. */
import type { NianbaoDb } from "@/db/client";
import { aggregate } from "./aggregate";
import * as m from "./measures";
import { yearRange, type Scope } from "./scope";

export interface YearlyView {
  title: string;
  measures: readonly m.Measure[];
}

export const YEARLY_VIEWS = {
  proactive: {
    title: "主动公开",
    measures: [m.normativeDocuments, m.licensing, m.penalty, m.coercion, m.fees, m.proactiveItems],
  },
  requests: {
    title: "依申请公开办理结果",
    measures: [m.granted, m.partiallyGranted, m.denied, m.unavailable, m.notProcessed, m.otherHandling],
  },
  reviews: {
    title: "行政复议结果",
    measures: [m.review.upheld, m.review.corrected, m.review.other, m.review.pending],
  },
  litigation: {
    title: "行政诉讼结果",
    measures: [m.litigation.upheld, m.litigation.corrected, m.litigation.other, m.litigation.pending],
  },
} as const satisfies Record<string, YearlyView>;

export type YearlyViewId = keyof typeof YEARLY_VIEWS;

/** One year of a chart: the year and each measure's sum (null: no report of the year has it). */
export type YearPoint = { year: number } & Record<string, number | null>;

/** Every year of the scope, in order, the years without reports included (as gaps). */
export function fetchYearly(db: NianbaoDb, scope: Scope, view: YearlyView): YearPoint[] {
  const byYear = new Map(aggregate(db, scope, view.measures, "year").map((row) => [row.group, row.values]));
  return yearRange(scope.from, scope.to).map((year) => {
    const values = byYear.get(year);
    return { ...Object.fromEntries(view.measures.map((measure) => [measure.key, values?.[measure.key] ?? null])), year } as YearPoint;
  });
}

export type YearlyCharts = Record<YearlyViewId, YearPoint[]>;

/** Every chart across years of a scope (a region's, an agency's). */
export function fetchYearlyCharts(db: NianbaoDb, scope: Scope): YearlyCharts {
  const ids = Object.keys(YEARLY_VIEWS) as YearlyViewId[];
  return Object.fromEntries(ids.map((id) => [id, fetchYearly(db, scope, YEARLY_VIEWS[id])])) as YearlyCharts;
}
