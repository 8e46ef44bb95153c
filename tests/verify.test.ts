/**
 * npm run verify: every stored report against a fresh parse of its stored text, and SQLite's
 * integrity check; one line per report that differs, exit code 1 when any does.
 */
import { spawnSync } from "node:child_process";
import { copyFileSync, mkdtempSync, openSync, rmSync, writeSync, closeSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase } from "../db/client";
import { findReportFiles, ingestFiles } from "../db/ingest";
import { readManifest } from "../lib/ingest/manifest";
import { differenceLine, readingDifferences, type Reading } from "../lib/ingest/verify";
import { CORPUS, SEEDS } from "./support/shared";

let root: string;
let dbFile: string;
let reportCount: number;

const REPORTS = [
  ...readdirSync(SEEDS).map((f) => join(SEEDS, f)),
  join(CORPUS, "reports", "pingtan-2022.html"),
  join(CORPUS, "reports", "007.txt"), // a 2022 report in the 2019 template, its cells empty
  join(CORPUS, "reports", "069.txt"), // a fragment that starts mid-table
];

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), "nianbao-verify-"));
  dbFile = join(root, "nianbao.db");
  const db = openDatabase(dbFile);
  // the manifest gives 069 a year its text does not: a fresh parse must read it under that year too
  const manifest = { path: join(CORPUS, "reports", "m.csv"), ...readManifest("file,year\n069.txt,2020\n", join(CORPUS, "reports")) };
  const run = ingestFiles(db, findReportFiles(REPORTS), { manifest });
  reportCount = run.tally.ingested + run.tally.updated;
  db.$client.close();
});

afterAll(() => rmSync(root, { recursive: true, force: true }));

function verify(file: string) {
  const cli = spawnSync("npx", ["tsx", "scripts/verify.ts", "--db", file], { encoding: "utf8" });
  return { status: cli.status, stdout: cli.stdout.trim().split("\n"), stderr: cli.stderr.split("\n").filter((l) => l && !l.startsWith("npm warn")) };
}

/** A copy of the database with some SQL applied, as a hand edit or a bad migration would leave it. */
function tampered(name: string, sql: string): string {
  const copy = join(root, name);
  copyFileSync(dbFile, copy);
  const db = openDatabase(copy);
  db.$client.exec(sql);
  db.$client.close();
  return copy;
}

describe("npm run verify", () => {
  it("finds every report of a fresh ingest equal to a fresh parse, and exits 0", () => {
    const { status, stdout } = verify(dbFile);
    expect(stdout).toEqual([expect.stringMatching(new RegExp(`^verify: ${reportCount} reports checked, 0 differ from a fresh parse, region totals agree \\(.*nianbao\\.db, [\\d.]+ s\\)$`))]);
    expect(status).toBe(0);
    expect(reportCount).toBe(REPORTS.length);
  });

  it("names each report whose stored figures were changed, with what is stored and what the text says, and exits 1", () => {
    const seed = (name: string) => `(SELECT id FROM reports WHERE source_path = '${join(SEEDS, name)}')`;
    const pingtan = `(SELECT id FROM reports WHERE source_path = '${join(CORPUS, "reports", "pingtan-2022.html")}')`;
    const file = tampered(
      "tampered.db",
      `UPDATE report_values SET value = value + 1 WHERE report_id = ${seed("001_873059f99be5ef02.txt")} AND field = 'requests.newReceived.total';
       DELETE FROM report_values WHERE report_id = ${pingtan} AND field LIKE 'review.%';
       UPDATE reports SET template = '2019', proactive_items = 1 WHERE id = ${seed("004_3f0c8cd74326bd72.txt")};`,
    );
    const { status, stdout } = verify(file);
    // ids follow the sorted paths: corpus 007, 069, pingtan-2022, then seeds 000 to 004
    expect(stdout.filter((line) => line.startsWith("report "))).toEqual([
      `report 3 ${join(CORPUS, "reports", "pingtan-2022.html")}: review.upheld: stored absent, parsed 0; review.corrected: stored absent, parsed 1; review.other: stored absent, parsed 1; and 2 more`,
      `report 5 ${join(SEEDS, "001_873059f99be5ef02.txt")}: requests.newReceived.total: stored 12, parsed 11`,
      `report 8 ${join(SEEDS, "004_3f0c8cd74326bd72.txt")}: template: stored 2019, parsed 2021; narrative.proactiveItems: stored 1, parsed 304`,
    ]);
    // the figures changed by hand no longer add up to the region totals either
    expect(stdout).toContain(`region_field_totals 35|2022|review.corrected: stored total 1, reports 1`);
    expect(stdout.at(-1)).toMatch(new RegExp(`^verify: ${reportCount} reports checked, 3 differ from a fresh parse, \\d+ region totals differ from a recount`));
    expect(status).toBe(1);
  });

  it("says in one line that a damaged file is damaged, and exits 1", () => {
    const file = join(root, "damaged.db");
    copyFileSync(dbFile, file);
    const fd = openSync(file, "r+");
    writeSync(fd, Buffer.alloc(64 * 1024, 0xde), 0, 64 * 1024, 4096 * 8); // pages 9 to 24: the schema's tables
    closeSync(fd);
    const { status, stdout, stderr } = verify(file);
    expect(stdout).toEqual([expect.stringMatching(new RegExp(`^verify: ${file} is damaged: .+$`))]);
    expect(stderr).toEqual([]);
    expect(status).toBe(1);
  });

  it("says in one line that there is no database", () => {
    const { status, stderr } = verify(join(root, "none.db"));
    expect(stderr).toEqual([`verify: database ${join(root, "none.db")} does not exist: run \`npm run ingest\` first`]);
    expect(status).toBe(1);
  });
});

describe("readingDifferences", () => {
  const reading = (over: Partial<Reading> = {}): Reading => ({
    template: "2021",
    values: { "review.total": 2, "review.upheld": null },
    proactiveItems: 10,
    requestsReceived: 0,
    ...over,
  });

  it("is empty for equal readings, blank cells included", () => {
    expect(readingDifferences(reading(), reading())).toEqual([]);
  });

  it("tells a changed value, a blank from a number, a missing row and an extra one apart", () => {
    const stored = reading({ values: { "review.total": 3, "review.upheld": 0, "review.other": 1 } });
    const fresh = reading({ values: { "review.total": 2, "review.upheld": null, "review.corrected": 1 } });
    expect(readingDifferences(stored, fresh)).toEqual([
      "review.total: stored 3, parsed 2",
      "review.upheld: stored 0, parsed blank",
      "review.corrected: stored absent, parsed 1",
      "review.other: stored 1, parsed absent",
    ]);
  });

  it("tells the template and the narrative figures", () => {
    expect(readingDifferences(reading({ template: null, requestsReceived: null }), reading())).toEqual([
      "template: stored none, parsed 2021",
      "narrative.requestsReceived: stored none, parsed 0",
    ]);
  });

  it("names three differences in a line and counts the rest", () => {
    expect(differenceLine("report 1 a.txt", ["a", "b", "c"])).toBe("report 1 a.txt: a; b; c");
    expect(differenceLine("report 1 a.txt", ["a", "b", "c", "d", "e"])).toBe("report 1 a.txt: a; b; c; and 2 more");
  });
});
