/**
 * The real ingest, measured from outside: `scripts/ingest.ts` run as a child process exactly as a
 * person runs it, its wall time and its peak resident memory (GNU time's %M when /usr/bin/time is
 * there, else the child's VmHWM polled from /proc), and the database it leaves. Also one new file
 * ingested into the filled database, through the CLI and in-process, the cost of keeping up.
 */
import { spawn } from "node:child_process";
import { createWriteStream, existsSync, readFileSync, statSync } from "node:fs";
import { openDatabase } from "../../db/client";
import { lastReportId, refreshAnomalies } from "../../db/anomalies";
import { findReportFiles, ingestFiles } from "../../db/ingest";

const GNU_TIME = "/usr/bin/time";
const POLL_MS = 100;

export interface IngestRun {
  seconds: number;
  /** peak resident set of the ingest process, MB; null when it could not be read */
  peakRssMb: number | null;
  exitCode: number | null;
}

/**
 * The heap cap `npm run ingest` gives the ingest (package.json). Without it V8 lets the main
 * thread's heap grow to several hundred MB of garbage between full collections (a 10k ingest
 * peaked at 450–479 MB RSS; with it, 321–344 MB, no slower).
 */
const INGEST_NODE_FLAGS = ["--max-old-space-size=512"];

/** `node --max-old-space-size=512 --import tsx scripts/ingest.ts ARGS` in `root` (as `npm run ingest`), its output to `log`. */
export function runIngestCli(root: string, args: readonly string[], log: string): Promise<IngestRun> {
  const ingest = [...INGEST_NODE_FLAGS, "--import", "tsx", "scripts/ingest.ts", ...args];
  const timed = existsSync(GNU_TIME);
  const [command, commandArgs] = timed ? [GNU_TIME, ["-f", "%M", process.execPath, ...ingest]] : [process.execPath, ingest];
  const started = performance.now();
  const child = spawn(command, commandArgs, { cwd: root, stdio: ["ignore", "pipe", "pipe"], env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" } });
  const out = createWriteStream(log);
  // the log stays open after stdout ends: stderr (an error, GNU time's figure) is written last
  child.stdout.pipe(out, { end: false });
  let stderr = "";
  child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  let polledKb = 0;
  const poll = timed ? null : setInterval(() => (polledKb = Math.max(polledKb, vmHwmKb(child.pid))), POLL_MS);
  return new Promise((resolve) => {
    child.on("close", (exitCode) => {
      if (poll) clearInterval(poll);
      out.end(stderr);
      const seconds = (performance.now() - started) / 1000;
      // GNU time prints the peak in KB as the last line of stderr
      const kb = timed ? Number(stderr.trim().split("\n").at(-1)) : polledKb;
      resolve({ seconds, peakRssMb: Number.isFinite(kb) && kb > 0 ? kb / 1024 : null, exitCode });
    });
  });
}

function vmHwmKb(pid: number | undefined): number {
  try {
    const match = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
    return match ? Number(match[1]) : 0;
  } catch {
    return 0;
  }
}

/** The database file with its write-ahead log, in bytes. */
export function databaseBytes(file: string): number {
  return [file, `${file}-wal`].reduce((sum, f) => sum + (existsSync(f) ? statSync(f).size : 0), 0);
}

/** One file into the database in this process, as scripts/ingest.ts does it: store, then the cross-report pass over what was stored. */
export function ingestInProcess(database: string, file: string): { seconds: number } {
  const db = openDatabase(database);
  const started = performance.now();
  const before = lastReportId(db);
  ingestFiles(db, findReportFiles([file]), { synthetic: true });
  refreshAnomalies(db, { since: before });
  const seconds = (performance.now() - started) / 1000;
  db.$client.close();
  return { seconds };
}
