/**
 * Parse throughput on one core: parseReport over a sample of the corpus, the files read before the
 * clock starts, so the figure is the parser's alone. The parse results are kept, slimmed to what
 * the database stores, for the bare-insert baseline.
 */
import { readFileSync } from "node:fs";
import { parseReport } from "../parse/index";

/** What storing a report writes: one row of `reports`, a row of `report_values` per field. */
export interface StoredShape {
  year: number | null;
  regionCode: string | null;
  template: string | null;
  sourcePath: string;
  sourceText: string;
  values: [field: string, value: number | null, line: number | null][];
}

export interface ParseRun {
  reports: number;
  bytes: number;
  seconds: number;
  /** the first `keep` results, as stored */
  shapes: StoredShape[];
}

export function parseThroughput(files: readonly string[], keep: number): ParseRun {
  const inputs = files.map((file) => ({ fileName: file, bytes: readFileSync(file) }));
  const shapes: StoredShape[] = [];
  const started = performance.now();
  for (const input of inputs) {
    const parsed = parseReport(input);
    if (shapes.length < keep) {
      const values = Object.entries(parsed.values).map(([field, value]): StoredShape["values"][number] => [field, value, parsed.provenance[field] ?? null]);
      shapes.push({ year: parsed.year, regionCode: parsed.region?.code ?? null, template: parsed.template, sourcePath: input.fileName, sourceText: parsed.sourceText, values });
    }
  }
  const seconds = (performance.now() - started) / 1000;
  return { reports: inputs.length, bytes: inputs.reduce((sum, i) => sum + i.bytes.length, 0), seconds, shapes };
}
