/** Layout family: text extracted from PDF (space-separated rows, page markers, vertical labels, fragments). */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parseReport } from "../lib/parse";
import { corpusReport, rules } from "./parse.support";
import { SEEDS } from "./support/shared";

describe("a fragment starting mid-table, after a page marker (corpus 010)", () => {
  const report = corpusReport("010.txt");

  it("tells the template from the header words left in the fragment", () => {
    expect(report.template).toBe("2021");
  });

  it("reads space-separated rows, the page marker not being a number", () => {
    expect(report.values["proactive.penalty.decisions"]).toBe(3985758);
    expect(report.values["proactive.coercion.decisions"]).toBe(88283);
    expect(report.values["proactive.fees.amount"]).toBe(96171.6);
    expect(report.provenance["proactive.penalty.decisions"]).toBe(3);
    expect(report.values["proactive.regulations.issued"]).toBeNull();
  });

  it("keeps the numbers of a label broken over two lines", () => {
    expect(report.values["requests.partiallyGranted.natural"]).toBe(447);
    expect(report.values["requests.partiallyGranted.total"]).toBe(454);
    expect(report.provenance["requests.partiallyGranted.total"]).toBe(35);
  });

  it("reads past a group label printed one character per line", () => {
    expect(report.values["requests.granted.total"]).toBe(1362);
    expect(report.values["requests.unavailable.notHeld.total"]).toBe(769);
    expect(report.values["requests.unavailable.needsCreation.natural"]).toBeNull();
    expect(rules(report)).toEqual(["table.truncated"]);
  });
});

describe("a single page: the requests table's last row and the reviews table (corpus 042)", () => {
  const report = corpusReport("042.txt");

  it("finds the last requests row without its heading and the 15 review numbers under a vertical header", () => {
    expect(report.values["requests.carriedForward.total"]).toBe(0);
    expect(report.provenance["requests.carriedForward.total"]).toBe(3);
    expect(report.values["requests.newReceived.total"]).toBeNull();
    expect(report.values["review.total"]).toBe(0);
    expect(report.values["litigationAfterReview.total"]).toBe(0);
    expect(report.provenance["litigationAfterReview.total"]).toBe(17);
  });

  it("takes the template of its year when no table tells it", () => {
    expect(report.year).toBe(2020);
    expect(report.template).toBe("2019");
    expect(rules(report)).toEqual([]);
  });
});

describe("a table read column by column, as PDF text may give it", () => {
  const seed = readFileSync(join(SEEDS, "001_873059f99be5ef02.txt"), "utf8");
  const byColumns = [
    "二、主动公开政府信息情况",
    "第二十条第(一)项", "信息内容", "规章", "行政规范性文件", "本年制发件数", "0", "1", "本年废止件数", "0", "0", "现行有效件数", "0", "3",
    "第二十条第(五)项", "信息内容", "行政许可", "本年处理决定数量", "0",
    "第二十条第(六)项", "信息内容", "行政处罚", "行政强制", "本年处理决定数量", "7", "2",
    "第二十条第(八)项", "信息内容", "行政事业性收费", "本年收费金额(单位:万元)", "0",
    "",
  ].join("\n");
  const start = seed.indexOf("二、主动公开政府信息情况");
  const end = seed.indexOf("三、收到和处理政府信息公开申请情况");
  const report = parseReport({ fileName: "001.txt", bytes: new TextEncoder().encode(seed.slice(0, start) + byColumns + seed.slice(end)) });

  it("gives each label of a block its number from every column", () => {
    expect(report.values["proactive.regulations.inForce"]).toBe(0);
    expect(report.values["proactive.normativeDocuments.issued"]).toBe(1);
    expect(report.values["proactive.normativeDocuments.inForce"]).toBe(3);
    expect(report.values["proactive.penalty.decisions"]).toBe(7);
    expect(report.values["proactive.coercion.decisions"]).toBe(2);
    expect(report.findings.map((f) => f.rule)).not.toContain("cell.blank");
  });
});
