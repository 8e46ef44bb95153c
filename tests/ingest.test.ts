import { spawnSync } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { openDatabase, type NianbaoDb } from "../db/client";
import { findReportFiles, ingestFiles } from "../db/ingest";
import { readManifest } from "../lib/ingest/manifest";
import { generateSampleCorpus } from "../lib/sample/corpus";
import { SEEDS } from "./support/shared";

const corpus = generateSampleCorpus(1);
const SEED_001 = join(SEEDS, "001_873059f99be5ef02.txt"); // 镇巴县人民政府办公室, 2024

let root: string;
let sampleDir: string;
let db: NianbaoDb;
let dbFile: string;

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), "nianbao-ingest-"));
  sampleDir = join(root, "sample");
  for (const file of corpus.files) {
    mkdirSync(dirname(join(sampleDir, file.path)), { recursive: true });
    writeFileSync(join(sampleDir, file.path), file.text);
  }
});

afterAll(() => rmSync(root, { recursive: true, force: true }));

beforeEach(() => {
  dbFile = join(mkdtempSync(join(root, "db-")), "nianbao.db");
  db = openDatabase(dbFile);
});

afterEach(() => db.$client.close());

function rows<T>(sql: string, ...args: unknown[]): T[] {
  return db.$client.prepare(sql).all(...args) as T[];
}

function ingest(paths: string[], options: Parameters<typeof ingestFiles>[2] = {}) {
  return ingestFiles(db, findReportFiles(paths), options);
}

/** A manifest read as the CLI reads it, as if saved as manifest.csv in `dir`. */
function manifestIn(dir: string, csv: string) {
  return { path: join(dir, "manifest.csv"), ...readManifest(csv, dir) };
}

describe("ingesting the sample corpus", () => {
  it("stores every report, the correction current and the report it corrects kept", () => {
    const run = ingest([sampleDir]);
    expect(run.tally).toEqual({ ingested: 140, updated: 1, unchanged: 0, declined: 0, failed: 0 });
    const correction = corpus.files.find((f) => f.label.revises)!;
    expect(rows("SELECT source_path, current FROM reports WHERE current = 0")).toEqual([
      { source_path: expect.stringContaining(correction.label.revises!), current: 0 },
    ]);
    expect(rows("SELECT count(*) AS n, sum(synthetic) AS synthetic, sum(current) AS current FROM reports")).toEqual([
      { n: 141, synthetic: 141, current: 140 },
    ]);
    expect(rows("SELECT kind, count(*) AS n FROM agencies GROUP BY kind ORDER BY kind")).toEqual([
      { kind: "department", n: 8 },
      { kind: "township", n: 20 },
    ]);
  });

  it("changes nothing when run again on the same files", () => {
    ingest([sampleDir]);
    const before = rows("SELECT (SELECT count(*) FROM reports) AS r, (SELECT count(*) FROM report_values) AS v, (SELECT count(*) FROM findings) AS f");
    const again = ingest([sampleDir]);
    expect(again.tally).toEqual({ ingested: 0, updated: 0, unchanged: 141, declined: 0, failed: 0 });
    expect(rows("SELECT (SELECT count(*) FROM reports) AS r, (SELECT count(*) FROM report_values) AS v, (SELECT count(*) FROM findings) AS f")).toEqual(before);
    expect(rows("SELECT files_seen, ingested, unchanged, finished_at IS NOT NULL AS finished FROM ingest_runs ORDER BY id")).toEqual([
      { files_seen: 141, ingested: 140, unchanged: 0, finished: 1 },
      { files_seen: 141, ingested: 0, unchanged: 141, finished: 1 },
    ]);
  });

  it("sums a field over the county and a year to what the answer key says, in one query", () => {
    ingest([sampleDir]);
    const current = corpus.files.filter((f) => !corpus.files.some((g) => g.label.revises === f.path));
    for (const year of [2021, 2025]) {
      const expected = current
        .filter((f) => f.label.year === year)
        .reduce((sum, f) => sum + (f.label.values["requests.newReceived.total"] ?? 0), 0);
      const [{ total }] = rows<{ total: number }>(
        `SELECT sum(v.value) AS total FROM reports r
         JOIN report_values v ON v.report_id = r.id AND v.field = 'requests.newReceived.total'
         WHERE r.current = 1 AND r.region_code >= ? AND r.region_code < ? || '~' AND r.year = ?`,
        "610728",
        "610728",
        year,
      );
      expect(total).toBe(expected);
    }
  });

  it("stores the deliberate errors as findings of their reports", () => {
    ingest([sampleDir]);
    const faulty = corpus.files.filter((f) => f.label.errors.length > 0);
    const stored = rows<{ source_path: string; rules: string }>(
      "SELECT r.source_path, group_concat(DISTINCT f.rule) AS rules FROM findings f JOIN reports r ON r.id = f.report_id GROUP BY r.id",
    );
    expect(stored.map((s) => [s.source_path.slice(sampleDir.length + 1), s.rules]).sort()).toEqual(
      faulty.map((f) => [f.path, f.label.errors[0].rule]).sort(),
    );
  });
});

describe("bad files", () => {
  it("become one failure each with a plain reason, and the good files beside them are stored", () => {
    const dir = join(root, "mixed");
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, "empty.txt"), "");
    writeFileSync(join(dir, "garbage.html"), Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256)));
    copyFileSync(SEED_001, join(dir, "good.txt"));
    const run = ingest([dir, join(root, "no-such-folder")]);
    expect(run.tally).toEqual({ ingested: 1, updated: 0, unchanged: 0, declined: 0, failed: 3 });
    expect(rows("SELECT path, kind, reason FROM ingest_failures ORDER BY path")).toEqual([
      { path: join(dir, "empty.txt"), kind: "failed", reason: "空文件" },
      { path: join(dir, "garbage.html"), kind: "failed", reason: "二进制文件(含空字节),不是文本或网页" },
      { path: join(root, "no-such-folder"), kind: "failed", reason: "找不到文件或文件夹" },
    ]);
    expect(rows("SELECT a.name, r.year, r.region_code, r.synthetic FROM reports r JOIN agencies a ON a.id = r.agency_id")).toEqual([
      { name: "镇巴县人民政府办公室", year: 2024, region_code: "610728", synthetic: 0 },
    ]);
  });
});

describe("a manifest", () => {
  it("overrides agency, year and region, and adds the source address and date", () => {
    const dir = join(root, "manifested");
    mkdirSync(dir, { recursive: true });
    copyFileSync(SEED_001, join(dir, "report.txt"));
    const csv = "file,agency,year,region_code,source_url,published_date\nreport.txt,镇巴县政务公开办,2023,610728,http://www.zhenba.gov.cn/r.html,2024-01-31\n";
    ingest([dir], { manifest: manifestIn(dir, csv) });
    expect(rows("SELECT a.name, r.year, r.region_code, r.source_url, r.published_date FROM reports r JOIN agencies a ON a.id = r.agency_id")).toEqual([
      { name: "镇巴县政务公开办", year: 2023, region_code: "610728", source_url: "http://www.zhenba.gov.cn/r.html", published_date: "2024-01-31" },
    ]);
  });

  it("added after the files were stored, replaces what they said, and only when it says something new", () => {
    const dir = join(root, "manifested-later");
    mkdirSync(dir, { recursive: true });
    copyFileSync(SEED_001, join(dir, "report.txt"));
    ingest([dir]);
    const manifest = manifestIn(dir, "file,agency,year\nreport.txt,镇巴县政务公开办,2023\n");
    expect(ingest([dir], { manifest }).tally).toMatchObject({ updated: 1, unchanged: 0 });
    expect(ingest([dir], { manifest }).tally).toMatchObject({ updated: 0, unchanged: 1 });
    expect(rows("SELECT a.name, r.year, r.current FROM reports r JOIN agencies a ON a.id = r.agency_id ORDER BY r.id")).toEqual([
      { name: "镇巴县人民政府办公室", year: 2024, current: 0 },
      { name: "镇巴县政务公开办", year: 2023, current: 1 },
    ]);
  });

  it("can mark real-looking files as synthetic when asked", () => {
    ingest([SEED_001], { synthetic: true });
    expect(rows("SELECT synthetic FROM reports")).toEqual([{ synthetic: 1 }]);
  });
});

describe("npm run ingest", () => {
  it("prints one line per file and a summary, no stack trace, and exits 1 when a file failed", () => {
    const dir = join(root, "cli");
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, "empty.txt"), "");
    copyFileSync(SEED_001, join(dir, "good.txt"));
    const cli = spawnSync("npx", ["tsx", "scripts/ingest.ts", "--db", join(dir, "cli.db"), dir], { encoding: "utf8", cwd: process.cwd() });
    expect(cli.status).toBe(1);
    const lines = cli.stdout.trim().split("\n");
    expect(lines.slice(0, 3)).toEqual([`failed     ${join(dir, "empty.txt")}: 空文件`, `ingested   ${join(dir, "good.txt")}`, expect.stringMatching(/^ingested 1, updated 0, unchanged 0, declined 0, failed 1 \(2 files, [\d.]+ s\)$/)]);
    expect(lines.slice(3)).toEqual(["failed:", `  ${join(dir, "empty.txt")}: 空文件`, `database: ${join(dir, "cli.db")} (run 1)`]);
    expect(cli.stderr).not.toMatch(/\n\s+at /);
  });

  it("refuses a manifest that lists no file in one line, before reading any file", () => {
    const dir = join(root, "cli-manifest");
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, "m.csv"), "agency,year\n镇巴县公安局,2022\n");
    const cli = spawnSync("npx", ["tsx", "scripts/ingest.ts", "--db", join(dir, "cli.db"), "--manifest", join(dir, "m.csv")], { encoding: "utf8" });
    expect(cli.status).toBe(1);
    expect(cli.stderr.trim().split("\n").filter((l) => !l.startsWith("npm warn"))).toEqual([
      `ingest: ${join(dir, "m.csv")}: no \`file\` column (expected file,agency,year,region_code,source_url,published_date)`,
    ]);
    expect(cli.stdout).toBe("");
  });
});
