/** Layout family: HTML pages with real <table> markup (rowspan/colspan), page chrome around them. */
import { describe, expect, it } from "vitest";
import { isHtml, renderHtml } from "../lib/parse/html";
import { FIELD_BY_KEY } from "../lib/template/fields";
import { corpusReport, rules } from "./parse.support";

describe("rendering a table grid", () => {
  it("writes one line per row, each spanning cell once and empty cells blank", () => {
    const html = `<html><head><script>var x = "<td>";</script></head><body><p>二、主动公开政府信息情况</p>
      <table><tr><td colspan="4">第二十条第（一）项</td></tr>
      <tr><td>信息内容</td><td>本年新<br/>制作数量</td><td colspan="2">本年新公开数量</td><td>对外公开总数量</td></tr>
      <tr><td rowspan="2">规章</td><td>13</td><td colspan="2"><p>13</p></td><td>524</td></tr>
      <tr><td></td><td colspan="2">1</td><td>2</td></tr></table></body></html>`;
    expect(renderHtml(html).split("\n")).toEqual([
      "二、主动公开政府信息情况",
      "| 第二十条第（一）项 |",
      "| 信息内容 | 本年新 制作数量 | 本年新公开数量 | 对外公开总数量 |",
      "| 规章 | 13 | 13 | 524 |",
      "|   | 1 | 2 |",
    ]);
  });

  it("reads a table that lays out the page as paragraphs, not as a grid", () => {
    const paragraph = "我局认真贯彻落实政府信息公开条例。".repeat(15);
    const html = `<table><tr><td><p>一、总体情况</p><p>${paragraph}</p></td></tr></table>`;
    expect(renderHtml(html).split("\n")).toEqual(["一、总体情况", paragraph]);
  });

  it("reads HTML kept inside a JavaScript string, quotes escaped", () => {
    expect(renderHtml('<table><tr><td colspan=\\"2\\">行政复议</td></tr></table>')).toBe("| 行政复议 |");
  });
});

describe("telling a page from plain text", () => {
  it("renders .html files with markup and any file holding table cells, and leaves plain text alone", () => {
    expect(isHtml("report.html", "<html><body><p>一、总体情况</p></body></html>")).toBe(true);
    expect(isHtml("report.txt", 'let content = "<table><tr><td>规章</td></tr></table>"')).toBe(true);
    expect(isHtml("report.html", "一、总体情况\n规章 | 0 |")).toBe(false);
  });
});

describe("a whole agency page, 2021 template (pingtan-2021.html)", () => {
  const report = corpusReport("pingtan-2021.html");
  const lines = report.sourceText.split("\n");

  it("reads all three tables from the grid", () => {
    expect(report.template).toBe("2021");
    expect(report.values["proactive.normativeDocuments.issued"]).toBe(69);
    expect(report.values["proactive.normativeDocuments.inForce"]).toBe(665);
    expect(report.values["proactive.fees.amount"]).toBe(24252.311082);
    expect(report.values["requests.newReceived.total"]).toBe(70);
    expect(report.values["litigationDirect.total"]).toBe(12);
    expect(Object.values(report.values).every((v) => v !== null)).toBe(true);
    expect(rules(report)).toEqual([]);
  });

  it("points provenance at the rendered line holding the number", () => {
    for (const [key, line] of Object.entries(report.provenance)) {
      const cells = lines[line - 1].split("|").map((c) => c.trim());
      if (FIELD_BY_KEY.get(key)?.unit === "count") expect(cells, key).toContain(String(report.values[key]));
    }
  });
});

describe("a 2019-template page with an amount printed in 元 (pingtan-2019.html)", () => {
  const report = corpusReport("pingtan-2019.html");

  it("converts 75394432.52元 to 万元 and reads the 2019 columns", () => {
    expect(report.template).toBe("2019");
    expect(report.values["proactive.procurement.projects"]).toBe(135);
    expect(report.values["proactive.procurement.amount"]).toBeCloseTo(7539.443252, 6);
    expect(report.values["proactive.licensing.previousItems"]).toBe(396);
    expect(report.values["proactive.licensing.decisions"]).toBe(181);
    expect(report.values["proactive.fees.previousItems"]).toBe(35);
  });
});

describe("a misspelt reviews heading (pingtan-2022.html: 行政法复议)", () => {
  const report = corpusReport("pingtan-2022.html");

  it("still finds the reviews table", () => {
    expect(report.values["review.total"]).toBe(2);
    expect(report.values["litigationDirect.upheld"]).toBe(1);
  });
});

describe("HTML inside a JavaScript string in a .txt file (corpus 035)", () => {
  const report = corpusReport("035.txt");

  it("reads the grid, colspan cells once", () => {
    expect(report.template).toBe("2019");
    expect(report.values["proactive.regulations.made"]).toBe(13);
    expect(report.values["proactive.regulations.published"]).toBe(13);
    expect(report.values["proactive.regulations.publicTotal"]).toBe(524);
    expect(rules(report)).toContain("cell.blank");
  });
});

describe("a page nested thousands of tags deep", () => {
  it("renders a cell under 5,000 nested spans without overflowing the call stack", () => {
    const page = `<table><tr><td>规章</td><td>${"<span>".repeat(5000)}7</td></tr></table>`;
    expect(renderHtml(page)).toBe("| 规章 | 7 |");
  });

  it("renders text under 10,000 nested divs", () => {
    expect(renderHtml(`${"<div>".repeat(10000)}二、主动公开政府信息情况`)).toBe("二、主动公开政府信息情况");
  });
});
