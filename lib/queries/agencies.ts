/** The agency table: every agency with current reports in the scope, its main figures and findings. */
import { sql, type SQL } from "drizzle-orm";
import type { NianbaoDb } from "@/db/client";
import { aggregate, aggregateFromReports } from "./aggregate";
import * as m from "./measures";
import type { RegionName } from "./regions";
import { inScope, underRegion, type Scope } from "./scope";

export const AGENCY_MEASURES = [
  m.proactiveItems,
  m.received,
  m.granted,
  m.renamed(m.review.total, "reviews", "行政复议"),
  m.renamed(m.litigation.total, "lawsuits", "行政诉讼"),
  m.errors,
  m.warnings,
] as const;

export interface AgencyRow {
  id: number;
  name: string;
  /** township | county | city | province | department | other */
  kind: string;
  /** the name of the agency's area; null when unknown */
  regionName: string | null;
  reports: number;
  /** some of its reports in the scope are synthetic sample data */
  synthetic: boolean;
  /** measure key (AGENCY_MEASURES) → sum over its reports */
  values: Record<string, number | null>;
}

export interface AgencyName {
  id: number;
  name: string;
  kind: string;
  regionName: string | null;
}

/** The agencies whose own region is in the region (null: the country): an agency's reports carry its region code. */
function agencyInRegion(region: RegionName | null): SQL {
  return region ? underRegion(sql`a.region_code`, region.code) : sql`1 = 1`;
}

/** An agency's name, kind and the name of its area, from `agencies a`. */
const NAMED = sql`SELECT a.id, a.name, a.kind, g.name AS regionName FROM agencies a LEFT JOIN regions g ON g.code = a.region_code`;

/**
 * The ids of the region's agencies in gazetteer order, with or without reports: read from the
 * index agencies(region_code, name) alone, so the country's 81k cost no table row.
 */
export function agencyIdsInOrder(db: NianbaoDb, region: RegionName | null): number[] {
  return db.all<{ id: number }>(sql`SELECT a.id FROM agencies a WHERE ${agencyInRegion(region)} ORDER BY a.region_code, a.name`).map((a) => a.id);
}

/** The names of these agencies (a page's few hundred), or of every agency of the region when no ids are given. */
export function fetchAgencyNames(db: NianbaoDb, region: RegionName | null, ids?: readonly number[]): AgencyName[] {
  if (ids?.length === 0) return [];
  return db.all<AgencyName>(sql`${NAMED} WHERE ${ids ? sql`a.id IN ${ids}` : agencyInRegion(region)}`);
}

/**
 * The agencies of the scope in gazetteer order (a county's own offices before its townships),
 * the first `limit` of them when given. Walking agencies(region_code, name) in order and asking
 * each for a current report in the years stops after `limit`, so a province's first page does
 * not read every report of the province.
 */
function agenciesInScope(db: NianbaoDb, scope: Scope, limit?: number): AgencyName[] {
  return db.all<AgencyName>(sql`
    ${NAMED}
    WHERE ${agencyInRegion(scope.region)} AND EXISTS (SELECT 1 FROM reports r WHERE r.agency_id = a.id AND ${inScope(scope)})
    ORDER BY a.region_code, a.name${limit === undefined ? sql`` : sql` LIMIT ${limit}`}`);
}

/** Every agency of the scope with the agency table's figures: the CSV's rows. */
export function fetchAgencyRows(db: NianbaoDb, scope: Scope): AgencyRow[] {
  return withFigures(db, scope, agenciesInScope(db, scope));
}

/** The agencies a page lists: a city's fit; a province's are in the CSV. */
export const AGENCY_ROWS_SHOWN = 500;

export interface AgencyPage {
  /** the first agencies of the scope, in gazetteer order */
  rows: AgencyRow[];
  /** how many agencies the scope has in all (the CSV lists them all) */
  total: number;
}

/** The first `limit` agencies of the scope with their figures: what a page shows of a province's thousands. */
export function fetchAgencyPage(db: NianbaoDb, scope: Scope, limit: number): AgencyPage {
  const agencies = agenciesInScope(db, scope, limit);
  // the figures of these agencies alone, read by agency from report_figures(agency_id, year)
  const only = agencies.length > 0 ? sql`r.agency_id IN ${agencies.map((a) => a.id)}` : undefined;
  const rows = withFigures(db, scope, agencies, only);
  const total = rows.length < limit ? rows.length : (aggregate(db, scope, [], "all")[0]?.agencies ?? rows.length);
  return { rows, total };
}

/** Each agency's AGENCY_MEASURES over its reports in the scope; `only`: a condition that narrows the reports read to theirs. */
function withFigures(db: NianbaoDb, scope: Scope, agencies: AgencyName[], only?: SQL): AgencyRow[] {
  if (agencies.length === 0) return [];
  const figures = new Map(aggregateFromReports(db, scope, AGENCY_MEASURES, "agency", only).map((row) => [row.group, row]));
  return agencies.map((agency) => {
    const row = figures.get(agency.id)!;
    return { ...agency, reports: row.reports, synthetic: row.syntheticReports > 0, values: row.values };
  });
}
