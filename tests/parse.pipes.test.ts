/** Layout family: pipe tables, one cell per line (`0 |`, lone `|`) or one row per line (`| 规章 | 0 |`). */
import { describe, expect, it } from "vitest";
import { corpusReport, rules } from "./parse.support";

describe("cells one per line, empty cells as lone `|` lines (corpus 024)", () => {
  const report = corpusReport("024.txt");

  it("keeps blank cells in their columns and null, never 0", () => {
    expect(report.values["requests.newReceived.natural"]).toBe(56);
    expect(report.values["requests.newReceived.commercial"]).toBeNull();
    expect(report.values["requests.newReceived.total"]).toBe(56);
    expect(report.values["requests.granted.natural"]).toBe(18);
    expect(report.values["requests.granted.total"]).toBeNull();
  });

  it("reports the blank cells and the truncation, at the lines they sit on", () => {
    expect(rules(report)).toEqual(["cell.blank", "table.truncated"]);
    expect(report.findings.find((f) => f.rule === "cell.blank")?.fields).toContain("requests.newReceived.commercial");
    expect(report.provenance["requests.granted.natural"]).toBe(79);
  });
});

describe("markdown-like rows with an empty last cell (corpus 055)", () => {
  const report = corpusReport("055.txt");

  it("reads the empty 现行有效件数 cell as blank", () => {
    expect(report.values["proactive.regulations.issued"]).toBe(0);
    expect(report.values["proactive.regulations.inForce"]).toBeNull();
    expect(report.values["proactive.licensing.decisions"]).toBe(1300);
    expect(report.provenance["proactive.regulations.abolished"]).toBe(11);
    expect(rules(report)).toEqual(["cell.blank", "table.truncated"]);
  });
});

describe("group label sharing a row with the first sub-row (corpus 072)", () => {
  const report = corpusReport("072.txt");

  it("reads 三、本年度办理结果 | (一)予以公开 as the 予以公开 row", () => {
    expect(report.values["proactive.penalty.decisions"]).toBe(123);
    expect(report.values["requests.granted.total"]).toBe(0);
    expect(report.provenance["requests.granted.total"]).toBe(24);
    expect(report.values["requests.partiallyGranted.natural"]).toBe(1);
    expect(report.values["requests.partiallyGranted.total"]).toBe(1);
  });

  it("names the last row read when the table stops", () => {
    const truncated = report.findings.find((f) => f.rule === "table.truncated");
    expect(truncated?.message).toMatch(/读到“.+”一行后就中断了/);
  });
});
