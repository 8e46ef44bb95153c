/** The agency table: every agency with current reports in the scope, its main figures and findings. */
import { sql } from "drizzle-orm";
import type { NianbaoDb } from "@/db/client";
import { aggregate } from "./aggregate";
import * as m from "./measures";
import type { Measure } from "./measures";
import { inScope, type Scope } from "./scope";

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
  /** measure key (AGENCY_MEASURES unless asked otherwise) → sum over its reports */
  values: Record<string, number | null>;
}

interface AgencyName {
  id: number;
  name: string;
  kind: string;
  regionName: string | null;
}

/** The agencies of the scope in gazetteer order (a county's own offices before its townships). */
function agenciesInScope(db: NianbaoDb, scope: Scope): AgencyName[] {
  return db.all<AgencyName>(sql`
    SELECT a.id, a.name, a.kind, g.name AS regionName
    FROM agencies a LEFT JOIN regions g ON g.code = a.region_code
    WHERE a.id IN (SELECT r.agency_id FROM reports r WHERE ${inScope(scope)})
    ORDER BY a.region_code, a.name`);
}

/** `measures`: the figures summed per agency (the agency table's by default). */
export function fetchAgencyRows(db: NianbaoDb, scope: Scope, measures: readonly Measure[] = AGENCY_MEASURES): AgencyRow[] {
  const figures = new Map(aggregate(db, scope, measures, "agency").map((row) => [row.group, row]));
  return agenciesInScope(db, scope).map((agency) => {
    const row = figures.get(agency.id)!;
    return { ...agency, reports: row.reports, synthetic: row.syntheticReports > 0, values: row.values };
  });
}
