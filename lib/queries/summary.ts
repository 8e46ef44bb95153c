/**
 * A region's combined report for a year (the 汇总 a county office publishes): every cell of the
 * year's template summed over the current reports under the region, leaving out the reports whose
 * checks found errors (their figures do not add up, so they would corrupt the sums).
 */
import { and, count, eq, inArray, ne, sql } from "drizzle-orm";
import { PROACTIVE_ITEMS_FIELD } from "@/db/aggregates";
import type { NianbaoDb } from "@/db/client";
import { regionFieldTotals, reportValues } from "@/db/schema";
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

/**
 * Each field summed over the reports without errors: the region's totals of the year less the
 * figures of the reports left out (few, where the whole region is many). 万元 sums rounded to
 * the 元 as elsewhere.
 */
function fetchSums(db: NianbaoDb, region: RegionName, year: number, excluded: readonly SummaryReport[]): Map<string, number | null> {
  const t = regionFieldTotals;
  const totals = db
    .select({ field: t.field, total: t.total, reports: t.reports })
    .from(t)
    .where(and(eq(t.regionCode, region.code), eq(t.year, year), ne(t.field, PROACTIVE_ITEMS_FIELD)))
    .all();
  const left = new Map<string, { total: number; reports: number }>();
  const ids = excluded.map((r) => r.reportId);
  for (let i = 0; i < ids.length; i += ID_CHUNK) {
    const v = reportValues;
    const rows = db
      .select({ field: v.field, total: sql<number>`COALESCE(SUM(${v.value}), 0)`, reports: count(v.value) })
      .from(v)
      .where(inArray(v.reportId, ids.slice(i, i + ID_CHUNK)))
      .groupBy(v.field)
      .all();
    for (const row of rows) {
      const sum = left.get(row.field) ?? { total: 0, reports: 0 };
      left.set(row.field, { total: sum.total + row.total, reports: sum.reports + row.reports });
    }
  }
  return new Map(
    totals.map((row) => {
      const out = left.get(row.field) ?? { total: 0, reports: 0 };
      return [row.field, row.reports - out.reports > 0 ? Math.round((row.total - out.total) * 10_000) / 10_000 : null];
    }),
  );
}

/** Report ids per query: well under SQLite's variable limit. */
const ID_CHUNK = 500;

export function fetchRegionSummary(db: NianbaoDb, region: RegionName, year: number): RegionSummary {
  const scope: Scope = { region, from: year, to: year };
  const reports = fetchReports(db, scope);
  const excluded = reports.filter((r) => r.errors > 0);
  return {
    year,
    template: templateForYear(year),
    included: reports.filter((r) => r.errors === 0),
    excluded,
    sums: fetchSums(db, region, year, excluded),
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
