/**
 * The region totals (db/aggregates.ts) against a recomputation from the reports, after every
 * kind of change: new reports, revisions, a past version found late, a report that moves to
 * another agency and region (a manifest's correction), the cross-report pass rewriting findings,
 * a pass over everything; and a database from before the totals, counted when it is opened.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { aggregateDifferences } from "../db/aggregates";
import { refreshAnomalies } from "../db/anomalies";
import { openDatabase, type NianbaoDb } from "../db/client";
import { storeReport, type ReportSource } from "../db/store";
import { WriteBatch } from "../db/write-batch";
import { aggregateFromReports } from "../lib/queries/aggregate";
import * as m from "../lib/queries/measures";
import type { ParseResult } from "../lib/parse/index";
import { fieldsOf } from "../lib/template/fields";
import { FIRST_RUN, load, SECOND_RUN } from "./anomalies-fixture";

const KEYS_2021 = fieldsOf("2021").map((f) => f.key);
const RECEIVED = "requests.newReceived.total";
const FEES = "proactive.fees.amount";

/** A 2021-template report of a town, every cell 1 unless told otherwise. */
function parsed(agency: string, region: string, year: number, values: Record<string, number | null> = {}, over: Partial<ParseResult> = {}): ParseResult {
  return {
    agency,
    year,
    template: "2021",
    region: { code: region, path: [] },
    values: { ...Object.fromEntries(KEYS_2021.map((k) => [k, 1])), ...values },
    narrative: { proactiveItems: 100, requestsReceived: 1 },
    findings: [],
    provenance: {},
    narrativeProvenance: {},
    sourceText: `${agency}${year}年政府信息公开工作年度报告`,
    encoding: "utf-8",
    ...over,
  };
}

const source = (sha: string, more: Partial<ReportSource> = {}): ReportSource => ({ path: `${sha}.txt`, sha256: sha.padEnd(64, "0"), ...more });

let dir: string;
let db: NianbaoDb;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "nianbao-aggregates-"));
  db = openDatabase(join(dir, "test.db"));
});

afterEach(() => {
  db.$client.close();
  rmSync(dir, { recursive: true, force: true });
});

const total = (region: string, year: number, field: string) =>
  db.$client.prepare("SELECT total, reports FROM region_field_totals WHERE region_code = ? AND year = ? AND field = ?").get(region, year, field);
const agencies = (region: string, from: number, to: number) =>
  (db.$client.prepare("SELECT COALESCE(SUM(agencies), 0) AS n FROM region_agency_years WHERE region_code = ? AND year BETWEEN ? AND ? AND previous_year < ?").get(region, from, to, from) as { n: number }).n;

describe("the region totals", () => {
  it("count each current report under its region, every ancestor and the country", () => {
    storeReport(db, source("a"), parsed("黎坝镇人民政府", "610728116", 2024, { [RECEIVED]: 3, [FEES]: 0.1 }));
    storeReport(db, source("b"), parsed("渔渡镇人民政府", "610728101", 2024, { [RECEIVED]: 4, [FEES]: 0.2 }));
    storeReport(db, source("c"), parsed("黎坝镇人民政府", "610728116", 2023, { [RECEIVED]: null }));
    for (const code of ["", "61", "6107", "610728"]) expect(total(code, 2024, RECEIVED)).toEqual({ total: 7, reports: 2 });
    expect(total("610728116", 2024, RECEIVED)).toEqual({ total: 3, reports: 1 });
    // a blank cell counts as no number: the sum is "none", not 0
    expect(total("610728116", 2023, RECEIVED)).toBeUndefined();
    expect(total("", 2024, "narrative.proactiveItems")).toEqual({ total: 200, reports: 2 });
    // two agencies in the county over both years, each counted once
    expect([agencies("610728", 2023, 2024), agencies("610728", 2024, 2024), agencies("610728116", 2023, 2024)]).toEqual([2, 2, 1]);
    expect(aggregateDifferences(db)).toEqual([]);
  });

  it("are written once for a batch of reports, and a report that fails in the batch takes back only its own share", () => {
    const batch = new WriteBatch(db);
    batch.run((totals) => storeReport(db, source("a"), parsed("黎坝镇人民政府", "610728116", 2024, { [RECEIVED]: 3 }), { totals }));
    // a value SQLite cannot bind makes the report fail halfway, after its row and agency were written
    const unbindable = { [RECEIVED]: {} as unknown as number };
    expect(() => batch.run((totals) => storeReport(db, source("b"), parsed("渔渡镇人民政府", "610728101", 2024, unbindable), { totals }))).toThrow();
    batch.run((totals) => storeReport(db, source("c"), parsed("渔渡镇人民政府", "610728101", 2023, { [RECEIVED]: 4 }), { totals }));
    expect(total("", 2024, RECEIVED)).toBeUndefined();
    batch.commit();
    expect([total("", 2024, RECEIVED), total("", 2023, RECEIVED)]).toEqual([{ total: 3, reports: 1 }, { total: 4, reports: 1 }]);
    expect(db.$client.prepare("SELECT source_path AS path FROM reports ORDER BY id").all()).toEqual([{ path: "a.txt" }, { path: "c.txt" }]);
    expect(aggregateDifferences(db)).toEqual([]);
  });

  it("follow revisions: the new current version replaces the old one's figures; a past version found late changes nothing", () => {
    storeReport(db, source("a", { publishedDate: "2025-01-10" }), parsed("黎坝镇人民政府", "610728116", 2024, { [RECEIVED]: 3 }));
    storeReport(db, source("b", { publishedDate: "2025-02-10" }), parsed("黎坝镇人民政府", "610728116", 2024, { [RECEIVED]: 5 }));
    expect(total("61", 2024, RECEIVED)).toEqual({ total: 5, reports: 1 });
    const before = db.$client.prepare("SELECT * FROM region_field_totals ORDER BY 1, 2, 3").all();
    // published before the current one: stored as a past version
    expect(storeReport(db, source("c", { publishedDate: "2025-01-01" }), parsed("黎坝镇人民政府", "610728116", 2024, { [RECEIVED]: 9 }))).toMatchObject({ currentId: 2 });
    expect(db.$client.prepare("SELECT * FROM region_field_totals ORDER BY 1, 2, 3").all()).toEqual(before);
    expect(agencies("", 2024, 2024)).toBe(1);
    expect(aggregateDifferences(db)).toEqual([]);
  });

  it("follow a report that moves to another agency, region and year (the manifest now says so)", () => {
    const first = storeReport(db, source("a"), parsed("黎坝镇人民政府", "610728116", 2024, { [RECEIVED]: 3 }));
    storeReport(db, source("b"), parsed("黎坝镇人民政府", "610728116", 2023));
    const moved = storeReport(db, source("a", { replaces: first.outcome === "ingested" ? first.reportId : -1 }), parsed("汉台区人民政府", "610702", 2022, { [RECEIVED]: 3 }));
    expect(moved.outcome).toBe("updated");
    expect(total("610728", 2024, RECEIVED)).toEqual({ total: 0, reports: 0 });
    expect(total("6107", 2022, RECEIVED)).toEqual({ total: 3, reports: 1 });
    expect([agencies("6107", 2022, 2024), agencies("610728", 2024, 2024)]).toEqual([2, 0]);
    expect(aggregateDifferences(db)).toEqual([]);
  });

  it("count the errors and warnings of current reports, and say when they disagree with the reports", () => {
    const finding = (severity: "error" | "warning") => ({ rule: "requests.balance", severity, message: "不平衡" });
    storeReport(db, source("a"), parsed("黎坝镇人民政府", "610728116", 2024, {}, { findings: [finding("error"), finding("warning"), finding("warning")] }));
    storeReport(db, source("b"), parsed("黎坝镇人民政府", "610728116", 2024, {}, { findings: [finding("warning")] }));
    expect(db.$client.prepare("SELECT reports, errors, warnings FROM region_year_totals WHERE region_code = '6107' AND year = 2024").get()).toEqual({ reports: 1, errors: 0, warnings: 1 });
    expect(aggregateDifferences(db)).toEqual([]);

    db.$client.prepare("UPDATE region_field_totals SET total = total + 1 WHERE region_code = '61' AND field = ?").run(RECEIVED);
    db.$client.prepare("DELETE FROM region_year_totals WHERE region_code = '610728'").run();
    expect(aggregateDifferences(db)).toEqual([
      "region_field_totals 61|2024|requests.newReceived.total: stored total 2, reports 1",
      "region_year_totals 610728|2024: missing, expected reports 1, synthetic 0, errors 0, warnings 1",
    ]);
  });

  it("stay right through ingests of report files, their cross-report pass, a revision and a pass over everything", () => {
    load(db, join(dir, "first"), FIRST_RUN);
    expect(aggregateDifferences(db)).toEqual([]);
    load(db, join(dir, "second"), SECOND_RUN);
    expect(db.$client.prepare("SELECT count(*) AS n FROM findings WHERE scope = 'cross'").get()).not.toEqual({ n: 0 });
    expect(aggregateDifferences(db)).toEqual([]);
    refreshAnomalies(db, { all: true });
    expect(aggregateDifferences(db)).toEqual([]);
  });

  it("keep each current report's main figures on one row, which tables split by agency read as they would the value rows", () => {
    load(db, join(dir, "first"), FIRST_RUN);
    const scope = { region: { code: "610728", name: "镇巴县" }, from: 2021, to: 2024 };
    const kept = [m.received, m.granted, m.proactiveItems, m.litigation.total, m.errors];
    // fees are not kept per report: asked for beside them, every figure is read from the value rows
    const fromValues = aggregateFromReports(db, scope, [...kept, m.fees], "agency").map((row) => ({ ...row, values: { ...row.values, fees: undefined } }));
    const fromFigures = aggregateFromReports(db, scope, kept, "agency").map((row) => ({ ...row, values: { ...row.values, fees: undefined } }));
    expect(fromFigures.length).toBeGreaterThan(5);
    expect(fromFigures).toEqual(fromValues);
    expect(db.$client.prepare("SELECT count(*) AS n FROM report_figures").get()).toEqual(db.$client.prepare("SELECT count(*) AS n FROM reports WHERE current = 1 AND year IS NOT NULL").get());
  });

  it("are counted when a database from before them is opened", () => {
    load(db, join(dir, "first"), FIRST_RUN);
    const stored = db.$client.prepare("SELECT * FROM region_year_totals ORDER BY 1, 2").all();
    for (const table of ["region_field_totals", "region_year_totals", "region_agency_years", "report_figures"]) db.$client.prepare(`DELETE FROM ${table}`).run();
    db.$client.close();
    db = openDatabase(join(dir, "test.db"));
    expect(db.$client.prepare("SELECT * FROM region_year_totals ORDER BY 1, 2").all()).toEqual(stored);
    expect(aggregateDifferences(db)).toEqual([]);
  });
});
