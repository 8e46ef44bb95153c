/**
 * The anomaly rules on their own (lib/anomalies, pure): each firing and not firing, on real
 * reports of ../shared where they show the case (seed 001, 平潭's reports of five years, the
 * corpus) and on made-up figures where no real report does.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { agencyAnomalies, corpusAnomalies, peerAnomalies, reportAnomalies, reportDocument } from "../lib/anomalies/engine";
import { ALL_RULES, ANOMALY_RULES, RULE_BY_ID } from "../lib/anomalies/registry";
import { farAbove } from "../lib/anomalies/stats";
import { estimatedSimilarity, shareBand, signature, signaturePairs } from "../lib/anomalies/text/minhash";
import { WORTH_COMPARING } from "../lib/anomalies/text/similar";
import { digestOf, narrativeOf } from "../lib/anomalies/text/narrative";
import { statedProceedings } from "../lib/anomalies/text/proceedings";
import { jaccard, shingles } from "../lib/anomalies/text/shingles";
import type { AgencyHistory, CorpusReport, PeerReport, StoredReport } from "../lib/anomalies/types";
import { normalizeText } from "../lib/parse/normalize";
import { parseReport, type ParseResult } from "../lib/parse/index";
import { CORPUS, SEEDS } from "./support/shared";

const parse = (path: string, bytes: Uint8Array = readFileSync(path)): ParseResult => parseReport({ fileName: path, bytes });
const SEED_001 = join(SEEDS, "001_873059f99be5ef02.txt"); // 镇巴县人民政府办公室 2024
const PINGTAN_YEARS = [2019, 2021, 2022, 2024, 2025];
const pingtan = new Map(PINGTAN_YEARS.map((year) => [year, parse(join(CORPUS, "reports", `pingtan-${year}.html`))]));
const rules = (findings: readonly { rule: string }[]) => findings.map((f) => f.rule);
const linesOf = (text: string) => normalizeText(text).split("\n");

/** A stored report as the cross-report rules read it. */
function stored(id: number, year: number, parsed: Pick<ParseResult, "values" | "provenance" | "sourceText">, current = true): StoredReport {
  return { id, year, current, values: parsed.values, provenance: parsed.provenance, narrative: narrativeOf(linesOf(parsed.sourceText)) };
}

/** 平潭综合实验区 (a county-level area, 350128) across the years of the shared corpus: 2019, 2021, 2022, 2024, 2025. */
function pingtanHistory(change: (year: number, parsed: ParseResult) => ParseResult = (_y, p) => p): AgencyHistory {
  return { agencyId: 1, agency: "平潭综合实验区", regionCode: "350128", reports: PINGTAN_YEARS.map((year) => stored(year, year, change(year, pingtan.get(year)!))) };
}

const withValues = (parsed: ParseResult, values: Record<string, number | null>): ParseResult => ({ ...parsed, values: { ...parsed.values, ...values } });

describe("the rule table", () => {
  it("has every rule once, each with a title, a one-line explanation, a severity and a category", () => {
    const ids = ALL_RULES.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const rule of ALL_RULES) {
      expect(rule.title.length, rule.id).toBeGreaterThan(1);
      expect(rule.explanation, rule.id).toMatch(/^[^\n]+。$/);
      expect(["error", "warning", "info"]).toContain(rule.severity);
    }
    expect(RULE_BY_ID.get("requests.balance")).toMatchObject({ scope: "parser", category: "arithmetic" });
    expect(ANOMALY_RULES.map((r) => r.id)).toEqual([
      "narrative.reviews",
      "narrative.lawsuits",
      "narrative.otherYear",
      "carryover.mismatch",
      "report.yearMissing",
      "report.duplicate",
      "fees.unit",
      "figure.jump",
      "figure.peerOutlier",
      "text.copiedLastYear",
      "text.sharedAcrossAgencies",
    ]);
  });
});

describe("within a report", () => {
  it("seed 001: the totals row breaks the contract's sums, and the report rules find nothing more", () => {
    const seed = parse(SEED_001);
    expect(rules(seed.findings).sort()).toEqual(["requests.balance", "requests.columnSum", "requests.outcomeSum"]);
    // its text: 11件申请中产生行政复议案件2件; its table: 行政复议 总计 2
    expect(reportAnomalies(reportDocument(seed))).toEqual([]);
  });

  it("narrative.reviews: the text's reviews against the table, pointing at the sentence", () => {
    const seed = parse(SEED_001);
    const changed = withValues(seed, { "review.upheld": 2, "review.other": 1, "review.total": 3 });
    expect(reportAnomalies(reportDocument(changed))).toEqual([
      { rule: "narrative.reviews", severity: "warning", message: "正文称发生政府信息公开行政复议2件,但第四部分统计表合计为3件。", fields: ["review.total"], line: 6 },
    ]);
  });

  it("narrative.lawsuits: 平潭 2025 says 行政复议36起,行政诉讼9起 and its table agrees (6 direct + 3 after review)", () => {
    const report = pingtan.get(2025)!;
    expect(statedProceedings(linesOf(report.sourceText))).toMatchObject({ reviews: { value: 36 }, lawsuits: { value: 9 } });
    expect(reportAnomalies(reportDocument(report))).toEqual([]);
    const found = reportAnomalies(reportDocument(withValues(report, { "litigationDirect.upheld": 5, "litigationDirect.total": 8, "litigationDirect.pending": 3 })));
    expect(found.map((f) => [f.rule, f.message])).toEqual([["narrative.lawsuits", "正文称发生政府信息公开行政诉讼9件,但第四部分统计表合计为11件。"]]);
  });

  it("narrative.reviews stays silent when the table's 总计 is the error (reviews.sum says so) or a text counts one kind of lawsuit", () => {
    const seed = parse(SEED_001);
    // 总计 3 printed over results adding up to 2: the text's 2 agrees with the results
    expect(reportAnomalies(reportDocument(withValues(seed, { "review.total": 3 })))).toEqual([]);
  });

  it("reads the counts real reports write, and nothing from outlines, parts or plans", () => {
    const stated = (text: string) => statedProceedings([text]);
    expect(stated("全年办理因政府信息公开申请引发的行政复议36起,行政诉讼9起")).toMatchObject({ reviews: { value: 36, line: 1 }, lawsuits: { value: 9, line: 1 } });
    expect(stated("未发生因政府信息公开工作而被申请行政复议、提起行政诉讼的情况")).toMatchObject({ reviews: { value: 0 }, lawsuits: { value: 0 } });
    expect(stated("信息公开类行政复议1起,正在办理中")).toMatchObject({ reviews: { value: 1 } });
    expect(stated("本报告由总体情况、政府信息公开行政复议和行政诉讼情况、其他需要报告的事项等6个部分组成")).toEqual({});
    expect(stated("因依申请公开工作引起的经复议后起诉的行政诉讼0件")).toEqual({});
    expect(stated("行政复议结果维持2件")).toEqual({});
    expect(stated("着力减少行政复议、行政诉讼案件数量")).toEqual({});
    expect(stated("对未答复的申请提起行政复议")).toEqual({});
  });

  it("narrative.otherYear: seed 001 (a 2024 report) with last year's text", () => {
    const seed = parse(SEED_001);
    expect(reportAnomalies(reportDocument(seed))).toEqual([]);
    const copied = { ...seed, sourceText: seed.sourceText.replaceAll("2024年", "2023年") };
    expect(reportAnomalies(reportDocument(copied))).toEqual([
      { rule: "narrative.otherYear", severity: "warning", message: "这是2024年度报告,但正文提到2023年3次,提到2024年仅0次。", fields: [], line: 2 },
    ]);
  });

  it("finds nothing in any report of the shared corpus (the near misses aside)", () => {
    const report = (name: string) => parse(join(CORPUS, "reports", name));
    for (const name of ["002.txt", "017.txt", "029.txt", "042.txt", "085.txt", "124.txt", "125.txt", "127.txt", "pingtan-2021.html", "pingtan-2024.html"]) {
      expect(reportAnomalies(reportDocument(report(name))), name).toEqual([]);
    }
  });
});

describe("across an agency's years: 平潭 2019–2025", () => {
  it("as published: carry-over continuous (2021 carries 1 forward, 2022 carries 1 over), no copying, no jump, fees in 万元; two years missing", () => {
    const found = agencyAnomalies(pingtanHistory());
    expect(found.map((f) => [f.rule, f.reportId, f.message])).toEqual([
      ["report.yearMissing", 2021, "本机关有2019年度和2021年度的年报,缺少2020年度的年报。"],
      ["report.yearMissing", 2024, "本机关有2022年度和2024年度的年报,缺少2023年度的年报。"],
    ]);
    expect(found[0].evidence).toEqual({ related: [{ id: 2019, agency: "平潭综合实验区", year: 2019 }] });
  });

  it("carryover.mismatch: 2022 says it carried over 0 where 2021 carried 1 forward", () => {
    const found = agencyAnomalies(pingtanHistory((year, p) => (year === 2022 ? withValues(p, { "requests.carriedOver.natural": 0, "requests.carriedOver.total": 0 }) : p)));
    const breaks = found.filter((f) => f.rule === "carryover.mismatch");
    expect(breaks.map((f) => [f.reportId, f.severity, f.message, f.fields])).toEqual([
      [2022, "error", "2021年度报告“结转下年度继续办理”为自然人1件、总计1件,本年度“上年结转”却为自然人0件、总计0件。", ["requests.carriedOver.natural", "requests.carriedOver.total"]],
    ]);
    expect(breaks[0].line).toBe(pingtan.get(2022)!.provenance["requests.carriedOver.natural"]);
  });

  it("fees.unit: 平潭 charges 4,166 to 24,252 万元 a year (a county-level area: no finding); 2024 written in 元 is found", () => {
    const fees = [...pingtan.values()].map((p) => p.values["proactive.fees.amount"]).filter((v) => v !== undefined);
    expect(fees).toEqual([24252.311082, 9116.36, 18651.06, 4166.241619]);
    const found = agencyAnomalies(pingtanHistory((year, p) => (year === 2024 ? withValues(p, { "proactive.fees.amount": 186510600 }) : p)));
    expect(found.filter((f) => f.rule === "fees.unit").map((f) => [f.reportId, f.message])).toEqual([
      [2024, "行政事业性收费本年收费金额填报为186510600万元,约为本机关其他年度(中位数9116.36万元)的20459倍,疑似把“元”当作“万元”填报(按元计为18651.06万元)。"],
    ]);
  });

  it("fees.unit on a township with no history: over the level's cap only", () => {
    const township = (fees: number): AgencyHistory => ({
      agencyId: 2,
      agency: "黎坝镇人民政府",
      regionCode: "610728116",
      reports: [{ id: 1, year: 2024, current: true, values: { "proactive.fees.amount": fees }, provenance: {}, narrative: null }],
    });
    expect(agencyAnomalies(township(3.5))).toEqual([]);
    expect(agencyAnomalies(township(35000)).map((f) => f.message)).toEqual([
      "行政事业性收费本年收费金额填报为35000万元,远超乡镇机关的合理规模(500万元),疑似把“元”当作“万元”填报(按元计为3.5万元)。",
    ]);
  });

  it("figure.jump: 平潭's licensing runs 181 to 10,690 (no jump); 2,418 made 241,800 is one", () => {
    const licensing = [...pingtan.values()].map((p) => p.values["proactive.licensing.decisions"]);
    expect(licensing).toEqual([181, 2293, 10690, 4529, 2418]);
    const found = agencyAnomalies(pingtanHistory((year, p) => (year === 2025 ? withValues(p, { "proactive.licensing.decisions": 241800 }) : p)));
    expect(found.filter((f) => f.rule === "figure.jump").map((f) => [f.reportId, f.message, f.evidence?.history?.length])).toEqual([
      [2025, "行政许可处理决定数量为241800件,远超本机关其他年度(2019年181件、2021年2293件、2022年10690件、2024年4529件)。", 4],
    ]);
  });

  it("text.copiedLastYear: 平潭's years share 2–8% of their wording; 2025 with 2024's text is a copy", () => {
    const copy = pingtanHistory((year, p) => (year === 2025 ? { ...p, sourceText: pingtan.get(2024)!.sourceText.replaceAll("2024", "2025") } : p));
    const found = agencyAnomalies(copy).filter((f) => f.rule === "text.copiedLastYear");
    expect(found.map((f) => [f.reportId, f.evidence?.similarity, f.evidence?.related?.[0].year])).toEqual([[2025, 1, 2024]]);
    expect(found[0].message).toBe("正文第一、五部分与本机关2024年度报告相似度达100%(总体情况100%,存在的问题100%)。");
  });

  it("report.duplicate: a second version of 2025 with other figures; the same figures twice are no finding", () => {
    const history = pingtanHistory();
    const again = (values: ParseResult["values"]) => ({ ...history, reports: [...history.reports.map((r) => (r.year === 2025 ? { ...r, current: false } : r)), { ...stored(99, 2025, pingtan.get(2025)!), values }] });
    expect(agencyAnomalies(again(pingtan.get(2025)!.values)).filter((f) => f.rule === "report.duplicate")).toEqual([]);
    const changed = agencyAnomalies(again({ ...pingtan.get(2025)!.values, "proactive.licensing.decisions": 2419 })).filter((f) => f.rule === "report.duplicate");
    expect(changed.map((f) => [f.reportId, f.message, f.fields, f.evidence])).toEqual([
      [99, "本机关2025年度共载入2份年报,有1个数字不一致(行政许可 / 处理决定数量),统计采用最后载入的一份。", ["proactive.licensing.decisions"], { related: [{ id: 2025, agency: "平潭综合实验区", year: 2025 }] }],
    ]);
  });
});

describe("across peers", () => {
  /** Townships of one county in one year, with these penalty decisions. */
  const townships = (penalties: number[]): PeerReport[] =>
    penalties.map((n, i) => ({
      id: i + 1,
      year: 2024,
      current: true,
      agency: `第${i + 1}镇人民政府`,
      regionCode: `610728${String(101 + i)}`,
      regionPath: ["陕西省", "汉中市", "镇巴县", `第${i + 1}镇`],
      kind: "township",
      values: { "proactive.penalty.decisions": n },
      provenance: { "proactive.penalty.decisions": 40 },
      narrative: null,
    }));

  it("figure.peerOutlier: a township with 120 penalty decisions where its peers have none", () => {
    const found = peerAnomalies(townships([0, 0, 120, 0, 1, 0, 0, 2, 0]));
    expect(found.map((f) => [f.reportId, f.rule, f.message, f.line])).toEqual([[3, "figure.peerOutlier", "行政处罚处理决定数量为120件,而镇巴县各乡镇(另8个)中位数为0件、最多为2件。", 40]]);
    expect(found[0].evidence).toEqual({ measure: "行政处罚处理决定数量", value: 120, peers: { group: "镇巴县各乡镇", count: 8, median: 0, max: 2 } });
  });

  it("says nothing of a busy township among busy ones, nor among too few peers", () => {
    expect(peerAnomalies(townships([3, 12, 40, 8, 0, 25, 6, 14, 9]))).toEqual([]);
    expect(peerAnomalies(townships([0, 0, 120, 0, 0, 0]))).toEqual([]);
  });

  it("rates: a department granting none of its 30 requests where the county-level agencies of its province grant half", () => {
    const departments = [0.5, 0.55, 0.48, 0.6, 0.52, 0.45, 0.58, 0].map((share, i): PeerReport => ({
      id: i + 1,
      year: 2024,
      current: true,
      agency: `县${i}自然资源局`,
      regionCode: `6107${String(21 + i)}`,
      regionPath: ["陕西省", "汉中市", `县${i}`],
      kind: "department",
      values: { "requests.granted.total": Math.round(share * 30), "requests.partiallyGranted.total": 0, "requests.totalHandled.total": 30 },
      provenance: {},
      narrative: null,
    }));
    expect(peerAnomalies(departments).map((f) => [f.reportId, f.message])).toEqual([[8, "申请办结中予以公开和部分公开的比例为0%,而陕西省各县级机关(另7个)的中位数为53%。"]]);
    const few = departments.map((d) => ({ ...d, values: { ...d.values, "requests.totalHandled.total": 19 } }));
    expect(peerAnomalies(few)).toEqual([]);
  });

  it("far above: large, four times the largest, and five robust deviations or ten times the largest", () => {
    expect(farAbove(120, [0, 0, 1, 2, 0])).toBe(true);
    expect(farAbove(25, [0, 0, 0, 0])).toBe(false);
    expect(farAbove(1480, [4, 5, 9, 16, 17, 21, 27, 35, 50, 55, 57, 62])).toBe(true);
    expect(farAbove(279, [9, 12, 40, 85])).toBe(false);
  });
});

describe("across agencies: shared narrative", () => {
  const corpusReport = (id: number, agency: string, parsed: ParseResult): CorpusReport => {
    const narrative = narrativeOf(linesOf(parsed.sourceText));
    return { id, agencyId: id, agency, year: 2025, narrative, signature: digestOf(narrative).signature };
  };

  it("finds nothing between different real agencies, nor between one agency's page and its text excerpt", () => {
    const reports = ["004.txt", "005.txt", "009.txt", "024.txt", "025.txt", "037.txt"].map((name, i) => corpusReport(i + 1, name, parse(join(CORPUS, "reports", name))));
    expect(corpusAnomalies(reports)).toEqual([]);
    const sameAgency = [corpusReport(1, "平潭综合实验区", pingtan.get(2025)!), corpusReport(2, "平潭综合实验区", parse(join(CORPUS, "reports", "124.txt")))];
    expect(jaccard(sameAgency[0].narrative.all, sameAgency[1].narrative.all)).toBeGreaterThan(0.7);
    expect(corpusAnomalies(sameAgency)).toEqual([]);
  });

  it("text.sharedAcrossAgencies: two townships filing 平潭's text with their own names, each told of the other", () => {
    const text = pingtan.get(2025)!.sourceText;
    const as = (id: number, name: string) => corpusReport(id, name, { ...pingtan.get(2025)!, sourceText: text.replaceAll("平潭综合实验区", name) });
    const found = corpusAnomalies([as(1, "甲镇人民政府"), as(2, "乙镇人民政府"), corpusReport(3, "027", parse(join(CORPUS, "reports", "027.txt")))]);
    expect(found.map((f) => [f.reportId, f.evidence?.related?.map((r) => r.agency)])).toEqual([
      [1, ["乙镇人民政府"]],
      [2, ["甲镇人民政府"]],
    ]);
    expect(found[0].message).toMatch(/^正文第一、五部分与同年度1个其他机关的年报高度雷同,与乙镇人民政府的相似度达9\d%。$/);
  });
});

describe("text similarity", () => {
  it("is the same wording whatever the figures", () => {
    expect(jaccard(shingles("2024年主动公开政府信息3702条,办结率100%。"), shingles("2025年主动公开政府信息12条,办结率98%。"))).toBe(1);
    expect(jaccard(shingles("主动公开政府信息"), shingles("依申请公开办理情况"))).toBe(0);
  });

  it("puts near-identical texts among many in the same bucket", () => {
    const texts = PINGTAN_YEARS.map((year) => narrativeOf(linesOf(pingtan.get(year)!.sourceText)).all);
    const copy = narrativeOf(linesOf(pingtan.get(2022)!.sourceText.replaceAll("2022", "2023"))).all;
    const pairs = signaturePairs([...texts, copy].map(signature)).filter(([i, j]) => jaccard([...texts, copy][i], [...texts, copy][j]) >= 0.7);
    expect(pairs).toEqual([[2, 5]]);
  });

  it("estimates from signatures alone how alike two texts are, near enough to pick which to compare", () => {
    const texts = PINGTAN_YEARS.map((year) => narrativeOf(linesOf(pingtan.get(year)!.sourceText)).all);
    const copy = narrativeOf(linesOf(pingtan.get(2022)!.sourceText.replaceAll("2022", "2023"))).all;
    const all = [...texts, copy];
    const signatures = all.map(signature);
    for (let i = 0; i < all.length; i++) {
      for (let j = i + 1; j < all.length; j++) {
        expect(Math.abs(estimatedSimilarity(signatures[i], signatures[j]) - jaccard(all[i], all[j]))).toBeLessThan(0.2);
        // a pair shares a band exactly when banding makes it a candidate
        expect(shareBand(signatures[i], signatures[j])).toBe(signaturePairs([signatures[i], signatures[j]]).length > 0);
      }
    }
    expect(estimatedSimilarity(signatures[2], signatures[5])).toBeGreaterThanOrEqual(WORTH_COMPARING);
  });
});
