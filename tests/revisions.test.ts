/**
 * Conflicts: the same agency and year from another file (a revised report). Both versions are
 * kept, the newest is current, the other is there to show, and no sum counts both.
 */
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { aggregateDifferences } from "../db/aggregates";
import { openDatabase, type NianbaoDb } from "../db/client";
import { findReportFiles, ingestFiles } from "../db/ingest";
import { readManifest } from "../lib/ingest/manifest";
import { CORPUS, SEEDS } from "./support/shared";

const ORIGINAL = readFileSync(join(SEEDS, "001_873059f99be5ef02.txt"), "utf8"); // 镇巴县人民政府办公室, 2024
const FIELD = "proactive.normativeDocuments.issued";
/** The seed prints 1 行政规范性文件 issued; the correction says 2. */
const REVISED = ORIGINAL.replace("行政规范性文件 |\n1 |", "行政规范性文件 |\n2 |");

let dir: string;
let db: NianbaoDb;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "nianbao-revisions-"));
  db = openDatabase(join(dir, "test.db"));
});

afterEach(() => {
  // whatever became current, the region totals count exactly the current reports
  expect(aggregateDifferences(db)).toEqual([]);
  db.$client.close();
  rmSync(dir, { recursive: true, force: true });
});

function write(name: string, text: string): string {
  const path = join(dir, "reports", name);
  mkdirSync(join(dir, "reports"), { recursive: true });
  writeFileSync(path, text);
  return path;
}

function ingest(paths: string[], csv?: string) {
  const manifest = csv === undefined ? undefined : { path: join(dir, "reports", "manifest.csv"), ...readManifest(csv, join(dir, "reports")) };
  return ingestFiles(db, findReportFiles(paths), { manifest });
}

function rows<T>(sql: string, ...args: unknown[]): T[] {
  return db.$client.prepare(sql).all(...args) as T[];
}

/** What the app sums: current reports only. */
function countySum(): number {
  const sql = `SELECT sum(v.value) AS total FROM reports r JOIN report_values v ON v.report_id = r.id AND v.field = ?
               WHERE r.current = 1 AND r.region_code >= '610728' AND r.region_code < '610728~' AND r.year = 2024`;
  return (db.$client.prepare(sql).get(FIELD) as { total: number }).total;
}

/** The versions of a report: the reports of the same agency and year, newest first. */
function versions(): { file: string; current: number; value: number }[] {
  return rows<{ source_path: string; current: number; value: number }>(
    `SELECT r.source_path, r.current, v.value FROM reports r JOIN report_values v ON v.report_id = r.id AND v.field = ?
     WHERE (r.agency_id, r.year) = (SELECT agency_id, year FROM reports WHERE current = 1) ORDER BY r.id DESC`,
    FIELD,
  ).map((r) => ({ file: basename(r.source_path), current: r.current, value: r.value }));
}

describe("a revised report for the same agency and year", () => {
  it("is stored beside the original, becomes current, and says which file it revises", () => {
    const original = write("镇巴县人民政府办公室.txt", ORIGINAL);
    const revised = write("镇巴县人民政府办公室（更正）.txt", REVISED);
    const run = ingest([join(dir, "reports")]);
    expect(run.outcomes).toEqual([
      { path: original, outcome: "ingested" },
      { path: revised, outcome: "updated", note: `新版本,取代 ${original}(旧版本保留)` },
    ]);
    expect(versions()).toEqual([
      { file: "镇巴县人民政府办公室（更正）.txt", current: 1, value: 2 },
      { file: "镇巴县人民政府办公室.txt", current: 0, value: 1 },
    ]);
    expect(countySum()).toBe(2);
  });

  it("found again after its correction (the same bytes elsewhere) changes nothing and is not counted again", () => {
    ingest([write("a.txt", ORIGINAL), write("b.txt", REVISED)]);
    const copy = join(dir, "copy-of-a.txt");
    copyFileSync(join(dir, "reports", "a.txt"), copy);
    expect(ingest([copy, join(dir, "reports", "a.txt")]).tally).toMatchObject({ ingested: 0, updated: 0, unchanged: 2 });
    expect(versions().map((v) => [v.file, v.current])).toEqual([["b.txt", 1], ["a.txt", 0]]);
    expect(countySum()).toBe(2);
  });

  it("published earlier than the stored one, stays a past version however late it is ingested", () => {
    const csv = "file,published_date\ncorrection.txt,2025-02-20\noriginal.txt,2025-01-25\n";
    const correction = write("correction.txt", REVISED);
    ingest([correction], csv);
    const original = write("original.txt", ORIGINAL);
    const run = ingest([original], csv);
    expect(run.outcomes).toEqual([
      { path: original, outcome: "ingested", note: `存为旧版本:同一机关同一年度发布更晚的 ${correction} 仍是当前版本` },
    ]);
    expect(versions().map((v) => [v.file, v.current])).toEqual([["original.txt", 0], ["correction.txt", 1]]);
    expect(countySum()).toBe(2);
  });

  it("never leaves two current versions, whatever the order and the dates", () => {
    const csv = "file,published_date\na.txt,2025-01-25\nc.txt,2025-03-01\n"; // b.txt has no date: ingested last wins against it
    ingest([write("c.txt", REVISED.replace("3702条", "3703条"))], csv);
    ingest([write("a.txt", ORIGINAL)], csv);
    ingest([write("b.txt", REVISED)], csv);
    expect(rows("SELECT count(*) AS n, sum(current) AS current FROM reports")).toEqual([{ n: 3, current: 1 }]);
    expect(versions().map((v) => [v.file, v.current])).toEqual([["b.txt", 1], ["a.txt", 0], ["c.txt", 0]]);
  });
});

describe("the same report found in two forms (a text excerpt and the whole web page)", () => {
  it("is one report with two versions, not two reports", () => {
    ingest([join(CORPUS, "reports", "125.txt"), join(CORPUS, "reports", "pingtan-2019.html")]);
    expect(rows("SELECT a.name, r.year, count(*) AS versions, sum(r.current) AS current FROM reports r JOIN agencies a ON a.id = r.agency_id GROUP BY r.agency_id, r.year")).toEqual([
      { name: "平潭综合实验区", year: 2019, versions: 2, current: 1 },
    ]);
  });
});
