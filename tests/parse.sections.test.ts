/** Finding the tables: headings, their absence, outlines that mention them, and the reviews table's two shapes. */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parseReport } from "../lib/parse";
import { findHeadings } from "../lib/parse/headings";
import { corpusReport } from "./parse.support";
import { CORPUS, SEEDS } from "./support/shared";

const seed001 = readFileSync(join(SEEDS, "001_873059f99be5ef02.txt"), "utf8");
const parseText = (text: string) => parseReport({ fileName: "report.txt", bytes: new TextEncoder().encode(text) });
const reviewsOf = (values: Record<string, number | null>) =>
  ["review", "litigationDirect", "litigationAfterReview"].map((stem) => ["upheld", "corrected", "other", "pending", "total"].map((id) => values[`${stem}.${id}`]));

describe("headings", () => {
  it("are taken where they open a line, not where an outline mentions them", () => {
    const lines = ["本报告包括:一、总体情况;二、主动公开政府信息情况;三、收到和处理政府信息公开申请情况。", "二、主动公开政府信息情况", "三、收到和处理政府信息公开申请情况"];
    expect(findHeadings(lines).map((h) => [h.id, h.line])).toEqual([
      ["proactive", 2],
      ["requests", 3],
    ]);
  });

  it("are taken at their last mention in a report flattened onto one line", () => {
    const line = "本报告包括二、主动公开政府信息情况等六个部分。一、总体情况 略。二、主动公开政府信息情况 第二十条第(一)项";
    expect(findHeadings([line]).map((h) => h.offset)).toEqual([line.lastIndexOf("二、")]);
  });
});

describe("tables without headings (corpus 047: a page of tables only)", () => {
  const report = corpusReport("047.txt");

  it("are found by their header words", () => {
    expect(report.values["proactive.penalty.decisions"]).toBe(187);
    expect(report.values["requests.newReceived.natural"]).toBe(49);
    expect(report.values["requests.carriedOver.natural"]).toBe(8);
  });
});

describe("the reviews table", () => {
  const expected = [
    [1, 0, 1, 0, 2],
    [0, 0, 0, 0, 0],
    [0, 0, 0, 0, 0],
  ];

  it("reads 15 numbers under the headers (seed 001)", () => {
    expect(reviewsOf(parseText(seed001).values)).toEqual(expected);
  });

  it("reads a row of five numbers under each label", () => {
    const start = seed001.indexOf("四、政府信息公开行政复议");
    const end = seed001.indexOf("五、存在的主要问题");
    const vertical = "四、政府信息公开行政复议、行政诉讼情况\n行政复议 | 1 | 0 | 1 | 0 | 2 |\n行政诉讼 | 未经复议直接起诉 | 0 | 0 | 0 | 0 | 0 |\n复议后起诉 | 0 | 0 | 0 | 0 | 0 |\n";
    expect(reviewsOf(parseText(seed001.slice(0, start) + vertical + seed001.slice(end)).values)).toEqual(expected);
  });

  it("does not take a number from a sentence that mentions 行政复议", () => {
    const start = seed001.indexOf("四、政府信息公开行政复议");
    const end = seed001.indexOf("五、存在的主要问题");
    const prose = "四、政府信息公开行政复议、行政诉讼情况\n本年度共发生行政复议2件,均已审结。\n";
    const report = parseText(seed001.slice(0, start) + prose + seed001.slice(end));
    expect(reviewsOf(report.values).flat().every((v) => v === null)).toBe(true);
    expect(report.findings.map((f) => f.rule)).toContain("table.missing");
  });
});

describe("a table split over two pages", () => {
  it("reads on past the header printed again among its rows (总计, 其他)", () => {
    const header = seed001.slice(seed001.indexOf("(本列数据的勾稽关系"), seed001.indexOf("一、本年新收"));
    const split = seed001.replace("(七)总计 |", `- 5 -\n${header}(七)总计 |`);
    const report = parseText(split);
    expect(report.values).toEqual(parseText(seed001).values);
    expect(report.values["requests.totalHandled.total"]).toBe(11);
  });
});

describe("tables that are not the report's (nearmiss 015: a paper with 行政处罚 | 行政许可 columns)", () => {
  it("are not read: a row label needs its numbers beside it", () => {
    const report = parseReport({ fileName: "015.txt", bytes: readFileSync(join(CORPUS, "nearmiss", "015.txt")) });
    expect(report.template).toBeNull();
    expect(Object.values(report.values).every((v) => v === null)).toBe(true);
  });
});
