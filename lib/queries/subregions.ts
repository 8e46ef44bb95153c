/**
 * A region's sub-regions side by side (a county's townships, a city's counties): each one's main
 * figures over the scope's years, every sub-region of the gazetteer listed even without reports,
 * and the region's own offices (a county's departments) as a row of their own.
 */
import { sql } from "drizzle-orm";
import type { NianbaoDb } from "@/db/client";
import { aggregate } from "./aggregate";
import { AGENCY_MEASURES } from "./agencies";
import { regionHref } from "./links";
import type { RegionName } from "./regions";
import type { Scope } from "./scope";
import type { Table } from "./tables";

export interface SubregionRow {
  /** null: the region's own offices (or, for the whole country, reports whose region is unknown) */
  code: string | null;
  name: string;
  reports: number;
  agencies: number;
  values: Record<string, number | null>;
}

/** The region's children in the gazetteer (the provinces for the whole country). */
function fetchChildren(db: NianbaoDb, region: RegionName | null): RegionName[] {
  return db.all<RegionName>(sql`SELECT code, name FROM regions WHERE parent_code IS ${region?.code ?? null} ORDER BY code`);
}

const NO_VALUES = Object.fromEntries(AGENCY_MEASURES.map((m) => [m.key, null]));

export function fetchSubregionRows(db: NianbaoDb, scope: Scope): SubregionRow[] {
  const children = fetchChildren(db, scope.region);
  if (children.length === 0) return [];
  // children of one parent share a code length: the prefix that tells which child a report is under
  const sums = aggregate(db, scope, AGENCY_MEASURES, { regionPrefix: children[0].code.length });
  const byCode = new Map(sums.map((row) => [row.group, row]));
  const rows: SubregionRow[] = children.map((child) => {
    const sum = byCode.get(child.code);
    return { ...child, reports: sum?.reports ?? 0, agencies: sum?.agencies ?? 0, values: sum?.values ?? NO_VALUES };
  });
  // reports filed at the region itself (a county's departments) or nowhere known
  const own = sums.filter((row) => !children.some((child) => child.code === row.group));
  for (const row of own) {
    rows.unshift({ code: null, name: scope.region ? `${scope.region.name}本级` : "地区不明", reports: row.reports, agencies: row.agencies, values: row.values });
  }
  return rows;
}

export function subregionTable(rows: readonly SubregionRow[], scope: Scope): Table {
  return {
    headers: ["地区", "地区代码", "年报（份）", "机关（个）", ...AGENCY_MEASURES.map((m) => m.label)],
    rows: rows.map((row) => [row.name, row.code, row.reports, row.agencies, ...AGENCY_MEASURES.map((m) => row.values[m.key])]),
    links: rows.map((row) => [row.code ? regionHref(row.code, scope) : null]),
  };
}
