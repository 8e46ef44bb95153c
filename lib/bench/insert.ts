/**
 * Baseline 2: the fastest the store could be written here — the same rows the ingest writes for
 * each report (one into `reports`, one per field into `report_values`) from a bare loop of
 * prepared statements in ONE transaction, into a fresh database with the same schema (opened
 * through db/client.ts, so the migrations and the gazetteer are in place). No parsing, no agency
 * lookups, no findings, no per-report transaction: the ingest's rate over this one is what its
 * bookkeeping and parsing cost.
 */
import { rmSync } from "node:fs";
import { openDatabase } from "../../db/client";
import type { StoredShape } from "./parse";

export function bareInsert(file: string, shapes: readonly StoredShape[], count: number): { reports: number; values: number; seconds: number } {
  for (const suffix of ["", "-wal", "-shm"]) rmSync(file + suffix, { force: true });
  const db = openDatabase(file).$client;
  const report = db.prepare(
    `INSERT INTO reports (year, region_code, template, source_path, sha256, parse_status, current, synthetic, source_text, encoding)
     VALUES (?, ?, ?, ?, ?, 'ok', 1, 1, ?, 'utf-8')`,
  );
  const value = db.prepare("INSERT INTO report_values (report_id, field, value, line) VALUES (?, ?, ?, ?)");
  let values = 0;
  const started = performance.now();
  db.transaction(() => {
    // the parsed sample over and over: each copy a report of its own (its own id and sha256)
    for (let i = 0; i < count; i++) {
      const shape = shapes[i % shapes.length];
      const id = report.run(shape.year, shape.regionCode, shape.template, `${shape.sourcePath}#${i}`, `bench-${i}`, shape.sourceText).lastInsertRowid;
      for (const [field, v, line] of shape.values) value.run(id, field, v, line);
      values += shape.values.length;
    }
  })();
  const seconds = (performance.now() - started) / 1000;
  db.close();
  return { reports: count, values, seconds };
}
