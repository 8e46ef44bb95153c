/**
 * Faults: the ingest killed with SIGKILL at random points, again and again. The database always
 * opens, holds no half-stored report, loses nothing it held, and a rerun finishes the job.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { aggregateDifferences } from "../db/aggregates";
import { openDatabase } from "../db/client";
import { generateSampleCorpus } from "../lib/sample/corpus";
import { templateForYear, type TemplateVersion } from "../lib/template/definitions";
import { fieldsOf } from "../lib/template/fields";
import { exited, sleep, startIngest, writeSample } from "./support/ingest-process";

const corpus = generateSampleCorpus(1);
/** A corrected report and the one it corrects are one agency-year: the older stays, not current. */
const CURRENT = corpus.files.filter((f) => !corpus.files.some((g) => g.label.revises === f.path)).length;

let root: string;
let sampleDir: string;

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), "nianbao-faults-"));
  sampleDir = join(root, "sample");
  writeSample(corpus, sampleDir);
});

afterAll(() => rmSync(root, { recursive: true, force: true }));

/** Deterministic pseudo-random numbers (mulberry32): the same kill points on every run. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The number of stored reports, or null while the database or its tables do not exist yet. */
function storedCount(dbFile: string): number | null {
  if (!existsSync(dbFile)) return null;
  const db = openDatabase(dbFile, { readonly: true });
  try {
    return (db.$client.prepare("SELECT count(*) AS n FROM reports").get() as { n: number }).n;
  } catch {
    return null; // the first run is still creating the tables
  } finally {
    db.$client.close();
  }
}

/** After a time, or once the database holds a number of reports. */
type KillPoint = { afterMs: number } | { afterReports: number };

/** Starts the ingest and kills it with SIGKILL at the point; resolves once it is dead (or done). */
async function killAt(dbFile: string, point: KillPoint): Promise<void> {
  // batches of 5 reports: a kill lands inside a batch, and the stored count moves often enough to kill at
  const child = startIngest(dbFile, "--batch", "5", sampleDir);
  if ("afterMs" in point) await Promise.race([sleep(point.afterMs), exited(child)]);
  else while (child.exitCode === null && (storedCount(dbFile) ?? 0) < point.afterReports) await sleep(5);
  child.kill("SIGKILL");
  await exited(child);
}

/** What a reader finds: SQLite's verdict and, per report, how many values it holds against how many its template has. */
function inspect(dbFile: string) {
  const db = openDatabase(dbFile, { readonly: true });
  try {
    const integrity = db.$client.pragma("integrity_check", { simple: true });
    const reports = db.$client
      .prepare(`SELECT r.id, r.template, r.year, r.current, (SELECT count(*) FROM report_values v WHERE v.report_id = r.id) AS fields FROM reports r ORDER BY r.id`)
      .all() as { id: number; template: TemplateVersion | null; year: number; current: number; fields: number }[];
    const incomplete = reports.filter((r) => r.fields !== fieldsOf(r.template ?? templateForYear(r.year)).length).map((r) => r.id);
    const runs = db.$client.prepare("SELECT finished_at IS NOT NULL AS finished FROM ingest_runs ORDER BY id").all() as { finished: number }[];
    // the region totals are written in the transaction of the reports they count: a kill never leaves them off by one
    const totals = (db.$client.prepare("SELECT count(*) AS n FROM sqlite_master WHERE name = 'region_year_totals'").get() as { n: number }).n ? aggregateDifferences(db) : [];
    return { integrity, ids: reports.map((r) => r.id), current: reports.filter((r) => r.current).length, incomplete, totals, runs: runs.map((r) => r.finished) };
  } finally {
    db.$client.close();
  }
}

describe("kill -9 at random points of an ingest", () => {
  it("always leaves a database that opens whole, with no half-stored report and nothing lost, and a rerun finishes the job", async () => {
    const dbFile = join(root, "killed", "nianbao.db");
    const next = random(20251123);
    // early kills land in start-up, migrations and the gazetteer load; the others once a random
    // share of the reports still to store is stored
    const early: KillPoint[] = [{ afterMs: 200 + Math.floor(next() * 600) }, { afterMs: 800 + Math.floor(next() * 1200) }];
    let held: number[] = [];
    let midIngest = 0;
    for (let kill = 0; kill < 5; kill++) {
      const toStore = corpus.files.length - held.length;
      await killAt(dbFile, early[kill] ?? { afterReports: held.length + 1 + Math.floor(next() * (toStore - 2)) });
      if (!existsSync(dbFile)) continue; // killed before it created the file
      const state = inspect(dbFile);
      expect(state.integrity).toBe("ok");
      expect(state.incomplete).toEqual([]);
      expect(state.totals).toEqual([]);
      expect(state.ids.slice(0, held.length)).toEqual(held);
      if (state.ids.length > held.length && state.ids.length < corpus.files.length) midIngest++;
      held = state.ids;
    }
    expect(midIngest).toBeGreaterThanOrEqual(2);

    expect(await exited(startIngest(dbFile, sampleDir))).toBe(0);
    const final = inspect(dbFile);
    expect(final.integrity).toBe("ok");
    expect(final.incomplete).toEqual([]);
    expect(final.totals).toEqual([]);
    expect([final.ids.length, final.current]).toEqual([corpus.files.length, CURRENT]);
    // the killed runs are on record as never finished; the rerun finished
    expect(final.runs.at(-1)).toBe(1);
    expect(final.runs.slice(0, -1).filter((finished) => finished === 1)).toEqual([]);

    const verify = spawnSync(process.execPath, ["--import", "tsx", "scripts/verify.ts", "--db", dbFile], { encoding: "utf8" });
    expect(verify.stdout).toMatch(new RegExp(`^verify: ${corpus.files.length} reports checked, 0 differ from a fresh parse`, "m"));
    expect(verify.status).toBe(0);
  });
});
