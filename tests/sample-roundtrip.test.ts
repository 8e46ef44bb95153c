/**
 * The generator and the parser check each other: every sample file, parsed from its bytes, must
 * give exactly what its answer key says: every number, the narrative figures, agency, year,
 * region, the line of every value, and the deliberate error as its one finding.
 */
import { describe, expect, it } from "vitest";
import { parseReport } from "../lib/parse/index";
import { generateSampleCorpus, TEMPLATES_PLAN, type SampleFile } from "../lib/sample/corpus";
import { INJECTED_RULES } from "../lib/sample/errors";

const corpus = generateSampleCorpus(1);
const CHECKED_RULES = new Set<string>(INJECTED_RULES);

function expectRoundTrip(file: SampleFile): void {
  const parsed = parseReport({ fileName: file.path, bytes: file.bytes });
  const { label } = file;
  expect(parsed.agency).toContain(label.agencyContains);
  expect({ year: parsed.year, template: parsed.template, region: parsed.region }).toEqual({
    year: label.year,
    template: label.template,
    region: label.region,
  });
  expect(parsed.values).toEqual(label.values);
  expect({ proactiveItems: parsed.narrative.proactiveItems, requestsReceived: parsed.narrative.requestsReceived }).toEqual(label.narrative);
  expect(parsed.provenance).toEqual(label.provenance);
  const found = [...new Set(parsed.findings.map((f) => f.rule).filter((rule) => CHECKED_RULES.has(rule)))].sort();
  expect(found).toEqual(label.errors.map((e) => e.rule).sort());
}

describe("sample corpus round trip through parseReport", () => {
  it.each(corpus.files.map((f) => [f.path, f] as const))("%s", (_path, file) => expectRoundTrip(file));
});

describe("the 2019 template's reports of the templates plan, round trip", () => {
  const earlier = generateSampleCorpus(1, TEMPLATES_PLAN).files.filter((f) => f.label.template === "2019");
  it("has the reports of 2019 and 2020, and only those, in the 2019 template", () => {
    expect([...new Set(earlier.map((f) => f.label.year))].sort()).toEqual([2019, 2020]);
    expect(earlier).toHaveLength(2 * 28);
  });
  it.each(earlier.map((f) => [f.path, f] as const))("%s", (_path, file) => expectRoundTrip(file));
});
