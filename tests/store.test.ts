import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { openDatabase, type NianbaoDb } from "../db/client";
import { storeReport, type ReportSource } from "../db/store";
import type { ParseResult } from "../lib/parse/index";
import { fieldsOf } from "../lib/template/fields";

const KEYS_2021 = fieldsOf("2021").map((f) => f.key);

/** A clean 2021 report of 黎坝镇 with every cell 0 unless told otherwise. */
function parsed(over: Partial<ParseResult> = {}, values: Record<string, number | null> = {}): ParseResult {
  return {
    agency: "黎坝镇人民政府",
    year: 2024,
    template: "2021",
    region: { code: "610728116", path: ["陕西省", "汉中市", "镇巴县", "黎坝镇"] },
    values: { ...Object.fromEntries(KEYS_2021.map((k) => [k, 0])), ...values },
    narrative: { proactiveItems: 120, requestsReceived: 0 },
    findings: [],
    provenance: Object.fromEntries(KEYS_2021.map((k, i) => [k, 20 + i])),
    narrativeProvenance: { proactiveItems: 4, requestsReceived: 6 },
    sourceText: "黎坝镇人民政府2024年政府信息公开工作年度报告\n…",
    encoding: "utf-8",
    ...over,
  };
}

function source(sha: string, path = `${sha}.txt`): ReportSource {
  return { path, sha256: sha.padEnd(64, "0") };
}

let dir: string;
let db: NianbaoDb;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "nianbao-store-"));
  db = openDatabase(join(dir, "test.db"));
});

afterEach(() => {
  db.$client.close();
  rmSync(dir, { recursive: true, force: true });
});

function count(table: string, where = "1"): number {
  return (db.$client.prepare(`SELECT count(*) AS n FROM ${table} WHERE ${where}`).get() as { n: number }).n;
}

/** Whether the table is stored WITHOUT ROWID, as its CREATE statement says. */
function withoutRowid(table: string): boolean {
  const { sql } = db.$client.prepare("SELECT sql FROM sqlite_master WHERE name = ?").get(table) as { sql: string };
  return /WITHOUT ROWID\s*$/i.test(sql);
}

describe("openDatabase", () => {
  it("migrates a new file and loads the gazetteer once", () => {
    const regions = count("regions");
    expect(regions).toBeGreaterThan(40_000);
    expect(db.$client.prepare("SELECT name, level, path FROM regions WHERE code = '610728116'").get()).toEqual({
      name: "黎坝镇",
      level: 4,
      path: "陕西省/汉中市/镇巴县/黎坝镇",
    });
    db.$client.close();
    db = openDatabase(join(dir, "test.db"));
    expect(count("regions")).toBe(regions);
  });

  it("opens read-only for readers, and says so plainly when the file is missing", () => {
    const reader = openDatabase(join(dir, "test.db"), { readonly: true });
    expect(() => reader.$client.prepare("DELETE FROM regions").run()).toThrow(/readonly/);
    reader.$client.close();
    expect(() => openDatabase(join(dir, "absent.db"), { readonly: true })).toThrow(/absent\.db does not exist/);
  });

  it("keeps every value and total of a database made before the tables went WITHOUT ROWID", () => {
    storeReport(db, source("a"), parsed({}, { "requests.newReceived.total": 3 }));
    const valuesBefore = db.$client.prepare("SELECT * FROM report_values ORDER BY report_id, field").all();
    const totalsBefore = db.$client.prepare("SELECT * FROM region_field_totals ORDER BY region_code, year, field").all();
    // put both tables back the way migration 0005 left them (rowid tables), and forget 0006
    for (const table of ["report_values", "region_field_totals"]) {
      const create = (db.$client.prepare("SELECT sql FROM sqlite_master WHERE name = ?").get(table) as { sql: string }).sql;
      db.$client.exec(`ALTER TABLE ${table} RENAME TO old; ${create.replace(/\)\s*WITHOUT ROWID\s*$/i, ")")}; INSERT INTO ${table} SELECT * FROM old; DROP TABLE old;`);
    }
    db.$client.prepare("DELETE FROM __drizzle_migrations WHERE created_at = (SELECT max(created_at) FROM __drizzle_migrations)").run();
    expect(withoutRowid("report_values")).toBe(false);
    db.$client.close();

    db = openDatabase(join(dir, "test.db"));
    expect(withoutRowid("report_values")).toBe(true);
    expect(withoutRowid("region_field_totals")).toBe(true);
    expect(db.$client.prepare("SELECT * FROM report_values ORDER BY report_id, field").all()).toEqual(valuesBefore);
    expect(db.$client.prepare("SELECT * FROM region_field_totals ORDER BY region_code, year, field").all()).toEqual(totalsBefore);
    expect(valuesBefore).toHaveLength(200);
  });
});

describe("storeReport", () => {
  it("stores the report, its agency, one value row per field with its line, and its findings", () => {
    const finding = { rule: "requests.balance", severity: "error" as const, message: "不平衡", fields: ["requests.totalHandled.total"], line: 30 };
    const result = storeReport(db, source("a"), parsed({ findings: [finding] }, { "requests.newReceived.total": 3 }));
    expect(result.outcome).toBe("ingested");
    expect(db.$client.prepare("SELECT name, region_code, kind FROM agencies").all()).toEqual([
      { name: "黎坝镇人民政府", region_code: "610728116", kind: "township" },
    ]);
    expect(count("report_values")).toBe(200);
    expect(db.$client.prepare("SELECT value, line FROM report_values WHERE field = 'requests.newReceived.total'").get()).toEqual({
      value: 3,
      line: 20 + KEYS_2021.indexOf("requests.newReceived.total"),
    });
    expect(
      db.$client.prepare("SELECT parse_status, current, synthetic, proactive_items, proactive_items_line, encoding FROM reports").get(),
    ).toEqual({ parse_status: "partial", current: 1, synthetic: 0, proactive_items: 120, proactive_items_line: 4, encoding: "utf-8" });
    expect(db.$client.prepare("SELECT rule, fields, line FROM findings").get()).toEqual({
      rule: "requests.balance",
      fields: '["requests.totalHandled.total"]',
      line: 30,
    });
  });

  it("writes nothing for the same bytes again", () => {
    const first = storeReport(db, source("a"), parsed());
    const again = storeReport(db, source("a", "copy/of/a.txt"), parsed());
    expect(again).toEqual({ outcome: "unchanged", reportId: first.outcome === "ingested" ? first.reportId : -1 });
    expect(count("reports")).toBe(1);
    expect(count("report_values")).toBe(200);
  });

  it("makes a revised file for the same agency and year current and keeps the old one", () => {
    const old = storeReport(db, source("a"), parsed({}, { "requests.newReceived.total": 3 }));
    const revised = storeReport(db, source("b"), parsed({}, { "requests.newReceived.total": 5 }));
    expect(revised).toMatchObject({ outcome: "updated", supersededId: old.outcome === "ingested" ? old.reportId : -1 });
    expect(db.$client.prepare("SELECT sha256 LIKE 'b%' AS revised, current FROM reports ORDER BY id").all()).toEqual([
      { revised: 0, current: 0 },
      { revised: 1, current: 1 },
    ]);
    expect(count("agencies")).toBe(1);
  });

  it("keeps reports of other years and agencies current beside each other", () => {
    storeReport(db, source("a"), parsed());
    storeReport(db, source("b"), parsed({ year: 2023 }));
    storeReport(db, source("c"), parsed({ agency: "渔渡镇人民政府", region: { code: "610728101", path: [] } }));
    expect(count("reports", "current = 1")).toBe(3);
  });

  it("stores a report that names no agency or no year, each one current on its own", () => {
    expect(storeReport(db, source("a"), parsed({ agency: null, region: null })).outcome).toBe("ingested");
    expect(storeReport(db, source("b"), parsed({ agency: null, region: null })).outcome).toBe("ingested");
    expect(storeReport(db, source("c"), parsed({ year: null })).outcome).toBe("ingested");
    expect(count("reports", "current = 1")).toBe(3);
    expect(count("reports", "agency_id IS NULL")).toBe(2);
  });

  it("gives an agency without a region one row, however often it reports", () => {
    storeReport(db, source("a"), parsed({ region: null }));
    storeReport(db, source("b"), parsed({ region: null, year: 2023 }));
    expect(db.$client.prepare("SELECT name, region_code, kind FROM agencies").all()).toEqual([
      { name: "黎坝镇人民政府", region_code: null, kind: "township" },
    ]);
  });

  it("declines documents that are not reports, and writes nothing for them", () => {
    const blank = Object.fromEntries(KEYS_2021.map((k) => [k, null]));
    const notReport = { rule: "document.notReport", severity: "info" as const, message: "这是一份报告范文,含有占位符xx镇。" };
    const essay = parsed({ agency: null, year: null, template: null, region: null, values: blank, findings: [notReport] });
    expect(storeReport(db, source("a"), essay)).toEqual({
      outcome: "declined",
      reason: "不是年度报告:这是一份报告范文,含有占位符xx镇。",
    });
    expect(storeReport(db, source("b"), parsed({ year: 2018, template: null, values: blank }))).toEqual({
      outcome: "declined",
      reason: "2018年度的报告早于2019年的统一格式,不纳入统计",
    });
    expect(count("reports")).toBe(0);
    expect(count("agencies")).toBe(0);
  });

  it("marks synthetic sample data and keeps manifest facts", () => {
    storeReport(db, { ...source("a"), synthetic: true, sourceUrl: "http://example.gov.cn/a", publishedDate: "2025-01-20" }, parsed());
    expect(db.$client.prepare("SELECT synthetic, source_url, published_date FROM reports").get()).toEqual({
      synthetic: 1,
      source_url: "http://example.gov.cn/a",
      published_date: "2025-01-20",
    });
  });

  it("sums a field over a region and years in one indexed query over current reports", () => {
    const received = (n: number) => ({ "requests.newReceived.total": n });
    storeReport(db, source("a"), parsed({}, received(3)));
    storeReport(db, source("b"), parsed({}, received(5))); // revises a: 3 no longer counts
    storeReport(db, source("c"), parsed({ agency: "渔渡镇人民政府", region: { code: "610728101", path: [] } }, received(7)));
    storeReport(db, source("d"), parsed({ year: 2023 }, received(11))); // other year
    storeReport(db, source("e"), parsed({ agency: "某镇人民政府", region: { code: "610729100", path: [] } }, received(13))); // other county
    const sum = `
      SELECT sum(v.value) AS total FROM reports r
      JOIN report_values v ON v.report_id = r.id AND v.field = ?
      WHERE r.current = 1 AND r.region_code >= ? AND r.region_code < ? || '~' AND r.year BETWEEN ? AND ?`;
    const args = ["requests.newReceived.total", "610728", "610728", 2024, 2024];
    expect(db.$client.prepare(sum).get(...args)).toEqual({ total: 12 });
    const plan = db.$client.prepare(`EXPLAIN QUERY PLAN ${sum}`).all(...args) as { detail: string }[];
    expect(plan.map((p) => p.detail)).toEqual([
      expect.stringMatching(/^SEARCH r USING COVERING INDEX reports_scope \(current=\? AND region_code>\? AND region_code<\?\)$/),
      // report_values is WITHOUT ROWID: its primary key is the table, no separate index to visit
      expect.stringMatching(/^SEARCH v USING PRIMARY KEY \(report_id=\? AND field=\?\)$/),
    ]);
  });
});
