/**
 * Every download of the workbench pages through the real route handler, on the fixture database:
 * each parses back (BOM stripped) to exactly the rows the page draws, is named after what it
 * shows, and refuses malformed params (400) or params naming what is not there (404) in Chinese.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { NextRequest } from "next/server";
import Papa from "papaparse";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET } from "@/app/api/csv/[view]/route";
import { openDatabase, type NianbaoDb } from "@/db/client";
import type { Cell } from "@/lib/csv/write";
import { agencyYearsTable, fetchAgencyFindings, fetchAgencyReports, fetchAgencyValues, sectionYearsTable } from "@/lib/queries/agency";
import { compareTable, fetchComparison, fetchTrends, metricsByKey, rankingTable, trendsTable } from "@/lib/queries/compare";
import { coverageTable, coverageYearsTable, fetchCoverage } from "@/lib/queries/coverage";
import { tableRows } from "@/lib/queries/exports";
import { fetchReportFindings, fetchReportHead, fetchReportValues } from "@/lib/queries/report";
import { findingsTable, reportLayoutRows, reportValuesTable } from "@/lib/queries/report-tables";
import { fetchSubregionRows, subregionTable } from "@/lib/queries/subregions";
import { fetchRegionSummary, summaryLayoutRows, summaryReportsTable } from "@/lib/queries/summary";
import { fetchYearly, YEARLY_VIEWS } from "@/lib/queries/yearly";
import { yearlyTable } from "@/lib/queries/tables";
import { buildFixtureDatabase } from "./queries-fixture";

let dir: string;
let db: NianbaoDb;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "nianbao-csv-views-"));
  process.env.NIANBAO_DB = buildFixtureDatabase(dir);
  db = openDatabase(process.env.NIANBAO_DB, { readonly: true });
});

afterAll(() => {
  db?.$client.close();
  rmSync(dir, { recursive: true, force: true });
});

const ZHENBA = { code: "610728", name: "镇巴县" };
const SPAN = { first: 2020, last: 2024 };
const YEARS = [2020, 2021, 2022, 2023, 2024];

function get(view: string, query: string): Promise<Response> {
  return GET(new NextRequest(`http://localhost/api/csv/${view}?${query}`), { params: Promise.resolve({ view }) });
}

/** The cells as a CSV reader sees them: numbers and blanks as text. */
const asText = (rows: Cell[][]) => rows.map((row) => row.map((cell) => (cell == null ? "" : String(cell))));

async function download(view: string, query: string): Promise<{ name: string; rows: string[][] }> {
  const response = await get(view, query);
  expect(response.status, await response.clone().text()).toBe(200);
  // Response.text() drops a byte order mark: read the bytes to see it is there
  const text = new TextDecoder("utf-8", { ignoreBOM: true }).decode(await response.arrayBuffer());
  expect(text.startsWith("\uFEFF")).toBe(true);
  const name = decodeURIComponent(response.headers.get("content-disposition")!.split("filename*=UTF-8''")[1]);
  return { name, rows: Papa.parse<string[]>(text.slice(1)).data };
}

const officeId = () => (db.$client.prepare("SELECT id FROM agencies WHERE name = '镇巴县人民政府办公室'").get() as { id: number }).id;
const officeReport = (year: number) => (db.$client.prepare("SELECT id FROM reports WHERE agency_id = ? AND year = ? AND current = 1").get(officeId(), year) as { id: number }).id;

describe("downloads hold what the pages draw", () => {
  it("a report: its tables in the official layout, its figures with their lines, its findings", async () => {
    const id = officeReport(2023);
    const values = fetchReportValues(db, id);
    const tables = await download("report-tables", `report=${id}`);
    expect(tables.name).toBe("年报统计表_镇巴县人民政府办公室_2023.csv");
    expect(tables.rows).toEqual(asText(reportLayoutRows("2021", values)));
    expect((await download("report-values", `report=${id}`)).rows).toEqual(asText(tableRows(reportValuesTable(fetchReportHead(db, id)!, values))));
    expect((await download("report-findings", `report=${id}`)).rows).toEqual(asText(tableRows(findingsTable(fetchReportFindings(db, id)))));
  });

  it("an agency: its years, each section year beside year, its findings, its charts", async () => {
    const agency = officeId();
    const years = await download("agency-reports", `agency=${agency}`);
    expect(years.name).toBe("各年度年报_镇巴县人民政府办公室_2020-2024.csv");
    expect(years.rows).toEqual(asText(tableRows(agencyYearsTable(fetchAgencyReports(db, agency), SPAN))));
    const section = await download("agency-section", `agency=${agency}&section=reviews`);
    expect(section.rows).toEqual(asText(tableRows(sectionYearsTable("reviews", fetchAgencyValues(db, agency), YEARS))));
    expect((await download("agency-findings", `agency=${agency}`)).rows).toEqual(asText(tableRows(findingsTable(fetchAgencyFindings(db, agency), true))));
    const chart = await download("requests", `agency=${agency}&from=2020&to=2024`);
    expect(chart.name).toBe("依申请公开办理结果_镇巴县人民政府办公室_2020-2024.csv");
    const scope = { region: null, agencyId: agency, from: 2020, to: 2024 };
    expect(chart.rows).toEqual(asText(tableRows(yearlyTable(YEARLY_VIEWS.requests, fetchYearly(db, scope, YEARLY_VIEWS.requests)))));
  });

  it("a region: its sub-regions, its coverage", async () => {
    const scope = { region: ZHENBA, from: 2023, to: 2024 };
    expect((await download("subregions", "region=610728&from=2023&to=2024")).rows).toEqual(asText(tableRows(subregionTable(fetchSubregionRows(db, scope), scope))));
    const coverage = await download("coverage", "region=610728&from=2023&to=2024");
    expect(coverage.name).toBe("发布情况_镇巴县_2023-2024_合成样例.csv");
    expect(coverage.rows).toEqual(asText(tableRows(coverageTable(fetchCoverage(db, scope)))));
    expect((await download("coverage-years", "region=610728&from=2023&to=2024")).rows).toEqual(asText(tableRows(coverageYearsTable(fetchCoverage(db, scope)))));
  });

  it("compare: the table in the order asked, the ranking, the trends (long)", async () => {
    const query = "region=610728&year=2024&metric=received&metric=grantedShare&sort=received.change&dir=asc";
    const metrics = metricsByKey(["received", "grantedShare"]);
    const comparison = fetchComparison(db, { region: ZHENBA, year: 2024, metrics, order: { key: "received.change", dir: "asc" }, primary: metrics[0], span: SPAN });
    const table = await download("compare", query);
    expect(table.name).toBe("机关对比_镇巴县_2024_合成样例.csv");
    expect(table.rows).toEqual(asText(tableRows(compareTable(comparison))));
    expect((await download("compare-ranking", query)).rows).toEqual(asText(tableRows(rankingTable(comparison))));
    const trends = await download("compare-trends", query);
    expect(trends.rows).toEqual(asText(tableRows(trendsTable(fetchTrends(db, comparison, metrics[0], ZHENBA, SPAN, Infinity), metrics[0]))));
    expect(trends.rows).toHaveLength(1 + 3 * YEARS.length);
  });

  it("summary: the combined tables in the official layout, and the reports behind them", async () => {
    const summary = fetchRegionSummary(db, ZHENBA, 2023);
    const tables = await download("summary", "region=610728&year=2023");
    expect(tables.name).toBe("年度报告汇总表_镇巴县_2023_合成样例.csv");
    expect(tables.rows).toEqual(asText(summaryLayoutRows(summary)));
    expect((await download("summary-reports", "region=610728&year=2023")).rows).toEqual(asText(tableRows(summaryReportsTable(summary))));
  });
});

describe("downloads refuse what they cannot answer", () => {
  it.each([
    ["report-tables", "report=abc", 400, /^参数有误：/],
    ["report-tables", "report=9999", 404, /^没有编号为 9999 的年报$/],
    ["agency-section", "agency=1&section=everything", 400, /栏目应为 proactive、requests 或 reviews/],
    ["agency-reports", "agency=9999", 404, /^没有编号为 9999 的机关$/],
    ["coverage", "from=2023", 404, /^请指定地区（region）$/],
    ["summary", "region=610728&year=2030", 404, /^没有2030年的年报/],
    ["compare", "region=610728&sort=nothing", 400, /无法按“nothing”排序/],
    ["compare", "metric=everything", 400, /未知的指标/],
    ["subregions", "region=61072", 400, /地区代码应为2、4、6或9位数字/],
  ])("%s?%s → %i", async (view, query, status, message) => {
    const response = await get(view, query);
    expect(response.status).toBe(status);
    expect(await response.text()).toMatch(message);
  });
});
