/**
 * Faults of timing: the web app's read-only connection answering while an ingest writes, and two
 * ingests of the same files at once. Two years of the sample corpus keep each run short.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase, type NianbaoDb } from "../db/client";
import { getDatabase } from "../lib/queries/db";
import { generateSampleCorpus } from "../lib/sample/corpus";
import { exited, sleep, startIngest, writeSample } from "./support/ingest-process";

const corpus = generateSampleCorpus(1);

let root: string;
let sampleDir: string;
let files: number;

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), "nianbao-concurrent-"));
  sampleDir = join(root, "sample");
  // two whole years: no correction among them, so every file is one current report
  files = writeSample(corpus, sampleDir, (path) => /^202[45]\//.test(path)).length;
});

afterAll(() => rmSync(root, { recursive: true, force: true }));

/** A new database, as the first ingest leaves it: the app only starts once one exists. */
function newDatabase(name: string): string {
  const file = join(root, name, "nianbao.db");
  openDatabase(file).$client.close();
  return file;
}

describe("reading while an ingest writes", () => {
  it("answers every query of the app's read-only connection, with totals that only grow", async () => {
    const dbFile = newDatabase("busy");
    process.env.NIANBAO_DB = dbFile;
    const app = getDatabase() as NianbaoDb;
    expect(app.$client.readonly).toBe(true);
    expect(() => app.$client.prepare("DELETE FROM regions").run()).toThrow(/readonly/);

    const sum = app.$client.prepare(`SELECT count(*) AS reports, coalesce(sum(v.value), 0) AS received FROM reports r
      LEFT JOIN report_values v ON v.report_id = r.id AND v.field = 'requests.newReceived.total' WHERE r.current = 1`);
    const reports = () => (sum.get() as { reports: number }).reports;
    const child = startIngest(dbFile, sampleDir);
    const seen: number[] = [];
    let slowest = 0;
    while (child.exitCode === null) {
      const started = performance.now();
      seen.push(reports());
      slowest = Math.max(slowest, performance.now() - started);
      await sleep(10);
    }
    expect(child.exitCode).toBe(0);
    expect(seen.filter((n, i) => i > 0 && n < seen[i - 1])).toEqual([]);
    expect(seen.filter((n) => n > 0 && n < files).length).toBeGreaterThan(0); // it read in the middle of the run
    expect(reports()).toBe(files);
    expect(slowest).toBeLessThan(1000);
  });
});

describe("two ingests of the same files at once", () => {
  it("store every report once: each file waits for the write lock instead of failing", async () => {
    const dbFile = newDatabase("twice");
    const codes = await Promise.all([exited(startIngest(dbFile, sampleDir)), exited(startIngest(dbFile, sampleDir))]);
    expect(codes).toEqual([0, 0]);
    const db = openDatabase(dbFile, { readonly: true });
    const failures = db.$client.prepare("SELECT path, reason FROM ingest_failures").all();
    const totals = db.$client.prepare("SELECT count(*) AS reports, sum(current) AS current FROM reports").get();
    const outcomes = db.$client.prepare("SELECT sum(ingested) AS ingested, sum(unchanged) AS unchanged FROM ingest_runs").get();
    db.$client.close();
    expect(failures).toEqual([]);
    expect(totals).toEqual({ reports: files, current: files });
    expect(outcomes).toEqual({ ingested: files, unchanged: files });
  });
});
