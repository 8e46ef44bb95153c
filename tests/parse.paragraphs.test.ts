/** Layout family: one cell per line or paragraph, without separators. */
import { describe, expect, it } from "vitest";
import { corpusReport, rules } from "./parse.support";

describe("one cell per paragraph, (三)/不予公开 split over two cells (corpus 004)", () => {
  const report = corpusReport("004.txt");

  it("reads every row down to where the report stops", () => {
    expect(report.template).toBe("2021");
    expect(report.values["requests.denied.threeSecurities.total"]).toBe(0);
    expect(report.provenance["requests.denied.threeSecurities.total"]).toBe(213);
    expect(report.values["requests.denied.thirdPartyRights.natural"]).toBeNull();
    const truncated = report.findings.filter((f) => f.rule === "table.truncated");
    expect(truncated.map((f) => f.line)).toEqual([201]);
    expect(truncated[0].message).toContain("3.危及“三安全一稳定”");
  });
});

describe("a 2019 table skeleton with no numbers in a 2022 report (corpus 007)", () => {
  const report = corpusReport("007.txt");

  it("reads the template from the header words and every cell as blank", () => {
    expect(report.template).toBe("2019");
    expect(Object.keys(report.values)).toHaveLength(198);
    expect(Object.values(report.values).every((v) => v === null)).toBe(true);
    expect(rules(report)).toEqual(["cell.blank", "table.truncated", "template.mismatch"]);
  });
});

describe("rows missing two of their seven cells (corpus 099)", () => {
  const report = corpusReport("099.txt");

  it("reads the proactive table", () => {
    expect(report.values["proactive.licensing.decisions"]).toBe(47);
    expect(report.values["proactive.penalty.decisions"]).toBe(51);
  });

  it("places none of a short row's numbers, and says so instead of checking its arithmetic", () => {
    expect(report.values["requests.newReceived.natural"]).toBeNull();
    expect(report.values["requests.newReceived.total"]).toBeNull();
    expect(rules(report)).toEqual(["row.incomplete", "table.truncated"]);
    expect(report.findings.find((f) => f.rule === "row.incomplete")?.fields).toHaveLength(21);
  });
});
