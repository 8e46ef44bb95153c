/**
 * npm run ingest -- [--db FILE] [--manifest FILE.csv] [--synthetic] [--recheck] [PATH...]
 *
 * Loads report files (and folders of them, recursively: .txt .html .htm) into the database, then
 * compares what it stored with the other reports (lib/anomalies); `--recheck` runs every anomaly
 * rule again over every stored report (after the rules changed), with or without files to load.
 * Shows a progress bar on a terminal and one line per file otherwise, then a summary. Exit code
 * 1 when any file failed. Running it again on the same files changes nothing.
 */
import { SingleBar, Presets } from "cli-progress";
import { Command, InvalidArgumentError } from "commander";
import { readFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { databaseFile, openDatabase } from "../db/client";
import { lastReportId, refreshAnomalies, type RefreshSummary } from "../db/anomalies";
import { refreshPlannerStats } from "../db/planner-stats";
import { findReportFiles, ingestFilesInParallel, type RunManifest } from "../db/ingest";
import { readManifest } from "../lib/ingest/manifest";
import { outcomeLine, summaryLines, type FileOutcome } from "../lib/ingest/summary";

interface CliOptions {
  db: string;
  manifest?: string;
  synthetic?: boolean;
  recheck?: boolean;
  workers?: number;
  batch?: number;
}

async function main(argv: string[]): Promise<number> {
  const program = new Command("ingest")
    .description("把政府信息公开工作年度报告载入数据库 (load annual report files into the database)")
    .argument("[paths...]", "report files or folders (.txt .html .htm, searched recursively)")
    .option("--db <file>", "database file (env NIANBAO_DB)", databaseFile())
    .option("--manifest <file>", "CSV: file,agency,year,region_code,source_url,published_date; overrides the text")
    .option("--synthetic", "mark every report as synthetic sample data")
    .option("--recheck", "run every anomaly rule again over every stored report")
    .option("--workers <n>", "parse worker threads (default: one fewer than the cores, at least one; 0 parses inline)", (v) => Number.parseInt(v, 10))
    .option("--batch <n>", "reports stored to a transaction at most (default 1000; a batch also ends after 250 ms)", positive)
    .parse(argv);
  const options = program.opts<CliOptions>();
  const manifest = options.manifest ? loadManifest(options.manifest) : undefined;
  const listed = [...(manifest?.rows.keys() ?? [])];
  const paths = program.args.length > 0 ? program.args : listed;
  if (paths.length === 0 && !options.recheck) throw new Error("nothing to ingest: give report files or folders, or a --manifest listing them");

  const found = findReportFiles(paths, listed);
  const db = openDatabase(options.db);
  const started = performance.now();
  const progress = progressReporter(found.files.length + found.missing.length);
  const before = lastReportId(db);
  // files parse on worker threads and are stored here, in order
  const run = await ingestFilesInParallel(db, found, { manifest, synthetic: options.synthetic, onFile: progress.tick, workers: options.workers, batch: options.batch });
  progress.stop();
  // the reports stored by this run are compared with their agency's other years, their peers and their province
  const anomalies = refreshAnomalies(db, options.recheck ? { all: true } : { since: before });
  refreshPlannerStats(db);
  db.$client.close();

  const seconds = (performance.now() - started) / 1000;
  console.log([...summaryLines(run.outcomes, seconds, run.tally, run.omitted), ...anomalyLines(anomalies), `database: ${options.db} (run ${run.runId})`].join("\n"));
  return run.tally.failed > 0 ? 1 : 0;
}

function positive(value: string): number {
  const n = Number(value);
  if (!Number.isSafeInteger(n) || n < 1) throw new InvalidArgumentError("a whole number above 0");
  return n;
}

/** What the anomaly pass did, when it did something worth saying: a run that adds nothing to compare says nothing more. */
function anomalyLines(s: RefreshSummary): string[] {
  const rechecked = s.reports > 0 ? [`anomaly rules of one report run again on ${s.reports} reports`] : [];
  if (s.findings === 0) return rechecked;
  return [...rechecked, `cross-report findings: ${s.findings} (${s.agencies} agencies, ${s.peerScopes} province-years of peers, ${s.corpusScopes} province-years of narratives rechecked)`];
}

/**
 * The manifest, its unread columns said on stderr. A manifest that lists no file at all (no
 * `file` column, every row without a name) stops the run before any file is read: ingesting
 * without the facts it was meant to give would store the text's instead. Problems of single
 * rows do not: they are recorded as failures of the run.
 */
function loadManifest(file: string): RunManifest {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch {
    throw new Error(`manifest ${file} cannot be read`);
  }
  const { rows, problems, unusedColumns } = readManifest(text, dirname(resolve(file)));
  if (rows.size === 0) throw new Error(`${file}: ${problems.join("; ") || "lists no file"}`);
  if (unusedColumns.length > 0) console.error(`ingest: ${file}: columns not read: ${unusedColumns.join(", ")}`);
  return { path: resolve(file), rows, problems };
}

/** A bar on a terminal; plain lines (one per file) when the output is a log. */
function progressReporter(total: number): { tick: (o: FileOutcome) => void; stop: () => void } {
  if (!process.stdout.isTTY) return { tick: (o) => console.log(outcomeLine(o)), stop: () => {} };
  const bar = new SingleBar({ format: "{bar} {value}/{total} {file}", hideCursor: true }, Presets.shades_classic);
  bar.start(total, 0, { file: "" });
  return { tick: (o) => bar.increment({ file: o.path }), stop: () => bar.stop() };
}

try {
  process.exitCode = await main(process.argv);
} catch (error) {
  // a run that cannot start (bad manifest, unwritable database) says why in one line, no trace
  console.error(`ingest: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
}
