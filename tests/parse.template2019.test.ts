/** The 2019 template (国办公开办函〔2019〕60号): its columns, 第(九)项 政府集中采购, and a year that calls for the other. */
import { describe, expect, it } from "vitest";
import { fieldsOf } from "../lib/template/fields";
import { corpusReport, rules } from "./parse.support";

describe("a full 2019 proactive table, header words split over paragraphs (corpus 014)", () => {
  const report = corpusReport("014.txt");

  it("reads 政府集中采购 and only the 2019 keys", () => {
    expect(report.template).toBe("2019");
    expect(Object.keys(report.values)).toEqual(fieldsOf("2019").map((f) => f.key));
    expect(report.values["proactive.normativeDocuments.made"]).toBe(5);
    expect(report.values["proactive.procurement.projects"]).toBe(1);
    expect(report.values["proactive.procurement.amount"]).toBe(8040);
    expect(report.provenance["proactive.procurement.amount"]).toBe(125);
    expect(rules(report)).toEqual([]);
  });
});

describe("a 本年增/减 printed as 减4 (corpus 117)", () => {
  const report = corpusReport("117.txt");

  it("reads a negative change", () => {
    expect(report.values["proactive.licensing.previousItems"]).toBe(6);
    expect(report.values["proactive.licensing.change"]).toBe(-4);
    expect(report.values["proactive.licensing.decisions"]).toBe(2);
    expect(report.values["proactive.procurement.amount"]).toBe(52.15);
  });
});

describe("a traditional-character mirror of a customised 2019 table (corpus 067)", () => {
  const report = corpusReport("067.txt");

  it("reads 規範性檔案 as 规范性文件 and explanatory notes inside labels as labels", () => {
    expect(report.values["proactive.normativeDocuments.made"]).toBe(2);
    expect(report.values["proactive.normativeDocuments.publicTotal"]).toBe(19);
    expect(report.values["proactive.otherServices.decisions"]).toBe(165);
    expect(report.values["proactive.penalty.decisions"]).toBe(22);
  });

  it("reads `-` as a blank cell, not 0", () => {
    expect(report.values["proactive.coercion.change"]).toBe(4);
    expect(report.values["proactive.coercion.decisions"]).toBeNull();
    expect(report.findings.find((f) => f.rule === "cell.blank")?.fields).toContain("proactive.coercion.decisions");
  });
});

describe("a proactive table holding only 第(九)项 (corpus 069)", () => {
  const report = corpusReport("069.txt");

  it("finds the one row present", () => {
    expect(report.values["proactive.procurement.projects"]).toBe(53);
    expect(report.values["proactive.procurement.amount"]).toBe(6944.93);
    expect(report.values["proactive.regulations.made"]).toBeNull();
  });
});

describe("a 2023 report on the 2019 template (corpus 079)", () => {
  const report = corpusReport("079.txt");

  it("follows the tables, not the year, and says so", () => {
    expect(report.year).toBe(2023);
    expect(report.template).toBe("2019");
    expect(report.values["proactive.otherServices.decisions"]).toBe(0);
    expect(rules(report)).toContain("template.mismatch");
  });
});
