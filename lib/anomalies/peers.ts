/**
 * Who is compared with whom. Peers are agencies of the same level doing the same job in the same
 * region and year: the towns (镇, 乡) of a county, and apart from them its urban sub-districts
 * (街道, where the county seat's business is); the same department (公安局, 教育体育局) across the
 * counties of a city; the county governments of a city. A department is never compared with
 * another kind of department: a 公安局 makes thousands of penalty decisions, an 教育体育局 a few.
 * Rates depend less on the job, so they are compared across a level of the whole province, where
 * enough agencies have the cases a rate needs.
 */
import type { PeerReport } from "./types";

/** A group of peers: its key and how a message names it. */
export interface PeerGroup {
  key: string;
  label: string;
}

const TOWNSHIP_CODE = 9;
const COUNTY_CODE = 6;
const CITY_CODE = 4;
const PROVINCE_CODE = 2;

/** 镇巴县公安局 → 公安局; 汉中市汉台区人民政府办公室 → 人民政府办公室: the name without its places. */
export function role(agency: string, regionPath: readonly string[]): string {
  let rest = agency;
  for (const place of regionPath) if (rest.startsWith(place) && rest.length > place.length) rest = rest.slice(place.length);
  return rest;
}

/** The group whose counts a report's counts are compared with; null when it has none. */
export function countGroup(r: PeerReport): PeerGroup | null {
  const [, city, county] = r.regionPath;
  if (r.kind === "township" && r.regionCode.length === TOWNSHIP_CODE) {
    const job = r.regionPath.at(-1)?.endsWith("街道") ? "街道" : "乡镇";
    return { key: `township:${r.regionCode.slice(0, COUNTY_CODE)}:${job}`, label: `${county ?? ""}各${job}` };
  }
  if (r.regionCode.length === COUNTY_CODE && (r.kind === "county" || r.kind === "department")) {
    const job = r.kind === "county" ? "县级人民政府" : role(r.agency, r.regionPath);
    return { key: `county:${r.regionCode.slice(0, CITY_CODE)}:${job}`, label: `${city ?? ""}各县（区）的${job}` };
  }
  return null;
}

/** The group whose rates a report's rates are compared with: its level, across its province. */
export function rateGroup(r: PeerReport): PeerGroup | null {
  const [province] = r.regionPath;
  const province2 = r.regionCode.slice(0, PROVINCE_CODE);
  if (r.kind === "township" && r.regionCode.length === TOWNSHIP_CODE) return { key: `township:${province2}`, label: `${province ?? ""}各乡镇（街道）` };
  if (r.regionCode.length === COUNTY_CODE && (r.kind === "county" || r.kind === "department")) return { key: `county:${province2}`, label: `${province ?? ""}各县级机关` };
  return null;
}

/** The region whose reports of a year are read together to compare a report with its peers: its province. */
export function peerScope(regionCode: string): string | null {
  return regionCode.length >= COUNTY_CODE ? regionCode.slice(0, PROVINCE_CODE) : null;
}

/** The reports of each group, by the given grouping. */
export function groupBy(reports: readonly PeerReport[], grouping: (r: PeerReport) => PeerGroup | null): Array<{ group: PeerGroup; members: PeerReport[] }> {
  const groups = new Map<string, { group: PeerGroup; members: PeerReport[] }>();
  for (const report of reports) {
    const group = grouping(report);
    if (!group) continue;
    const entry = groups.get(group.key) ?? { group, members: [] };
    entry.members.push(report);
    groups.set(group.key, entry);
  }
  return [...groups.values()];
}
