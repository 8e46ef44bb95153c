/** The key figures above the charts: how much was reported, and what share went which way. */
import type { NianbaoDb } from "@/db/client";
import { aggregate } from "./aggregate";
import * as m from "./measures";
import type { Scope } from "./scope";

export interface KeyFigures {
  reports: number;
  agencies: number;
  syntheticReports: number;
  requestsReceived: number | null;
  /** 予以公开 / (七)总计 */
  grantedShare: number | null;
  reviews: number | null;
  /** 结果纠正 / 总计 of administrative reviews */
  reviewCorrectedShare: number | null;
  lawsuits: number | null;
  /** 结果纠正 / 总计 of lawsuits, direct and after review */
  lawsuitCorrectedShare: number | null;
}

const MEASURES = [
  m.received,
  m.granted,
  m.handled,
  m.renamed(m.review.total, "reviews", "行政复议"),
  m.renamed(m.review.corrected, "reviewsCorrected", "行政复议纠正"),
  m.renamed(m.litigation.total, "lawsuits", "行政诉讼"),
  m.renamed(m.litigation.corrected, "lawsuitsCorrected", "行政诉讼纠正"),
];

/** part / whole; null when there is no whole to divide (no figures, or a total of 0) */
export function share(part: number | null, whole: number | null): number | null {
  return part != null && whole ? part / whole : null;
}

/** How many reports of the scope are generated sample data. */
export function countSyntheticReports(db: NianbaoDb, scope: Scope): number {
  return aggregate(db, scope, [], "all")[0].syntheticReports;
}

export function fetchKeyFigures(db: NianbaoDb, scope: Scope): KeyFigures {
  const [totals] = aggregate(db, scope, MEASURES, "all");
  const v = totals.values;
  return {
    reports: totals.reports,
    agencies: totals.agencies,
    syntheticReports: totals.syntheticReports,
    requestsReceived: v.received,
    grantedShare: share(v.granted, v.handled),
    reviews: v.reviews,
    reviewCorrectedShare: share(v.reviewsCorrected, v.reviews),
    lawsuits: v.lawsuits,
    lawsuitCorrectedShare: share(v.lawsuitsCorrected, v.lawsuits),
  };
}
