import { describe, expect, it } from "vitest";
import { fieldsOf } from "../lib/template/fields";
import { rules, seed } from "./parse.support";

describe("seed 001: one cell per line ending in ` |`, `|||` fillers", () => {
  const report = seed("001_873059f99be5ef02.txt");

  it("reads the proactive and review tables as printed", () => {
    expect(report.template).toBe("2021");
    expect(report.values["proactive.normativeDocuments.issued"]).toBe(1);
    expect(report.values["proactive.normativeDocuments.inForce"]).toBe(3);
    expect(report.values["review.upheld"]).toBe(1);
    expect(report.values["review.other"]).toBe(1);
    expect(report.values["review.total"]).toBe(2);
  });

  it("keeps the inconsistent (七)总计 row uncorrected", () => {
    expect(report.values["requests.totalHandled.natural"]).toBe(0);
    expect(report.values["requests.totalHandled.total"]).toBe(11);
    expect(report.values["requests.granted.natural"]).toBe(11);
  });

  it("points each value at its source line", () => {
    expect(report.provenance["proactive.normativeDocuments.issued"]).toBe(25);
    expect(report.provenance["proactive.normativeDocuments.inForce"]).toBe(27);
    expect(report.provenance["requests.totalHandled.total"]).toBe(287);
  });

  it("reports the three arithmetic errors and nothing else", () => {
    expect(rules(report)).toEqual(["requests.balance", "requests.columnSum", "requests.outcomeSum"]);
    const balance = report.findings.find((f) => f.rule === "requests.balance");
    expect(balance?.fields).toContain("requests.totalHandled.natural");
    expect(balance?.line).toBe(281);
  });
});

describe("seed 000: lone `|` lines opening each row", () => {
  const report = seed("000_2efb6d9fb4d36fe3.txt");

  it("reads every field of the 2021 template as 0, with no finding", () => {
    expect(report.template).toBe("2021");
    expect(Object.keys(report.values)).toEqual(fieldsOf("2021").map((f) => f.key));
    expect(Object.values(report.values).every((v) => v === 0)).toBe(true);
    expect(report.findings).toEqual([]);
  });
});

describe("seed 002: tab-separated rows with leading empty cells and an extra trailing cell", () => {
  const report = seed("002_29593275bb59ad88.txt");

  it("lands shifted rows in the right columns", () => {
    expect(report.values["requests.carriedOver.natural"]).toBe(0);
    expect(report.values["requests.carriedOver.total"]).toBe(0);
    expect(report.provenance["requests.carriedOver.total"]).toBe(49);
    expect(Object.values(report.values).every((v) => v === 0)).toBe(true);
    expect(report.findings).toEqual([]);
  });
});

describe("seed 003: headings without tables", () => {
  const report = seed("003_2a443156898f67a2.txt");

  it("has no template and only nulls, never 0", () => {
    expect(report.template).toBeNull();
    expect(Object.keys(report.values)).toHaveLength(200);
    expect(Object.values(report.values).every((v) => v === null)).toBe(true);
  });

  it("reports each missing table at its heading", () => {
    const missing = report.findings.filter((f) => f.rule === "table.missing");
    expect(missing.map((f) => f.line)).toEqual([18, 19, 20]);
    expect(rules(report)).toEqual(["table.missing"]);
  });
});

describe("seed 004: cells ending ` |` with `| ||` fillers", () => {
  const report = seed("004_3f0c8cd74326bd72.txt");

  it("reads non-zero proactive values", () => {
    expect(report.values["proactive.penalty.decisions"]).toBe(120);
    expect(report.values["proactive.fees.amount"]).toBe(5);
    expect(report.provenance["proactive.penalty.decisions"]).toBe(46);
    expect(report.findings).toEqual([]);
  });
});
