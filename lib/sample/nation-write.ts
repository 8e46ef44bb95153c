/**
 * Writing the nationwide corpus (./nation.ts) to disk, one file at a time as the generator makes
 * it, so a corpus of any size needs the memory of one agency's reports.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { nationAgencies, nationReports, NATION_YEARS, take, type NationOptions } from "./nation";

export interface WrittenCorpus {
  files: number;
  bytes: number;
  seconds: number;
}

/** How many reports the region has in all (its agencies times the years): the length of an unlimited run. */
export function countNationReports(options: NationOptions): number {
  let agencies = 0;
  for (const _ of nationAgencies(options.region, options.seed)) agencies++;
  return agencies * (options.years ?? NATION_YEARS).length;
}

/** Writes the first `limit` reports of the region under `out` (all of them when limit is Infinity). */
export function writeNationCorpus(out: string, options: NationOptions, limit: number, onFile?: (path: string) => void): WrittenCorpus {
  const started = performance.now();
  const made = new Set<string>();
  let files = 0;
  let bytes = 0;
  for (const file of take(nationReports(options), limit)) {
    const path = join(out, file.path);
    const folder = dirname(path);
    // an agency's folder is made once, not once a file
    if (!made.has(folder)) mkdirSync(folder, { recursive: true });
    made.add(folder);
    writeFileSync(path, file.bytes);
    files++;
    bytes += file.bytes.length;
    onFile?.(file.path);
  }
  return { files, bytes, seconds: (performance.now() - started) / 1000 };
}
