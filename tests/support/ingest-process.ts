/**
 * The ingest as a separate process, for tests that kill it, race it or read beside it: the
 * sample corpus written to a folder, `scripts/ingest.ts` started without npm in between (so a
 * signal reaches the process that writes), and waiting for it to end.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import type { SampleCorpus } from "../../lib/sample/corpus";

/** Writes the corpus's files under `dir`, as `npm run generate-sample` does. */
export function writeSample(corpus: SampleCorpus, dir: string, only: (path: string) => boolean = () => true): string[] {
  const written = corpus.files.filter((file) => only(file.path));
  for (const file of written) {
    mkdirSync(dirname(join(dir, file.path)), { recursive: true });
    writeFileSync(join(dir, file.path), file.text);
  }
  return written.map((file) => file.path);
}

/** `args`: the files and folders to load, and any other flag of the ingest. */
export function startIngest(dbFile: string, ...args: string[]): ChildProcess {
  return spawn(process.execPath, ["--import", "tsx", "scripts/ingest.ts", "--db", dbFile, ...args], { stdio: "ignore" });
}

/** Resolves with the exit code (null when killed by a signal) once the process has ended. */
export function exited(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => (child.exitCode !== null || child.signalCode !== null ? resolve(child.exitCode) : child.once("exit", resolve)));
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
