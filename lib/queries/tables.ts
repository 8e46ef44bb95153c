/**
 * Every chart and table of the dashboard as rows and columns: what the page shows and what its
 * CSV download holds are built here, once, so the two cannot drift apart.
 */
import type { NianbaoDb } from "@/db/client";
import type { Cell } from "@/lib/csv/write";
import { agencyHref } from "./links";
import { AGENCY_MEASURES, fetchAgencyRows, type AgencyRow } from "./agencies";
import type { Scope } from "./scope";
import { fetchYearly, YEARLY_VIEWS, type YearlyView, type YearlyViewId, type YearPoint } from "./yearly";

export interface Table {
  headers: string[];
  rows: Cell[][];
  /** where a cell leads (an agency's page, a report's source line), beside `rows`; a CSV leaves links out */
  links?: (string | null)[][];
}

/** The overview's charts and tables, each with a CSV download: the yearly charts and the agency table. */
export type ViewId = YearlyViewId | "agencies";

export function viewTitle(view: ViewId): string {
  return view === "agencies" ? "机关一览" : YEARLY_VIEWS[view].title;
}

export function yearlyTable(view: YearlyView, points: readonly YearPoint[]): Table {
  return {
    headers: ["年度", ...view.measures.map((m) => m.label)],
    rows: points.map((point) => [point.year, ...view.measures.map((m) => point[m.key])]),
  };
}

export const KIND_LABELS: Record<string, string> = {
  township: "乡镇（街道）",
  county: "县级政府",
  city: "市级政府",
  province: "省级政府",
  department: "政府部门",
  other: "其他",
};

export const SYNTHETIC_LABEL = "合成样例";

export function agencyTable(agencies: readonly AgencyRow[]): Table {
  return {
    headers: ["机关", "类型", "所在地区", "年报（份）", ...AGENCY_MEASURES.map((m) => m.label), "数据来源"],
    rows: agencies.map((a) => [
      a.name,
      KIND_LABELS[a.kind] ?? a.kind,
      a.regionName,
      a.reports,
      ...AGENCY_MEASURES.map((m) => a.values[m.key]),
      a.synthetic ? SYNTHETIC_LABEL : "年报原文",
    ]),
    links: agencies.map((a) => [agencyHref(a.id)]),
  };
}

export function fetchTable(db: NianbaoDb, scope: Scope, view: ViewId): Table {
  return view === "agencies" ? agencyTable(fetchAgencyRows(db, scope)) : yearlyTable(YEARLY_VIEWS[view], fetchYearly(db, scope, YEARLY_VIEWS[view]));
}
