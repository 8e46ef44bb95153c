/** The bench's pure helpers: sizes, quantiles, numbers and tables. */
import { describe, expect, it } from "vitest";
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
