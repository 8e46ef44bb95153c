/**
 * A region's combined report for a year (the 汇总 a county office publishes): every cell of the
 * year's template summed over the current reports under the region, leaving out the reports whose
 * checks found errors (their figures do not add up, so they would corrupt the sums).
 */
import { sql } from "drizzle-orm";
import type { NianbaoDb } from "@/db/client";
import type { Cell } from "@/lib/csv/write";
import { templateForYear, type TemplateVersion } from "@/lib/template/definitions";
import { agencyHref, reportHref } from "./links";
import { layoutCsvRows } from "./official-layout";
import type { RegionName } from "./regions";
import { inScope, type Scope } from "./scope";
import type { Table } from "./tables";

export interface SummaryReport {
  reportId: number;
  agencyId: number | null;
  agencyName: string | null;
  template: string | null;
  synthetic: boolean;
  errors: number;
}

export interface RegionSummary {
  year: number;
  template: TemplateVersion;
  /** the reports summed */
  included: SummaryReport[];
  /** the reports left out: their checks found errors */
  excluded: SummaryReport[];
  /** field → the sum over the included reports (null: none of them has the cell) */
  sums: Map<string, number | null>;
}

function fetchReports(db: NianbaoDb, scope: Scope): SummaryReport[] {
  const rows = db.all<Omit<SummaryReport, "synthetic"> & { synthetic: number }>(sql`
    SELECT r.id AS reportId, r.agency_id AS agencyId, a.name AS agencyName, r.template, r.synthetic,
      (SELECT COUNT(*) FROM findings f WHERE f.report_id = r.id AND f.severity = 'error') AS errors
    FROM reports r LEFT JOIN agencies a ON a.id = r.agency_id
    WHERE ${inScope(scope)}
    ORDER BY r.region_code, a.name`);
  return rows.map((row) => ({ ...row, synthetic: row.synthetic === 1 }));
}

/** Each field summed over the reports without errors; 万元 sums rounded to the 元 as elsewhere. */
function fetchSums(db: NianbaoDb, scope: Scope): Map<string, number | null> {
  const rows = db.all<{ field: string; total: number | null }>(sql`
    SELECT v.field, ROUND(SUM(v.value), 4) AS total
    FROM reports r JOIN report_values v ON v.report_id = r.id
    WHERE ${inScope(scope)}
      AND NOT EXISTS (SELECT 1 FROM findings f WHERE f.report_id = r.id AND f.severity = 'error')
    GROUP BY v.field`);
  return new Map(rows.map((row) => [row.field, row.total]));
}

export function fetchRegionSummary(db: NianbaoDb, region: RegionName, year: number): RegionSummary {
  const scope: Scope = { region, from: year, to: year };
  const reports = fetchReports(db, scope);
  return {
    year,
    template: templateForYear(year),
    included: reports.filter((r) => r.errors === 0),
    excluded: reports.filter((r) => r.errors > 0),
    sums: fetchSums(db, scope),
  };
}

/** The combined tables in the official layout, for the CSV. */
export function summaryLayoutRows(summary: RegionSummary): Cell[][] {
  return layoutCsvRows(summary.template, (field) => summary.sums.get(field) ?? null);
}

/** The reports behind the sums, and those left out with why. */
export function summaryReportsTable(summary: RegionSummary): Table {
  const all = [...summary.included.map((r) => ({ ...r, counted: true })), ...summary.excluded.map((r) => ({ ...r, counted: false }))];
  return {
    headers: ["机关", "汇总情况", "错误（项）", "模板", "年报"],
    rows: all.map((r) => [r.agencyName ?? "机关不明", r.counted ? "计入汇总" : "未计入：检查有错误", r.errors, r.template ? `${r.template}年版` : null, `#${r.reportId}`]),
    links: all.map((r) => [r.agencyId ? agencyHref(r.agencyId) : null, null, null, null, reportHref(r.reportId)]),
  };
}
