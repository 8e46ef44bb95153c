/**
 * The labelled corpus the precision script measures on (lib/sample, plan `anomalies`): large
 * enough, every rule's kind of trouble in it, each on its own agency, the same for a seed; and the
 * default sample's answer key naming what comparing its reports must find.
 */
import { describe, expect, it } from "vitest";
import { ALL_RULES } from "../lib/anomalies/registry";
import { allRegions } from "../lib/regions/gazetteer";
import { ANOMALIES_PLAN, generateSampleCorpus, type SampleFile } from "../lib/sample/corpus";

const corpus = generateSampleCorpus(1, ANOMALIES_PLAN);
const expectedRules = (f: SampleFile) => [...f.label.errors, ...f.label.anomalies].map((e) => e.rule);
const labelled = (rule: string) => corpus.files.filter((f) => expectedRules(f).includes(rule));

/** Checks of the parser that only its own readers can provoke (glued digits, rows short of cells, documents that are no report). */
const PARSER_ONLY = ["cell.ambiguous", "row.incomplete", "document.notReport"];

describe("the anomalies plan", () => {
  it("has over 2,000 reports of every county of 汉中市 and 安康市", () => {
    expect(corpus.files.length).toBeGreaterThanOrEqual(2000);
    const counties = allRegions().filter((r) => r.parentCode === "6107" || r.parentCode === "6109");
    expect(new Set(corpus.files.map((f) => f.label.region.code.slice(0, 6)))).toEqual(new Set(counties.map((c) => c.code)));
    expect(new Set(corpus.files.map((f) => f.path)).size).toBe(corpus.files.length);
  });

  it("labels cases of every rule: the checks' eight or more, the rules that weigh evidence twenty or more", () => {
    for (const rule of ALL_RULES.filter((r) => !PARSER_ONLY.includes(r.id))) {
      const least = rule.category === "statistical" || rule.category === "similarity" ? 20 : 8;
      expect(labelled(rule.id).length, rule.id).toBeGreaterThanOrEqual(least);
    }
  });

  it("leaves most reports clean, and puts each anomaly into an agency of its own", () => {
    const anomalous = corpus.files.filter((f) => expectedRules(f).length > 0);
    expect(anomalous.length / corpus.files.length).toBeLessThan(0.1);
    // across years the answer key also names what a change brings about (a broken carry-over, a second version, a gap): leave those aside
    const ACROSS_YEARS = ["carryover.mismatch", "report.duplicate", "report.yearMissing"];
    const injected = anomalous.filter((f) => expectedRules(f).some((rule) => !ACROSS_YEARS.includes(rule)));
    const agencies = injected.map((f) => `${f.label.region.code}:${f.label.agency}`);
    expect(new Set(agencies).size).toBe(agencies.length);
  });

  it("is the same for the same seed", () => {
    const again = generateSampleCorpus(1, ANOMALIES_PLAN);
    expect(again.files.map((f) => [f.path, expectedRules(f)])).toEqual(corpus.files.map((f) => [f.path, expectedRules(f)]));
  });

  it("says what each anomaly is, in words", () => {
    const spike = labelled("figure.jump")[0].label.anomalies.find((a) => a.rule === "figure.jump")!;
    expect(spike.detail).toMatch(/^proactive\.\w+\.decisions填为\d+\(本机关常年约\d+,同类机关当年最多\d+\)$/);
    expect(labelled("report.yearMissing").every((f) => f.label.anomalies.some((a) => /^缺少\d{4}年度的年报$|年度年报未发布$/.test(a.detail)))).toBe(true);
  });
});

describe("the default sample's answer key", () => {
  const sample = generateSampleCorpus(1);

  it("names what comparing its reports must find: the correction's other figures, and the carry-over its errors break", () => {
    const found = sample.files.flatMap((f) => f.label.anomalies.map((a) => [f.path, a.rule]));
    const correction = sample.files.find((f) => f.label.revises)!;
    expect(found).toContainEqual([correction.path, "report.duplicate"]);
    expect(new Set(found.map(([, rule]) => rule))).toEqual(new Set(["report.duplicate", "carryover.mismatch"]));
  });
});
