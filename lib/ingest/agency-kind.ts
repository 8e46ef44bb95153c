/**
 * What kind of agency a report comes from, told from its name and the level of its region.
 * The dashboard compares like with like (townships with townships), so the kind must be
 * decided once, at ingest, the same way for every report.
 */
import type { RegionLevel } from "../regions/gazetteer";

export type AgencyKind = "township" | "county" | "city" | "province" | "department" | "other";

export const AGENCY_KINDS: readonly AgencyKind[] = ["township", "county", "city", "province", "department", "other"];

/** A government's own office publishes as a department, not as the government itself. */
const GOVERNMENT_OFFICE = /人民政府办公[室厅]$|政府办$/;
/** The government of a place: 镇人民政府, 县人民政府, 街道办事处 … */
const GOVERNMENT = /(人民政府|政府|办事处|街道办)$/;
/** A bare place name (a report that calls itself 黎坝镇) stands for its government. */
const BARE_PLACE = /(镇|乡|街道|县|区|旗|市|州|盟|省|自治区)$/;
/** Endings of the names of departments, bureaus, commissions, offices and institutions. */
const DEPARTMENT = /(局|委员会|委|办公室|办公厅|办|厅|中心|署|院|所|队|站|处|会|馆|社|校)$/;

const KIND_OF_LEVEL: Record<RegionLevel, AgencyKind> = { 1: "province", 2: "city", 3: "county", 4: "township" };

/** The kind a place's name suffix implies when the gazetteer cannot tell (市 may be either level). */
const PLACE_SUFFIX_KIND: [RegExp, AgencyKind][] = [
  [/(镇|乡|街道)(人民政府|政府|办事处)?$/, "township"],
  [/(县|区|旗)(人民政府|政府)?$/, "county"],
  [/(州|盟)(人民政府|政府)?$/, "city"],
  [/(省|自治区)(人民政府|政府)?$/, "province"],
];

export function agencyKind(name: string, regionLevel: RegionLevel | null): AgencyKind {
  if (GOVERNMENT_OFFICE.test(name)) return "department";
  if (GOVERNMENT.test(name) || BARE_PLACE.test(name)) return governmentKind(name, regionLevel);
  if (DEPARTMENT.test(name)) return "department";
  // neither a government's nor a department's name (佳荣里街, 某某新区): the place it reports for
  return regionLevel ? KIND_OF_LEVEL[regionLevel] : "other";
}

function governmentKind(name: string, regionLevel: RegionLevel | null): AgencyKind {
  if (regionLevel) return KIND_OF_LEVEL[regionLevel];
  return PLACE_SUFFIX_KIND.find(([suffix]) => suffix.test(name))?.[1] ?? "other";
}
