/**
 * document.notReport: every near-miss of ../shared/corpus/nearmiss is told apart from a report,
 * for the reason that makes it none, and no seed, corpus report or sample report is.
 */
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parseReport } from "../lib/parse/index";
import { readDocument } from "../lib/parse/document";
import { generateSampleCorpus, TEMPLATES_PLAN } from "../lib/sample/corpus";
import { parseFile } from "./parse.support";
import { CORPUS, SEEDS } from "./support/shared";

const NEARMISS = join(CORPUS, "nearmiss");
const REPORTS = join(CORPUS, "reports");
const reportFiles = (dir: string) => readdirSync(dir).filter((f) => /\.(txt|html?)$/.test(f));
const notReport = (path: string) => parseFile(path).findings.filter((f) => f.rule === "document.notReport");

/** Why each near-miss is not a report: the finding's message, and the line it points at. */
const REASONS: Record<string, { message: string; line?: number }> = {
  "001.txt": { message: "这是2018年度的报告,早于2019年起施行的统一格式(国办公开办函〔2019〕60号),没有可比的统计表。", line: 1 },
  "002.txt": { message: "文中有10处用“xxxx”“xx”“x”等占位符代替名称或数字:这是模板范文,或遮盖了数字的转载。", line: 2 },
  "003.txt": { message: "这是2008年度的报告,早于2019年起施行的统一格式(国办公开办函〔2019〕60号),没有可比的统计表。", line: 3 },
  "004.txt": { message: "标题“2022年上半年政府信息公开数据统计”表明这是一份数据统计。", line: 3 },
  "005.txt": { message: "标题“莆田市人民政府办公室关于做好2009年度政府信息公开工作年度报告有关事项的通知”表明这是一份通知。", line: 2 },
  "006.txt": { message: "标题“国务院办公厅政府信息与政务公开办公室关于政府信息公开年度报告有关项目填报问题的解释”表明这是一份解释或答复函。", line: 1 },
  "007.txt": { message: "标题“xx镇人民政府2023年政务公开工作实施方案”表明这是一份工作方案或计划。", line: 1 },
  "008.txt": { message: "文中有17处用“**”“***”“****”等占位符代替名称或数字:这是模板范文,或遮盖了数字的转载。", line: 5 },
  "009.txt": { message: "标题“山西省人民政府办公厅政府信息公开年度报告制度(试行)”表明这是一项工作制度或办法。", line: 7 },
  "010.txt": { message: "标题“政府资讯公开法”表明这是一部法律或法规。", line: 7 },
  "011.txt": { message: "标题“怀化市政务公开政务服务领导小组办公室关于认真做好2021年政府信息公开工作年度报告编制发布工作的通知”表明这是一份通知。", line: 1 },
  "012.txt": { message: "标题“定西市政府信息公开情况统计报表”表明这是一张统计报表。", line: 2 },
  "013.txt": { message: "标题“政府信息公开年度工作报告范文”表明这是一篇模板范文。", line: 1 },
  "014.txt": { message: "标题“中华人民共和国政府信息公开工作年度报告格式”表明这是年度报告的空白格式(模板)本身。", line: 6 },
  "015.txt": { message: "文中既没有年度报告的标题,也没有年度报告格式规定的章节或统计表。" },
};

describe("document.notReport on the near-misses (corpus/nearmiss)", () => {
  it("has a reason for every file", () => {
    expect(reportFiles(NEARMISS).sort()).toEqual(Object.keys(REASONS).sort());
  });

  it.each(Object.entries(REASONS))("%s is declined for what it is", (file, reason) => {
    const findings = notReport(join(NEARMISS, file));
    expect(findings.map((f) => ({ message: f.message, line: f.line }))).toEqual([reason]);
    expect(findings[0].severity).toBe("error");
  });
});

describe("document.notReport on real and sample reports", () => {
  it.each(reportFiles(SEEDS))("does not fire on seed %s", (file) => {
    expect(notReport(join(SEEDS, file))).toEqual([]);
  });

  it.each(reportFiles(REPORTS))("does not fire on corpus report %s", (file) => {
    expect(notReport(join(REPORTS, file))).toEqual([]);
  });

  it("does not fire on any report of the sample corpora, in any style, of either template", () => {
    const files = [...generateSampleCorpus(1).files, ...generateSampleCorpus(1, TEMPLATES_PLAN).files];
    const fired = files.filter((file) => {
      const parsed = parseReport({ fileName: file.path, bytes: file.bytes });
      return parsed.findings.some((f) => f.rule === "document.notReport");
    });
    expect(fired.map((f) => f.path)).toEqual([]);
  });
});

describe("reading what a document is", () => {
  it("takes a report's title over a navigation line naming another kind above it", () => {
    const facts = readDocument(["政府信息公开制度", "某县人民政府2023年政府信息公开工作年度报告"], false);
    expect(facts.title).toEqual({ kind: "report", text: "某县人民政府2023年政府信息公开工作年度报告", line: 2 });
  });

  it("reads no title from a table row or a sentence", () => {
    expect(readDocument(["信息名称 | 关于印发年度报告格式的通知 |", "现就做好政务公开工作通知如下。"], false).title).toBeUndefined();
  });

  it("counts x, × and * runs touching Chinese as placeholders, not a footnote star or a Latin word", () => {
    const facts = readDocument(["xx镇配有x名工作人员", "××县", "申请数*件", "申诉数 *", "www.xiaomaya.com 交通局", "3x3"], false);
    expect(facts.placeholders.map((p) => [p.text, p.line])).toEqual([["xx", 1], ["x", 1], ["××", 2], ["*", 3]]);
  });

  it("sees a report in its own words (本报告), its headings or its tables, and nothing of one in a paper", () => {
    expect(readDocument(["本报告依据《条例》编制。"], false).reportSigns).toBe(true);
    expect(readDocument(["二、主动公开政府信息情况"], false).reportSigns).toBe(true);
    expect(readDocument(["规章 | 0 | 0 | 0 |"], true).reportSigns).toBe(true);
    expect(readDocument(["1. 行政复议的发展现状", "表1. 2012年行政复议案件涉及事项"], false).reportSigns).toBe(false);
  });
});
