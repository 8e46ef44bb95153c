/**
 * The region filter: a chain of selects, province → city → county → township. Each select holds
 * only the children of the region chosen above it, so the browser never receives the gazetteer.
 */
import { and, between, eq, isNull, sql } from "drizzle-orm";
import type { NianbaoDb } from "@/db/client";
import { regions, regionYearTotals } from "@/db/schema";

export interface RegionName {
  code: string;
  name: string;
}

export interface RegionOption extends RegionName {
  /** current reports under this region in the years shown, so empty regions can be told apart */
  reports: number;
}

export interface RegionLevel {
  level: 1 | 2 | 3 | 4;
  label: string;
  /** the region whose children the options are; null for the provinces */
  parentCode: string | null;
  options: RegionOption[];
  /** the option chosen at this level, if any */
  selected: string | null;
}

const LEVEL_LABELS = { 1: "省份", 2: "地市", 3: "区县", 4: "乡镇（街道）" } as const;

export function findRegion(db: NianbaoDb, code: string): RegionName | undefined {
  return db.get<RegionName>(sql`SELECT code, name FROM regions WHERE code = ${code}`);
}

/** The region and its ancestors, the province first. */
export function lineage(db: NianbaoDb, code: string | null): RegionName[] {
  const chain: RegionName[] = [];
  let next = code;
  while (next) {
    const region = db.get<RegionName & { parentCode: string | null }>(
      sql`SELECT code, name, parent_code AS parentCode FROM regions WHERE code = ${next}`,
    );
    if (!region) break;
    chain.unshift({ code: region.code, name: region.name });
    next = region.parentCode;
  }
  return chain;
}

/** The children with their current reports in the years, from the region totals (each child's own key). */
function childrenOf(db: NianbaoDb, parentCode: string | null, years: { from: number; to: number }): RegionOption[] {
  const t = regionYearTotals;
  const counted = and(eq(t.regionCode, regions.code), between(t.year, years.from, years.to));
  return db
    .select({ code: regions.code, name: regions.name, reports: sql<number>`COALESCE(SUM(${t.reports}), 0)` })
    .from(regions)
    .leftJoin(t, counted)
    .where(parentCode === null ? isNull(regions.parentCode) : eq(regions.parentCode, parentCode))
    .groupBy(regions.code, regions.name)
    .orderBy(regions.code)
    .all();
}

/**
 * The selects to show for a chosen region: one per level down to the chosen region's children
 * (a township has none).
 */
export function fetchRegionLevels(db: NianbaoDb, selectedCode: string | null, years: { from: number; to: number }): RegionLevel[] {
  const chain = lineage(db, selectedCode);
  const levels: RegionLevel[] = [];
  for (let depth = 0; depth <= chain.length && depth < 4; depth++) {
    const parentCode = depth === 0 ? null : chain[depth - 1].code;
    const options = childrenOf(db, parentCode, years);
    if (options.length === 0) break;
    const level = (depth + 1) as RegionLevel["level"];
    levels.push({ level, label: LEVEL_LABELS[level], parentCode, options, selected: chain[depth]?.code ?? null });
  }
  return levels;
}
