/** The bench's pure helpers: sizes, quantiles, numbers and tables. */
import { describe, expect, it } from "vitest";
import { caseUrl, drawCases, PAGES, type Holdings } from "../lib/bench/cases";
import { num, textTable } from "../lib/bench/format";
import { latency, parseSize, parseSizes, perSecond, sizeLabel } from "../lib/bench/stats";

describe("sizes", () => {
  it("read 10k, 1m, 1.5k and plain numbers", () => {
    expect(parseSizes("10k,100k,1m")).toEqual([10_000, 100_000, 1_000_000]);
    expect(parseSize("1.5k")).toBe(1_500);
    expect(parseSize("2500")).toBe(2_500);
  });
  it("refuse what is not a size", () => {
    expect(() => parseSize("ten")).toThrow(/not a size/);
    expect(() => parseSize("0")).toThrow(/above 0/);
  });
  it("are named back as written", () => {
    expect([10_000, 1_000_000, 2_500].map(sizeLabel)).toEqual(["10k", "1m", "2500"]);
  });
});

describe("latency", () => {
  it("gives the median, 95th percentile and worst", () => {
    const samples = Array.from({ length: 100 }, (_, i) => 100 - i);
    expect(latency(samples)).toEqual({ runs: 100, p50: 50.5, p95: 95.05, max: 100 });
  });
  it("of nothing is not a number", () => expect(latency([]).p50).toBeNaN());
  it("rates per second", () => {
    expect(perSecond(500, 2)).toBe(250);
    expect(perSecond(1, 0)).toBeNaN();
  });
});

describe("printing", () => {
  it("rounds for reading", () => expect([1234.5, 12.34, 0.123, NaN].map(num)).toEqual(["1,235", "12.3", "0.12", "–"]));
  it("aligns a table, numbers right, Chinese two columns wide", () => {
    expect(textTable(["page", "ms"], [["总览", "1.20"], ["compare", "12.5"]]).split("\n")).toEqual([
      "page       ms",
      "-------  ----",
      "总览     1.20",
      "compare  12.5",
    ]);
  });
});

describe("the pages' requests", () => {
  const holdings: Holdings = { regions: [["61"], ["6107"], ["610728"], ["610728100", "610728101"]], agencies: [3, 5], reports: [7, 8, 9], first: 2019, last: 2025 };
  const cases = drawCases(holdings, 20, 1);

  it("are R of every page, the same for the same seed", () => {
    expect(PAGES.map((page) => cases.get(page)?.length)).toEqual(PAGES.map(() => 20));
    expect(drawCases(holdings, 20, 1)).toEqual(cases);
  });
  it("name what the database holds, a region where the page needs one, years in order", () => {
    const codes = holdings.regions.flat();
    for (const c of [...cases.get("coverage")!, ...cases.get("summary")!]) expect(codes).toContain(c.params.region);
    for (const c of cases.get("agency")!) expect(holdings.agencies).toContain(Number(c.key));
    for (const c of cases.get("overview")!) expect(Number(c.params.from)).toBeLessThanOrEqual(Number(c.params.to));
  });
  it("are URLs of the pages", () => {
    expect(caseUrl({ page: "region", key: "6107", params: { from: "2020", to: "2022" } })).toBe("/regions/6107?from=2020&to=2022");
    expect(caseUrl({ page: "region", params: {} })).toBe("/regions");
    expect(caseUrl({ page: "summary", params: { region: "61", year: "2024" } })).toBe("/summary?region=61&year=2024");
  });
});
