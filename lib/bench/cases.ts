/**
 * What the latency runs ask for: for each page, requests with varied filters as people would
 * make them — a province, a city, a county or a township (or the whole country) picked from the
 * regions the database has reports in, random agencies and reports, year ranges and single years
 * within those loaded. Drawn from a seeded stream, so two runs ask the same questions.
 */
import type Database from "better-sqlite3";
import { randomFor, type Random } from "../sample/random";

export const PAGES = ["overview", "region", "compare", "agency", "coverage", "anomalies", "summary", "report"] as const;
export type PageName = (typeof PAGES)[number];

export interface PageCase {
  page: PageName;
  /** the region code, agency id or report id the URL's path names */
  key?: string;
  /** the URL's search params */
  params: Record<string, string>;
}

/** What the database holds to ask about. */
export interface Holdings {
  /** region codes with reports under them, by level 1–4 (a code's length: 2, 4, 6, 9) */
  regions: string[][];
  agencies: number[];
  reports: number[];
  first: number;
  last: number;
}

const LEVEL_OF_LENGTH: Record<number, number> = { 2: 1, 4: 2, 6: 3, 9: 4 };

export function readHoldings(db: Database.Database): Holdings {
  const codes = db.prepare("SELECT DISTINCT region_code AS code FROM reports WHERE current = 1 AND region_code IS NOT NULL").pluck().all() as string[];
  const known = new Set(db.prepare("SELECT code FROM regions").pluck().all() as string[]);
  const levels = [new Set<string>(), new Set<string>(), new Set<string>(), new Set<string>()];
  for (const code of codes) {
    for (const length of [2, 4, 6, 9]) {
      const prefix = code.slice(0, length);
      if (prefix.length === length && known.has(prefix)) levels[LEVEL_OF_LENGTH[length] - 1].add(prefix);
    }
  }
  const span = db.prepare("SELECT MIN(year) AS first, MAX(year) AS last FROM reports WHERE current = 1").get() as { first: number; last: number };
  return {
    regions: levels.map((set) => [...set].sort()),
    agencies: db.prepare("SELECT id FROM agencies ORDER BY id").pluck().all() as number[],
    reports: db.prepare("SELECT id FROM reports WHERE current = 1 ORDER BY id").pluck().all() as number[],
    first: span.first,
    last: span.last,
  };
}

/** `runs` cases of every page. */
export function drawCases(holdings: Holdings, runs: number, seed: number): Map<PageName, PageCase[]> {
  const random = randomFor(seed, "bench-cases");
  const draw = caseDrawer(holdings, random);
  return new Map(PAGES.map((page) => [page, Array.from({ length: runs }, () => draw(page))]));
}

function caseDrawer(h: Holdings, random: Random): (page: PageName) => PageCase {
  const levels = h.regions.filter((codes) => codes.length > 0);
  // a level first, then a region of it: townships outnumber provinces but are asked about no more often
  const region = () => random.pick(random.pick(levels));
  const regionOrCountry = () => (random.chance(1 / (levels.length + 1)) ? undefined : region());
  const year = () => String(random.int(h.first, h.last));
  const years = () => {
    const [a, b] = [random.int(h.first, h.last), random.int(h.first, h.last)];
    return { from: String(Math.min(a, b)), to: String(Math.max(a, b)) };
  };
  const withRegion = (code: string | undefined, params: Record<string, string>) => (code ? { region: code, ...params } : params);
  return (page): PageCase => {
    switch (page) {
      case "overview":
      case "anomalies":
        return { page, params: withRegion(regionOrCountry(), years()) };
      case "region":
        return { page, key: regionOrCountry(), params: years() };
      case "compare":
        return { page, params: withRegion(regionOrCountry(), { year: year() }) };
      case "coverage":
        return { page, params: { region: region(), ...years() } };
      case "summary":
        return { page, params: { region: region(), year: year() } };
      case "agency":
        return { page, key: String(random.pick(h.agencies)), params: {} };
      case "report":
        return { page, key: String(random.pick(h.reports)), params: {} };
    }
  };
}

const PATHS: Record<PageName, (key?: string) => string> = {
  overview: () => "/",
  region: (key) => (key ? `/regions/${key}` : "/regions"),
  compare: () => "/compare",
  agency: (key) => `/agencies/${key}`,
  coverage: () => "/coverage",
  anomalies: () => "/anomalies",
  summary: () => "/summary",
  report: (key) => `/reports/${key}`,
};

/** The page's URL path and query for the case. */
export function caseUrl(c: PageCase): string {
  const query = new URLSearchParams(c.params).toString();
  return `${PATHS[c.page](c.key)}${query ? `?${query}` : ""}`;
}
