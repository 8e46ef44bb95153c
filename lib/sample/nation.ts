/**
 * The nationwide synthetic corpus, for measuring the workbench at the scale of the country: every
 * agency that reports in a region of the gazetteer, at every level — each province's, city's and
 * county's government office and departments (DEPARTMENTS and MORE_DEPARTMENTS, named after their
 * region) and every township's government — with one report a year from 2019 (2019 and 2020 in
 * the 2019 template), drawn and printed as the sample is (./corpus.ts), without deliberate errors.
 *
 * It streams: reports come one at a time from a generator, an agency's years together, so a
 * million reports never sit in memory. Everything an agency's reports are drawn from is keyed by
 * the seed and the agency, never by its position, so a county's files are the same whether the
 * whole country or the county alone is generated, and the first N reports of a run are the first
 * N of any longer run of the same region.
 *
 * The order spreads a short corpus over the region: the region's own agencies first, then its
 * sub-regions in turn (the whole country: province after province, one unit of each per round),
 * each of them depth-first, a unit being one region's agencies (a county with all its townships).
 * A 10k corpus of the whole country is every province's government and departments, a city of
 * each and a county or two of each, with all their years, rather than scattered fragments.
 */
import { allRegions, regionByCode, type Region } from "../regions/gazetteer";
import { DEPARTMENTS, departmentAgencies, MORE_DEPARTMENTS, townshipAgency, type SampleAgency } from "./agencies";
import { agencyDrafts, agencyYearStyle, sampleFile, type SampleFile } from "./corpus";
import { agencyKey } from "./draft";
import { LAYOUTS } from "./layouts";
import { randomFor } from "./random";

export const NATION_YEARS: readonly number[] = [2019, 2020, 2021, 2022, 2023, 2024, 2025];

/** Every department a government of any level has here: the twelve of the large sample. */
export const NATION_DEPARTMENTS = [...DEPARTMENTS, ...MORE_DEPARTMENTS];

/** How much busier a province's or a city's departments are than a typical county's. */
const LEVEL_SCALE: Record<number, number> = { 1: 8, 2: 3, 3: 1 };
/** Log-normal spread of how busy one region's departments are against another's of its level. */
const REGION_SPREAD = 0.4;
/** An agency's reports take a run of the print-style spread that starts at one of these. */
const STYLE_RUNS = 1_000_000;

export interface NationOptions {
  /** a gazetteer code (province, city, county or township); "" or "all": the whole country */
  region: string;
  seed: number;
  years?: readonly number[];
}

/** One region's own agencies: its government's departments, and the townships right under it. */
interface Unit {
  region: Region;
  departments: boolean;
  townships: Region[];
}

/** "" and "all" stand for the whole country; any other code must be a region of the gazetteer. */
export function isWholeCountry(code: string): boolean {
  return code === "" || code === "all";
}

/** The reports of the region, one at a time, an agency's years together, in the order above. */
export function* nationReports(options: NationOptions): Generator<SampleFile> {
  const years = options.years ?? NATION_YEARS;
  for (const agency of nationAgencies(options.region, options.seed)) yield* agencyReports(agency, options.seed, years);
}

/** Every agency reporting in the region, in the order above. */
export function* nationAgencies(code: string, seed: number): Generator<SampleAgency> {
  for (const unit of regionUnits(code)) yield* unitAgencies(unit, seed);
}

/** Where a report is written: PROVINCE/COUNTY/YEAR/AGENCY.txt (a province's or city's own code in place of the county). */
export function nationPath(agency: SampleAgency, year: number): string {
  return `${agency.regionCode.slice(0, 2)}/${agency.regionCode.slice(0, 6)}/${year}/${agency.name}.txt`;
}

/** The first `n` items of a stream; the rest are never made. */
export function* take<T>(items: Iterable<T>, n: number): Generator<T> {
  if (n <= 0) return;
  let taken = 0;
  for (const item of items) {
    yield item;
    if (++taken >= n) return;
  }
}

function* agencyReports(agency: SampleAgency, seed: number, years: readonly number[]): Generator<SampleFile> {
  // drawn from the agency's key, not its place in the stream: the same files whatever region is generated
  const print = randomFor(seed, `print:${agencyKey(agency)}`);
  const layout = print.pick(LAYOUTS);
  const run = print.int(0, STYLE_RUNS);
  for (const d of agencyDrafts(seed, agency, layout, years, (year) => nationPath(agency, year))) {
    yield sampleFile(seed, d, agencyYearStyle(run, years, d.year, layout));
  }
}

/** A unit's departments (busier the higher their level), then its townships in gazetteer order. */
function unitAgencies({ region, departments, townships }: Unit, seed: number): SampleAgency[] {
  const scale = LEVEL_SCALE[region.level] * randomFor(seed, `scale:${region.code}`).lognormal(REGION_SPREAD);
  const place = placeName(region);
  const own = departments ? departmentAgencies(region, { departments: NATION_DEPARTMENTS, scale }, place) : [];
  const towns = townships.map((t) => townshipAgency(t, randomFor(seed, `township:${t.code}`)));
  return [...own, ...towns].map((agency) => ({ ...agency, titlePlace: place }));
}

/** The units of a region: its own, then its sub-regions' taken in turn (see above). */
function regionUnits(code: string): Unit[] {
  if (isWholeCountry(code)) return interleave(childrenOf(null).filter((p) => p.level === 1).map(depthFirst));
  const region = regionByCode(code);
  if (!region) throw new Error(`the gazetteer has no region ${code}`);
  if (region.level === 4) return [{ region: parentOf(region), departments: false, townships: [region] }];
  return [...ownUnit(region), ...interleave(childrenOf(region.code).filter((c) => c.level < 4).map(depthFirst))];
}

/** A region's unit, then its sub-regions', each whole before the next. */
function depthFirst(region: Region): Unit[] {
  return [...ownUnit(region), ...childrenOf(region.code).filter((c) => c.level < 4).flatMap(depthFirst)];
}

/** The region's unit, unless it has no agency of its own (市辖区, or 东莞市 repeated as a county without townships). */
function ownUnit(region: Region): Unit[] {
  const unit = { region, departments: governed(region), townships: childrenOf(region.code).filter((c) => c.level === 4) };
  return unit.departments || unit.townships.length > 0 ? [unit] : [];
}

/** One of each list in turn, until all are used up. */
export function interleave<T>(lists: readonly T[][]): T[] {
  const out: T[] = [];
  const longest = Math.max(0, ...lists.map((l) => l.length));
  for (let i = 0; i < longest; i++) for (const list of lists) if (i < list.length) out.push(list[i]);
  return out;
}

/**
 * A region with a government of its own: one whose path names it. The gazetteer's 市辖区 and the
 * county rows that repeat their city (东莞市) add no name, and no government beside the city's.
 */
function governed(region: Region): boolean {
  return region.path.length > (region.parentCode ? parentOf(region).path.length : 0);
}

/**
 * The region as its agencies' names and titles write it: its own name, preceded by its governed
 * parent's when another place of the gazetteer has the same name (南京市鼓楼区, 镇巴县城关镇), so
 * that a parser can tell which it is.
 */
export function placeName(region: Region): string {
  if (!governed(region) && region.parentCode) return placeName(parentOf(region));
  const parent = governedParent(region);
  return (namesakes().get(region.name) ?? 0) > 1 && parent ? `${placeName(parent)}${region.name}` : region.name;
}

function governedParent(region: Region): Region | null {
  let parent = region.parentCode ? parentOf(region) : null;
  while (parent && !governed(parent)) parent = parent.parentCode ? parentOf(parent) : null;
  return parent;
}

function parentOf(region: Region): Region {
  const parent = region.parentCode ? regionByCode(region.parentCode) : undefined;
  if (!parent) throw new Error(`the gazetteer has no parent of ${region.code}`);
  return parent;
}

let tree: { children: Map<string | null, Region[]>; names: Map<string, number> } | null = null;

/** The gazetteer as a tree, and how many regions bear each name: built once. */
function gazetteerTree() {
  if (!tree) {
    const children = new Map<string | null, Region[]>();
    const names = new Map<string, number>();
    for (const region of allRegions()) {
      const siblings = children.get(region.parentCode) ?? [];
      siblings.push(region);
      children.set(region.parentCode, siblings);
      names.set(region.name, (names.get(region.name) ?? 0) + 1);
    }
    tree = { children, names };
  }
  return tree;
}

const childrenOf = (code: string | null): Region[] => gazetteerTree().children.get(code) ?? [];
const namesakes = () => gazetteerTree().names;
