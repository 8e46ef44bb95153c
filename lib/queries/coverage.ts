/** Who published: a region's agencies × years, and the townships of the gazetteer with no report at all. */
import { sql } from "drizzle-orm";
import type { NianbaoDb } from "@/db/client";
import { agencyHref, regionHref, reportHref } from "./links";
import type { RegionName } from "./regions";
import { underRegion, yearRange, type Scope } from "./scope";
import { KIND_LABELS, type Table } from "./tables";

/** How a cell of the coverage matrix reads, on the page and in the CSV. */
export const COVERAGE_LABELS = {
  published: "已发布",
  withErrors: "有错误",
  missing: "未发布",
} as const;

export type CoverageStatus = keyof typeof COVERAGE_LABELS;

/** A published report with an error finding is "published with errors": its figures are not to be trusted as they stand. */
export function coverageStatus(errors: number): Exclude<CoverageStatus, "missing"> {
  return errors > 0 ? "withErrors" : "published";
}

export interface CoverageCell {
  reportId: number;
  status: Exclude<CoverageStatus, "missing">;
}

export interface CoverageRow {
  /** null: a township of the gazetteer that no report names */
  agencyId: number | null;
  name: string;
  kind: string;
  regionCode: string | null;
  regionName: string | null;
  /** year → its report; a year absent here is missing */
  years: Map<number, CoverageCell>;
}

export interface Coverage {
  years: number[];
  rows: CoverageRow[];
}

interface PublishedReport {
  agencyId: number;
  name: string;
  kind: string;
  regionCode: string | null;
  regionName: string | null;
  reportId: number;
  year: number | null;
  errors: number;
}

/**
 * Every agency with a current report under the region in any year (so an agency that stopped
 * publishing shows its missing years), with its reports of the scope's years.
 */
function agencyRows(db: NianbaoDb, region: RegionName, scope: Scope): CoverageRow[] {
  const reports = db.all<PublishedReport>(sql`
    SELECT a.id AS agencyId, a.name, a.kind, a.region_code AS regionCode, g.name AS regionName, r.id AS reportId, r.year,
      (SELECT COUNT(*) FROM findings f WHERE f.report_id = r.id AND f.severity = 'error') AS errors
    FROM reports r JOIN agencies a ON a.id = r.agency_id LEFT JOIN regions g ON g.code = a.region_code
    WHERE r.current = 1 AND ${underRegion(sql`r.region_code`, region.code)}`);
  const rows = new Map<number, CoverageRow>();
  for (const report of reports) {
    const row = rows.get(report.agencyId) ?? { ...report, years: new Map() };
    rows.set(report.agencyId, row);
    if (report.year !== null && report.year >= scope.from && report.year <= scope.to) {
      row.years.set(report.year, { reportId: report.reportId, status: coverageStatus(report.errors) });
    }
  }
  return [...rows.values()];
}

/** The townships under the region that no current report names: missing, not hidden. */
function silentTownships(db: NianbaoDb, region: RegionName): CoverageRow[] {
  const townships = db.all<RegionName>(sql`
    SELECT g.code, g.name FROM regions g
    WHERE g.level = 4 AND ${underRegion(sql`g.code`, region.code)}
      AND NOT EXISTS (SELECT 1 FROM reports r WHERE r.current = 1 AND r.region_code = g.code)`);
  return townships.map((t) => ({ agencyId: null, name: t.name, kind: "township", regionCode: t.code, regionName: t.name, years: new Map() }));
}

/** In gazetteer order: a county's own offices, then each township's agencies or its empty row. */
export function fetchCoverage(db: NianbaoDb, scope: Scope & { region: RegionName }): Coverage {
  const rows = [...agencyRows(db, scope.region, scope), ...silentTownships(db, scope.region)];
  rows.sort((a, b) => (a.regionCode ?? "").localeCompare(b.regionCode ?? "") || a.name.localeCompare(b.name, "zh-CN"));
  return { years: yearRange(scope.from, scope.to), rows };
}

function statusOf(row: CoverageRow, year: number): CoverageStatus {
  return row.years.get(year)?.status ?? "missing";
}

/** The matrix, wide: a row per agency (or silent township), a column per year. */
export function coverageTable({ years, rows }: Coverage): Table {
  return {
    headers: ["机关", "类型", "所在地区", ...years.map((year) => `${year}年`)],
    rows: rows.map((row) => [
      row.agencyId === null ? `${row.name}（无任何年报）` : row.name,
      KIND_LABELS[row.kind] ?? row.kind,
      row.regionName,
      ...years.map((year) => COVERAGE_LABELS[statusOf(row, year)]),
    ]),
    links: rows.map((row) => [
      row.agencyId === null ? regionHref(row.regionCode) : agencyHref(row.agencyId),
      null,
      null,
      ...years.map((year) => {
        const cell = row.years.get(year);
        return cell ? reportHref(cell.reportId) : null;
      }),
    ]),
  };
}

/** Per year: how many rows published, published with errors, or not at all. */
export function coverageYearsTable({ years, rows }: Coverage): Table {
  return {
    headers: ["年度", COVERAGE_LABELS.published, COVERAGE_LABELS.withErrors, COVERAGE_LABELS.missing, "发布率"],
    rows: years.map((year) => {
      const count = (status: CoverageStatus) => rows.filter((row) => statusOf(row, year) === status).length;
      const published = count("published") + count("withErrors");
      return [year, count("published"), count("withErrors"), count("missing"), rows.length ? `${((published / rows.length) * 100).toFixed(1)}%` : null];
    }),
  };
}
