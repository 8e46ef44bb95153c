/**
 * The bench's corpora on disk: generated once per size, region and seed, and recognised by a
 * marker file on later runs (with --keep) instead of being written again; and the first baseline,
 * reading every file and nothing else, which bounds what any ingest can do on this disk.
 */
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { writeNationCorpus } from "../sample/nation-write";

const MARKER = ".bench-corpus.json";

export interface CorpusSpec {
  size: number;
  region: string;
  seed: number;
}

export interface Corpus {
  dir: string;
  files: number;
  bytes: number;
  /** seconds it took to write; null when an earlier run's corpus was reused */
  generatedSeconds: number | null;
}

/** The corpus of the spec in `dir`: the one there if its marker says it is the same, else written afresh. */
export function ensureCorpus(dir: string, spec: CorpusSpec, onFile?: (path: string) => void): Corpus {
  const marker = join(dir, MARKER);
  if (existsSync(marker)) {
    const previous = JSON.parse(readFileSync(marker, "utf8")) as CorpusSpec & { files: number; bytes: number };
    if (previous.size === spec.size && previous.region === spec.region && previous.seed === spec.seed) {
      return { dir, files: previous.files, bytes: previous.bytes, generatedSeconds: null };
    }
  }
  rmSync(dir, { recursive: true, force: true });
  const written = writeNationCorpus(dir, { region: spec.region, seed: spec.seed }, spec.size, onFile);
  // written last: a run stopped midway leaves no marker, and the next run starts over
  writeFileSync(marker, JSON.stringify({ ...spec, files: written.files, bytes: written.bytes }));
  return { dir, files: written.files, bytes: written.bytes, generatedSeconds: written.seconds };
}

/** Every report file under the folder, sorted (the order the ingest takes them in). */
export function corpusFiles(dir: string): string[] {
  const files: string[] = [];
  const walk = (folder: string) => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      if (entry.name.startsWith(".")) continue;
      const path = join(folder, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.isFile()) files.push(path);
    }
  };
  walk(dir);
  return files.sort();
}

/** Baseline 1: the walk and a readFileSync of every file, nothing else. */
export function readAll(dir: string): { files: number; bytes: number; seconds: number } {
  const started = performance.now();
  let bytes = 0;
  const files = corpusFiles(dir);
  for (const file of files) bytes += readFileSync(file).length;
  return { files: files.length, bytes, seconds: (performance.now() - started) / 1000 };
}

/** Every n-th file, so a sample of `count` spreads over the whole corpus (its regions, levels and years). */
export function spreadSample<T>(items: readonly T[], count: number): T[] {
  if (items.length <= count) return [...items];
  const step = items.length / count;
  return Array.from({ length: count }, (_, i) => items[Math.floor(i * step)]);
}
