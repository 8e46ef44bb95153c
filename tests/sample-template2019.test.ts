/** The sample's figures in the 2019 template: every key, the same requests, the template's arithmetic kept. */
import { describe, expect, it } from "vitest";
import { runChecks } from "../lib/checks";
import { generateSampleCorpus } from "../lib/sample/corpus";
import { randomFor } from "../lib/sample/random";
import { inTemplate2019 } from "../lib/sample/template2019";
import { fieldsOf } from "../lib/template/fields";

const clean = generateSampleCorpus(1).files.filter((f) => f.label.errors.length === 0 && Object.values(f.label.values).every((v) => v !== null));
const converted = clean.map((file) => ({
  before: file.label.values as Record<string, number>,
  after: inTemplate2019(file.label.values as Record<string, number>, randomFor(1, `2019:${file.path}`)),
}));
const ARITHMETIC = new Set(["requests.balance", "requests.columnSum", "requests.outcomeSum", "reviews.sum"]);

describe("inTemplate2019", () => {
  it("gives every key of the 2019 template a number", () => {
    const keys = fieldsOf("2019").map((f) => f.key).sort();
    for (const { after } of converted) {
      expect(Object.keys(after).sort()).toEqual(keys);
      expect(Object.values(after).every((v) => Number.isFinite(v))).toBe(true);
    }
  });

  it("folds the three (六)其他处理 rows into one and keeps every other request and review", () => {
    for (const { before, after } of converted) {
      expect(after["requests.otherHandling.other.total"]).toBe(
        before["requests.otherHandling.noCorrection.total"] + before["requests.otherHandling.unpaidFee.total"] + before["requests.otherHandling.other.total"],
      );
      expect(after["requests.granted.natural"]).toBe(before["requests.granted.natural"]);
      expect(after["review.total"]).toBe(before["review.total"]);
    }
  });

  it("keeps the tables' arithmetic", () => {
    for (const { after } of converted) {
      const ctx = { template: "2019" as const, year: 2020, values: after, provenance: {}, tables: [], blank: [], ambiguous: [], narrative: {}, narrativeProvenance: {} };
      expect(runChecks(ctx).filter((f) => ARITHMETIC.has(f.rule))).toEqual([]);
    }
  });

  it("draws negative 本年增/减 and 万元 amounts with decimals somewhere in the corpus", () => {
    const all = converted.map((c) => c.after);
    expect(all.some((v) => Object.entries(v).some(([key, n]) => key.endsWith(".change") && n < 0))).toBe(true);
    expect(all.some((v) => !Number.isInteger(v["proactive.procurement.amount"]))).toBe(true);
  });
});
