/**
 * The nationwide corpus generator: who reports in a region, in a stable order that spreads a short
 * corpus over the region, and reports that parse back to exactly what was drawn.
 */
import { describe, expect, it } from "vitest";
import { parseReport } from "../lib/parse/index";
import { allRegions, regionByCode } from "../lib/regions/gazetteer";
import type { SampleFile } from "../lib/sample/corpus";
import { interleave, nationAgencies, NATION_DEPARTMENTS, NATION_YEARS, nationReports, placeName, take } from "../lib/sample/nation";

const COUNTY = "610728"; // 镇巴县
const names = (code: string) => [...nationAgencies(code, 1)].map((a) => a.name);

describe("the agencies of a region", () => {
  const agencies = [...nationAgencies(COUNTY, 1)];

  it("are a county's government departments and every township of the gazetteer", () => {
    const townships = allRegions().filter((r) => r.parentCode === COUNTY);
    expect(townships.length).toBeGreaterThan(10);
    expect(agencies.filter((a) => a.kind === "township").map((a) => a.regionCode)).toEqual(townships.map((t) => t.code));
    expect(agencies.filter((a) => a.kind === "department").map((a) => a.name)).toEqual(NATION_DEPARTMENTS.map(([job]) => `镇巴县${job}`));
  });

  it("of a city start with the city's own departments, then each county whole", () => {
    const city = [...nationAgencies("6107", 1)];
    expect(city.slice(0, NATION_DEPARTMENTS.length).every((a) => a.regionCode === "6107")).toBe(true);
    const counties = city.map((a) => a.regionCode.slice(0, 6)).filter((c) => c.length === 6);
    const runs = counties.filter((c, i) => c !== counties[i - 1]);
    expect(new Set(runs).size).toBe(runs.length);
  });

  it("of the whole country start with every province's government, then a city of each", () => {
    const first = [...take(nationAgencies("all", 1), 31 * NATION_DEPARTMENTS.length * 2)];
    const provinces = first.slice(0, 31 * NATION_DEPARTMENTS.length);
    expect(new Set(provinces.map((a) => a.regionCode))).toEqual(new Set(allRegions().filter((r) => r.level === 1).map((r) => r.code)));
    expect(new Set(first.slice(provinces.length).map((a) => a.regionCode.slice(0, 2))).size).toBeGreaterThan(20);
  });

  it("are the same for the same seed, and the same within a part of a larger region", () => {
    expect(names(COUNTY)).toEqual(names(COUNTY));
    const inCity = [...nationAgencies("6107", 1)].filter((a) => a.regionCode.startsWith(COUNTY));
    expect(inCity).toEqual(agencies);
  });

  it("name a place by its parent when another place has its name", () => {
    expect(placeName(regionByCode("370103")!)).toBe("济南市市中区");
    expect(placeName(regionByCode(COUNTY)!)).toBe("镇巴县");
  });
});

describe("the reports", () => {
  it("come an agency at a time, every year of it, the same for the same seed", () => {
    const run = (n: number) => [...take(nationReports({ region: COUNTY, seed: 3 }), n)];
    const [short, long] = [run(20), run(40)];
    expect(short.map((f) => f.path)).toEqual(long.slice(0, 20).map((f) => f.path));
    expect(short.map((f) => f.text)).toEqual(long.slice(0, 20).map((f) => f.text));
    expect(short.slice(0, NATION_YEARS.length).map((f) => f.label.year)).toEqual([...NATION_YEARS]);
    expect(short.slice(0, NATION_YEARS.length).map((f) => f.label.template)).toEqual(NATION_YEARS.map((y) => (y < 2021 ? "2019" : "2021")));
    expect(short[0].path).toBe(`61/${COUNTY}/2019/镇巴县人民政府办公室.txt`);
  });

  it("interleave takes one of each list in turn", () => {
    expect(interleave([[1, 4], [2], [3, 5, 6]])).toEqual([1, 2, 3, 4, 5, 6]);
  });
});

function expectRoundTrip(file: SampleFile): void {
  const parsed = parseReport({ fileName: file.path, bytes: file.bytes });
  const { label } = file;
  expect(parsed.agency).toContain(label.agencyContains);
  expect({ year: parsed.year, template: parsed.template, region: parsed.region }).toEqual({ year: label.year, template: label.template, region: label.region });
  expect(parsed.values).toEqual(label.values);
  expect({ proactiveItems: parsed.narrative.proactiveItems, requestsReceived: parsed.narrative.requestsReceived }).toEqual(label.narrative);
  expect(parsed.provenance).toEqual(label.provenance);
  expect(parsed.findings.filter((f) => f.severity === "error")).toEqual([]);
}

describe("a generated batch parses back exactly", () => {
  // a province's, a city's and a county's departments and townships, every year, every style
  const batch = [
    ...take(nationReports({ region: "61", seed: 1 }), 3 * NATION_YEARS.length),
    ...take(nationReports({ region: "6107", seed: 1 }), 3 * NATION_YEARS.length),
    ...take(nationReports({ region: COUNTY, seed: 1 }), 40 * NATION_YEARS.length),
    ...take(nationReports({ region: "320106", seed: 2 }), 2 * NATION_YEARS.length),
  ];
  it("covers every level", () => expect(new Set(batch.map((f) => f.label.region.code.length))).toEqual(new Set([2, 4, 6, 9])));
  it.each(batch.map((f) => [f.path, f] as const))("%s", (_path, file) => expectRoundTrip(file));
});
