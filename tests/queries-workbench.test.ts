/**
 * The queries behind the workbench pages (report, agency, region, coverage, compare, summary),
 * against a real database built by the real ingest from the hand-made reports of
 * tests/queries-fixture.ts. Expected numbers are worked out from the fixture's specs.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase, type NianbaoDb } from "@/db/client";
import { agencyYearsTable, fetchAgencyFindings, fetchAgencyReports, fetchAgencyValues, sectionYearsTable } from "@/lib/queries/agency";
import { compareParams, compareTable, fetchComparison, fetchTrends, MIN_RATE_BASE, rankingTable, resolveCompare, type CompareView } from "@/lib/queries/compare";
import { coverageTable, coverageYearsTable, fetchCoverage } from "@/lib/queries/coverage";
import { readParams } from "@/lib/queries/filter-params";
import { layoutRows, officialLayout } from "@/lib/queries/official-layout";
import { fetchReportFindings, fetchReportHead, fetchReportValues, fetchReportVersions } from "@/lib/queries/report";
import { findingsByCell, reportValuesTable } from "@/lib/queries/report-tables";
import { resolveExactScope, resolveRegionYear, type Scope } from "@/lib/queries/scope";
import { fetchSubregionRows, subregionTable } from "@/lib/queries/subregions";
import { fetchRegionSummary, summaryLayoutRows } from "@/lib/queries/summary";
import { TEMPLATE_VERSIONS } from "@/lib/template/definitions";
import { fieldsOf } from "@/lib/template/fields";
import { buildFixtureDatabase, CURRENT, newReceived, sum, totalHandled, type ReportSpec } from "./queries-fixture";

let dir: string;
let db: NianbaoDb;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "nianbao-workbench-"));
  db = openDatabase(buildFixtureDatabase(dir), { readonly: true });
});

afterAll(() => {
  db?.$client.close();
  rmSync(dir, { recursive: true, force: true });
});

const ZHENBA = { code: "610728", name: "镇巴县" };
const COUNTY_OFFICE = "镇巴县人民政府办公室";

const id = (query: string, ...params: unknown[]) => (db.$client.prepare(query).get(...params) as { id: number }).id;
const agencyId = (name: string) => id("SELECT id FROM agencies WHERE name = ?", name);
const reportId = (agency: string, year: number) => id("SELECT r.id FROM reports r JOIN agencies a ON a.id = r.agency_id WHERE a.name = ? AND r.year = ? AND r.current = 1", agency, year);
const spec = (agency: string, year: number) => CURRENT.find((s) => s.agency === agency && s.year === year)!;
const errorCount = (report: number) => (db.$client.prepare("SELECT COUNT(*) AS n FROM findings WHERE report_id = ? AND severity = 'error'").get(report) as { n: number }).n;

describe("the official layout", () => {
  it.each(TEMPLATE_VERSIONS)("draws every field of the %s template exactly once", (version) => {
    const cells = officialLayout(version).flatMap((t) => [...t.head, ...t.body].flat());
    const fields = cells.flatMap((c) => (c.kind === "value" ? [c.field] : []));
    expect(fields.toSorted()).toEqual(fieldsOf(version).map((f) => f.key).toSorted());
  });

  it("spreads merged headers so every row is as wide as the table, numbers under their column", () => {
    const [, requests, reviews] = officialLayout("2021");
    const rows = layoutRows(requests, (field) => field);
    expect(new Set(rows.map((r) => r.length))).toEqual(new Set([8]));
    expect(rows[1]).toEqual(["", "自然人", "法人或其他组织", "", "", "", "", "总计"]);
    expect(rows[2]).toEqual(["", "", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", ""]);
    expect(rows.find((r) => r[0] === "(一)予以公开")).toEqual(["(一)予以公开", ...["natural", "commercial", "research", "socialOrg", "legal", "other", "total"].map((c) => `requests.granted.${c}`)]);
    const review = layoutRows(reviews, (field) => field);
    expect(review[0]).toEqual(["行政复议", "", "", "", "", "行政诉讼", ...Array(9).fill("")]);
    expect(review[1].slice(5)).toEqual(["未经复议直接起诉", "", "", "", "", "复议后起诉", "", "", "", ""]);
    expect(review[3][4]).toBe("review.total");
    expect(review[3][14]).toBe("litigationAfterReview.total");
  });
});

describe("a report", () => {
  it("traces every value to a source line that prints it", () => {
    const report = fetchReportHead(db, reportId(COUNTY_OFFICE, 2024))!;
    const lines = report.sourceText.split("\n");
    const values = fetchReportValues(db, report.id);
    expect(values.size).toBeGreaterThan(100);
    for (const [field, { value, line }] of values) {
      expect(line, field).not.toBeNull();
      expect(lines[line! - 1].split(/[\s|]+/), `${field} on line ${line}`).toContain(String(value));
    }
    expect(values.get("requests.granted.total")).toEqual({ value: spec(COUNTY_OFFICE, 2024).outcomes.granted, line: expect.any(Number) });
    expect(lines[report.proactiveItemsLine! - 1]).toContain(`${report.proactiveItems}条`);
  });

  it("lists its figures long, with the line each came from, narrative ones first", () => {
    const report = fetchReportHead(db, reportId(COUNTY_OFFICE, 2024))!;
    const table = reportValuesTable(report, fetchReportValues(db, report.id));
    expect(table.rows[0]).toEqual(["一、总体情况", "主动公开政府信息", "条", "narrative.proactiveItems", 3702, report.proactiveItemsLine]);
    const granted = table.rows.findIndex((r) => r[3] === "requests.granted.total");
    expect(table.rows[granted].slice(4)).toEqual([5, expect.any(Number)]);
    expect(table.links![granted][5]).toBe(`/reports/${report.id}#L${table.rows[granted][5]}`);
  });

  it("puts each finding's number on the cells it concerns", () => {
    const findings = fetchReportFindings(db, reportId(COUNTY_OFFICE, 2023));
    expect(findings.slice(0, 2).map((f) => [f.severity, f.rule])).toEqual([
      ["error", "requests.balance"],
      ["error", "requests.balance"],
    ]);
    const cells = findingsByCell(findings);
    const first = findings.findIndex((f) => f.fields.includes("requests.newReceived.total"));
    expect(cells.get("requests.newReceived.total")).toMatchObject({ numbers: expect.arrayContaining([first + 1]), severity: "error" });
    expect(cells.get("requests.newReceived.total")!.text).toContain(`问题${first + 1}（错误）：${findings[first].message}`);
    expect(cells.has("review.total")).toBe(false);
  });

  it("knows its versions: a revision is current, the report it replaces is not", () => {
    const versions = fetchReportVersions(db, fetchReportHead(db, reportId("渔渡镇人民政府", 2024))!);
    expect(versions.map((v) => v.current)).toEqual([true, false]);
    expect(fetchReportHead(db, 99999)).toBeUndefined();
  });
});

describe("an agency across the years", () => {
  const span = { first: 2020, last: 2024 };

  it("shows each year loaded: published, published with errors, or missing", () => {
    const office = agencyId(COUNTY_OFFICE);
    const table = agencyYearsTable(fetchAgencyReports(db, office), span);
    expect(table.rows.map((r) => r.slice(0, 3))).toEqual([
      [2020, "已发布", "2019年版"],
      [2021, "未发布", null],
      [2022, "未发布", null],
      [2023, "有错误", "2021年版"],
      [2024, "已发布", "2021年版"],
    ]);
    expect(table.links![3][0]).toBe(`/reports/${reportId(COUNTY_OFFICE, 2023)}`);
  });

  it("puts each section's figures year beside year, in the newer template's words, each linked to its line", () => {
    const office = agencyId(COUNTY_OFFICE);
    const years = [2020, 2021, 2022, 2023, 2024];
    const requests = sectionYearsTable("requests", fetchAgencyValues(db, office), years);
    expect(requests.headers).toEqual(["项目", "2020年", "2021年", "2022年", "2023年", "2024年"]);
    const received = (year: number) => newReceived(spec(COUNTY_OFFICE, year));
    expect(requests.rows[0]).toEqual(["一、本年新收政府信息公开申请数量", received(2020), null, null, received(2023), received(2024)]);
    expect(requests.rows.map((r) => r[0])).toContain("(三)不予公开1.属于国家秘密");
    expect(requests.links![0][5]).toMatch(new RegExp(`^/reports/${reportId(COUNTY_OFFICE, 2024)}#L\\d+$`));
    const proactive = sectionYearsTable("proactive", fetchAgencyValues(db, office), years);
    // the 2019 template's own row, after the 2021 template's
    const made = proactive.rows.find((r) => r[0] === "规范性文件 / 本年新制作数量")!;
    expect(made).toEqual(["规范性文件 / 本年新制作数量", 4, null, null, null, null]);
    expect(proactive.rows.findIndex((r) => r === made)).toBeGreaterThan(proactive.rows.findIndex((r) => r[0] === "行政事业性收费 / 本年收费金额(万元)"));
  });

  it("lists the findings of every year's current report", () => {
    const findings = fetchAgencyFindings(db, agencyId(COUNTY_OFFICE));
    expect(findings.filter((f) => f.severity === "error").map((f) => f.year)).toEqual([2023, 2023]);
  });
});

describe("a region's sub-regions", () => {
  it("lists every township of the gazetteer, with the county's own offices as a row of their own", () => {
    const scope: Scope = { region: ZHENBA, from: 2020, to: 2024 };
    const rows = fetchSubregionRows(db, scope);
    expect(rows).toHaveLength(1 + 20);
    expect(rows[0]).toMatchObject({ code: null, name: "镇巴县本级", reports: 3, agencies: 1 });
    expect(rows.find((r) => r.name === "泾洋街道")).toMatchObject({ code: "610728001", reports: 2, values: { received: newReceived(spec("泾洋街道办事处", 2023)) + newReceived(spec("泾洋街道办事处", 2024)) } });
    expect(rows.find((r) => r.name === "渔渡镇")).toMatchObject({ reports: 1, values: { granted: 4 } });
    expect(rows.filter((r) => r.reports === 0)).toHaveLength(18);
    const table = subregionTable(rows, scope);
    expect(table.links![1][0]).toBe("/regions/610728001?from=2020&to=2024");
  });

  it("sums a city's counties, the whole country's provinces", () => {
    const city = fetchSubregionRows(db, { region: { code: "6107", name: "汉中市" }, from: 2024, to: 2024 });
    expect(city.filter((r) => r.reports > 0).map((r) => [r.name, r.reports])).toEqual([
      ["汉台区", 1],
      ["镇巴县", 3],
    ]);
    const country = fetchSubregionRows(db, { region: null, from: 2020, to: 2024 });
    expect(country.filter((r) => r.reports > 0).map((r) => [r.name, r.reports])).toEqual([["陕西省", CURRENT.length]]);
  });
});

describe("coverage", () => {
  const coverage = () => fetchCoverage(db, { region: ZHENBA, from: 2020, to: 2024 });

  it("marks each agency's years published, published with errors or missing", () => {
    const table = coverageTable(coverage());
    expect(table.headers).toEqual(["机关", "类型", "所在地区", "2020年", "2021年", "2022年", "2023年", "2024年"]);
    expect(table.rows[0]).toEqual([COUNTY_OFFICE, "政府部门", "镇巴县", "已发布", "未发布", "未发布", "有错误", "已发布"]);
    expect(table.rows.find((r) => r[0] === "泾洋街道办事处")!.slice(3)).toEqual(["未发布", "未发布", "未发布", "已发布", "已发布"]);
    expect(table.links![0][6]).toBe(`/reports/${reportId(COUNTY_OFFICE, 2023)}`);
  });

  it("lists the townships with no report at all as missing, in gazetteer order", () => {
    const table = coverageTable(coverage());
    const silent = table.rows.filter((r) => String(r[0]).endsWith("（无任何年报）"));
    expect(silent).toHaveLength(18);
    expect(silent.every((r) => r.slice(3).every((cell) => cell === "未发布"))).toBe(true);
    expect(table.rows.map((r) => r[2])).toEqual(coverage().rows.map((r) => r.regionName));
    expect(table.rows.findIndex((r) => r[0] === "渔渡镇人民政府")).toBeGreaterThan(table.rows.findIndex((r) => r[0] === "泾洋街道办事处"));
  });

  it("counts each year", () => {
    expect(coverageYearsTable(coverage()).rows).toEqual([
      [2020, 1, 0, 20, "4.8%"],
      [2021, 0, 0, 21, "0.0%"],
      [2022, 0, 0, 21, "0.0%"],
      [2023, 1, 1, 19, "9.5%"],
      [2024, 3, 0, 18, "14.3%"],
    ]);
  });
});

describe("compare", () => {
  const span = { first: 2020, last: 2024 };
  const view = (query: string) => {
    const read = readParams(compareParams, new URLSearchParams(query));
    if (!read.ok) throw new Error(read.error);
    return resolveCompare(db, read.value);
  };
  const compare = (query: string, limit?: number) => fetchComparison(db, view(query) as CompareView, limit);

  it("gives each agency's value, change against last year, rank and share of the region's total", () => {
    const table = compareTable(compare("region=610728&year=2024&metric=received"));
    expect(table.headers).toEqual(["机关", "类型", "新收申请", "新收申请 上年", "新收申请 增减", "新收申请 增减（%）", "新收申请 排名", "新收申请 占地区合计（%）", "问题数"]);
    const received = (a: string, y: number) => newReceived(spec(a, y));
    const total = received(COUNTY_OFFICE, 2024) + received("泾洋街道办事处", 2024) + received("渔渡镇人民政府", 2024);
    const office = table.rows.find((r) => r[0] === COUNTY_OFFICE)!;
    const change = received(COUNTY_OFFICE, 2024) - received(COUNTY_OFFICE, 2023);
    expect(office.slice(2, 8)).toEqual([
      received(COUNTY_OFFICE, 2024),
      received(COUNTY_OFFICE, 2023),
      change,
      Math.round((change / received(COUNTY_OFFICE, 2023)) * 1000) / 10,
      1 + [received("泾洋街道办事处", 2024), received("渔渡镇人民政府", 2024)].filter((v) => v > received(COUNTY_OFFICE, 2024)).length,
      Math.round((received(COUNTY_OFFICE, 2024) / total) * 1000) / 10,
    ]);
    const yudu = table.rows.find((r) => r[0] === "渔渡镇人民政府")!;
    expect(yudu[3]).toBeNull(); // no report in 2023: no change to tell
    expect(table.rows.map((r) => r[2])).toEqual([...table.rows.map((r) => r[2] as number)].sort((a, b) => b - a));
  });

  it("carries a rate's numerator and denominator and ranks it only from the minimum count", () => {
    const comparison = compare("region=610728&year=2024&metric=grantedShare");
    const table = compareTable(comparison);
    const row = (name: string) => table.rows.find((r) => r[0] === name)!;
    const handled = (a: string) => totalHandled(spec(a, 2024).outcomes);
    expect(handled(COUNTY_OFFICE)).toBeGreaterThanOrEqual(MIN_RATE_BASE);
    expect(handled("泾洋街道办事处")).toBeLessThan(MIN_RATE_BASE);
    expect(row(COUNTY_OFFICE).slice(2, 5)).toEqual([Math.round((5 / handled(COUNTY_OFFICE)) * 1000) / 10, 5, handled(COUNTY_OFFICE)]);
    expect(row(COUNTY_OFFICE)[7]).toBe(1);
    expect(row("泾洋街道办事处")[7]).toBeNull();
    expect(rankingTable(comparison).rows).toEqual([[1, COUNTY_OFFICE, row(COUNTY_OFFICE)[2]]]);
  });

  it("counts each agency's findings of the year", () => {
    const table = compareTable(compare("region=610728&year=2023&metric=received&sort=name&dir=asc"));
    expect(table.rows.map((r) => [r[0], r.at(-1)])).toEqual([
      ["泾洋街道办事处", 0],
      [COUNTY_OFFICE, db.$client.prepare("SELECT COUNT(*) AS n FROM findings WHERE report_id = ? AND severity IN ('error', 'warning')").pluck().get(reportId(COUNTY_OFFICE, 2023))],
    ]);
  });

  it("draws each agency's trend across every year loaded", () => {
    const comparison = compare("region=610728&year=2024&metric=received");
    const trends = fetchTrends(db, comparison, comparison.metrics[0], ZHENBA, span, 10);
    const office = trends.series.find((s) => s.label === COUNTY_OFFICE)!;
    expect(trends.points.map((p) => p[office.key])).toEqual([2020, null, null, 2023, 2024].map((y) => (y ? newReceived(spec(COUNTY_OFFICE, y)) : null)));
  });

  it("reads its URL: defaults filled in, unknown places and years missing, impossible sorts refused", () => {
    expect(view("region=610728")).toMatchObject({ year: 2024, order: { key: "received.value", dir: "desc" }, primary: { key: "received" } });
    expect((view("region=610728&metric=reviews&metric=grantedShare&sort=grantedShare.rank&dir=asc") as CompareView).primary.key).toBe("grantedShare");
    expect(view("region=999999")).toEqual({ missing: "未知的地区代码：999999" });
    expect(view("year=2019")).toEqual({ missing: "没有2019年的年报（已导入2020–2024年）" });
    expect(view("sort=nothing")).toMatchObject({ invalid: expect.stringContaining("无法按“nothing”排序") });
    const bad = readParams(compareParams, new URLSearchParams("metric=everything&dir=up"));
    expect(!bad.ok && bad.error).toMatch(/未知的指标/);
    expect(!bad.ok && bad.error).toMatch(/排序方向应为 asc 或 desc/);
  });
});

describe("region summary", () => {
  it("sums every cell over the reports without errors and names the ones left out", () => {
    const summary = fetchRegionSummary(db, ZHENBA, 2023);
    expect(summary.excluded.map((r) => [r.agencyName, r.errors])).toEqual([[COUNTY_OFFICE, errorCount(reportId(COUNTY_OFFICE, 2023))]]);
    expect(summary.included.map((r) => r.agencyName)).toEqual(["泾洋街道办事处"]);
    expect(summary.sums.get("requests.granted.total")).toBe(spec("泾洋街道办事处", 2023).outcomes.granted);
  });

  it("is the official layout, each cell the sum of the reports behind it", () => {
    const summary = fetchRegionSummary(db, ZHENBA, 2024);
    const reports: ReportSpec[] = [spec(COUNTY_OFFICE, 2024), spec("泾洋街道办事处", 2024), spec("渔渡镇人民政府", 2024)];
    expect(summary.included).toHaveLength(3);
    const rows = summaryLayoutRows(summary);
    expect(rows[0]).toEqual(["二、主动公开政府信息情况"]);
    const granted = rows.find((r) => r[0] === "(一)予以公开")!;
    expect(granted.at(-1)).toBe(sum(reports.map((r) => r.outcomes.granted)));
    const fees = rows.find((r) => r[0] === "行政事业性收费")!;
    expect(fees[1]).toBe(Math.round(sum(reports.map((r) => r.fees ?? 0)) * 10_000) / 10_000); // 万元 to the 元
    const review = rows[rows.findIndex((r) => r[0] === "行政复议") + 3];
    expect(review[4]).toBe(sum(reports.map((r) => sum(r.review))));
  });
});

describe("scopes named by a URL", () => {
  it("are missing when they name a region, agency or year that is not there", () => {
    expect(resolveExactScope(db, { region: "610728", from: 2023 })).toEqual({ region: ZHENBA, from: 2023, to: 2024 });
    expect(resolveExactScope(db, { agency: agencyId(COUNTY_OFFICE) })).toMatchObject({ agencyId: agencyId(COUNTY_OFFICE), from: 2020, to: 2024 });
    expect(resolveExactScope(db, { region: "610799" })).toEqual({ missing: "未知的地区代码：610799" });
    expect(resolveExactScope(db, { agency: 4242 })).toEqual({ missing: "没有编号为 4242 的机关" });
    expect(resolveExactScope(db, { to: 2031 })).toEqual({ missing: "没有2031年的年报（已导入2020–2024年）" });
    expect(resolveRegionYear(db, {})).toMatchObject({ region: null, year: 2024 });
  });
});
