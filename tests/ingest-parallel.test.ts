/**
 * The ingest with its parsing on worker threads stores exactly what the inline ingest stores:
 * the same reports in the same order, the same current versions (a revision after the file it
 * revises), the same findings and region totals; and keeps only the outcomes worth a line.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { aggregateDifferences } from "../db/aggregates";
import { openDatabase, type NianbaoDb } from "../db/client";
import { findReportFiles, ingestFiles, ingestFilesInParallel } from "../db/ingest";
import { generateSampleCorpus } from "../lib/sample/corpus";
import { writeSample } from "./support/ingest-process";

let root: string;
const corpus = generateSampleCorpus(1);

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), "nianbao-parallel-"));
  writeSample(corpus, join(root, "sample"));
});

afterAll(() => rmSync(root, { recursive: true, force: true }));

function stored(db: NianbaoDb) {
  const all = (sql: string) => db.$client.prepare(sql).all();
  return {
    reports: all("SELECT id, source_path, sha256, current, parse_status, agency_id, year FROM reports ORDER BY id"),
    values: all("SELECT count(*) AS n, sum(value) AS total FROM report_values"),
    findings: all("SELECT report_id, rule, severity, message FROM findings ORDER BY id"),
    totals: all("SELECT * FROM region_year_totals ORDER BY region_code, year"),
  };
}

describe("ingestFilesInParallel", () => {
  it("stores what the inline ingest stores, in the same order, parsing on two workers", async () => {
    const inline = openDatabase(join(root, "inline.db"));
    const parallel = openDatabase(join(root, "parallel.db"));
    const files = findReportFiles([join(root, "sample")]);
    const a = ingestFiles(inline, files, { synthetic: true });
    const b = await ingestFilesInParallel(parallel, files, { synthetic: true, workers: 2, keep: 3 });
    expect(b.tally).toEqual(a.tally);
    expect(stored(parallel)).toEqual(stored(inline));
    expect(aggregateDifferences(parallel)).toEqual([]);
    // only the files worth a line are kept, up to `keep`; the others are counted
    const notable = a.outcomes.filter((o) => o.partial || o.note || o.reason);
    expect(b.outcomes).toEqual(notable.slice(0, 3));
    expect(b.omitted).toBe(notable.length - 3);

    const again = await ingestFilesInParallel(parallel, files, { synthetic: true, workers: 2 });
    expect(again.tally).toMatchObject({ ingested: 0, updated: 0, unchanged: files.files.length });
    inline.$client.close();
    parallel.$client.close();
  }, 120_000);
});
