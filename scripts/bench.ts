/**
 * npm run bench -- [--sizes 10k,100k,1m] [--region CODE] [--work DIR] [--keep] [--skip-http]
 *                  [--runs R] [--seed N] [--parse-sample N]
 *
 * How the workbench scales: for each size N, a nationwide synthetic corpus of N reports
 * (lib/sample/nation.ts), then what it costs to read it, parse it, ingest it (the real CLI),
 * write its rows bare, add one report to it, and ask every page's queries of it, in-process and
 * over HTTP. Prints a block of figures per size and appends them as a JSON line to
 * WORK/results.jsonl. What each figure means: docs/bench.md.
 */
import { Presets, SingleBar } from "cli-progress";
import { Command, InvalidArgumentError } from "commander";
import { appendFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { openDatabase } from "../db/client";
import { drawCases, readHoldings, type PageCase, type PageName } from "../lib/bench/cases";
import { ensureCorpus, readAll, corpusFiles, spreadSample } from "../lib/bench/corpus";
import { buildApp, serveApp, timeHttp } from "../lib/bench/http";
import { databaseBytes, ingestInProcess, runIngestCli } from "../lib/bench/ingest";
import { bareInsert } from "../lib/bench/insert";
import { machine, machineLine } from "../lib/bench/machine";
import { timePages } from "../lib/bench/pages";
import { parseThroughput } from "../lib/bench/parse";
import { resultJson, resultText, type SizeResult } from "../lib/bench/report";
import { parseSizes, sizeLabel } from "../lib/bench/stats";
import { isWholeCountry, nationReports, take } from "../lib/sample/nation";
import { regionByCode } from "../lib/regions/gazetteer";

const ROOT = fileURLToPath(new URL("../", import.meta.url));
/** parse results kept for the bare-insert baseline, used over and over: enough to vary, little memory */
const SHAPES_KEPT = 2_000;
/** the year of the new reports the incremental ingest adds: the one after the corpus's last */
const NEXT_YEAR = 2026;

interface Options {
  sizes: number[];
  region: string;
  work?: string;
  keep?: boolean;
  skipHttp?: boolean;
  runs: number;
  seed: number;
  parseSample: number;
}

async function main(argv: string[]): Promise<void> {
  const options = new Command("bench")
    .description("测量全国规模下的解析、入库和查询 (measure parse, ingest and queries at national scale)")
    .option("--sizes <list>", "corpus sizes, e.g. 10k,100k,1m", sizesArg, [10_000])
    .option("--region <code>", "gazetteer code the corpus covers; all: the whole country", regionArg, "all")
    .option("--work <dir>", "folder for corpora, databases, logs and results.jsonl (default: a new temporary folder)")
    .option("--keep", "keep corpora and databases for the next run (a corpus already there is reused)")
    .option("--skip-http", "leave out building and serving the app")
    .option("--runs <n>", "requests per page, with varied filters", wholeNumber, 30)
    .option("--seed <n>", "seed of the corpus and of the requests", wholeNumber, 1)
    .option("--parse-sample <n>", "files parsed for the one-core parse rate", wholeNumber, 20_000)
    .parse(argv)
    .opts<Options>();
  const work = resolve(options.work ?? mkdtempSync(join(tmpdir(), "nianbao-bench-")));
  mkdirSync(work, { recursive: true });
  const m = machine();
  console.log(`${machineLine(m)}\nwork folder: ${work}\n`);

  let built = false;
  for (const size of options.sizes) {
    const result = await benchSize(size, options, work, () => {
      if (!built && !options.skipHttp) console.log(`building the app into .next-bench: ${Math.round(buildApp(ROOT, join(work, "next-build.log")))} s`);
      built = true;
    });
    console.log(`${resultText(result)}\n`);
    appendFileSync(join(work, "results.jsonl"), `${resultJson(result, { at: new Date().toISOString(), machine: m, runs: options.runs })}\n`);
    if (!options.keep) removeBulk(work, size, options);
  }
  console.log(`figures as JSON lines: ${join(work, "results.jsonl")}`);
}

async function benchSize(size: number, options: Options, work: string, ensureBuilt: () => void): Promise<SizeResult> {
  const label = sizeLabel(size);
  const paths = sizePaths(work, size, options);
  const spec = { size, region: options.region, seed: options.seed };
  const corpus = withBar(`corpus ${label}`, size, (tick) => ensureCorpus(paths.corpus, spec, tick));

  step(`reading all ${corpus.files} files`);
  const read = readAll(paths.corpus);
  step(`parsing a sample on one core`);
  const parsed = parseThroughput(spreadSample(corpusFiles(paths.corpus), options.parseSample), SHAPES_KEPT);

  step(`ingesting with the CLI into ${paths.db}`);
  removeDatabase(paths.db);
  const ingest = await runIngestCli(ROOT, ["--synthetic", "--db", paths.db, paths.corpus], join(work, `ingest-${label}.log`));
  const ingested = { ...ingest, databaseBytes: databaseBytes(paths.db) };

  step(`inserting ${corpus.files} reports' rows bare`);
  const insert = bareInsert(paths.baselineDb, parsed.shapes, corpus.files);
  removeDatabase(paths.baselineDb);

  const cases = pageCases(paths.db, options);
  step(`timing every page's queries in-process, ${options.runs} runs each`);
  const db = openDatabase(paths.db, { readonly: true });
  const queries = timePages(db, cases);
  db.$client.close();

  const http = options.skipHttp ? null : await httpTimes(paths.db, cases, work, label, ensureBuilt);

  step(`adding one new report, with the CLI and in-process`);
  const incremental = await oneNewReport(paths, options, work, label);
  const parse = { reports: parsed.reports, bytes: parsed.bytes, seconds: parsed.seconds };
  return { size, region: options.region, seed: options.seed, corpus, read, parse, ingest: ingested, insert, incremental, queries, http };
}

function sizePaths(work: string, size: number, options: Options) {
  const name = `${sizeLabel(size)}-${isWholeCountry(options.region) ? "all" : options.region}-s${options.seed}`;
  return { corpus: join(work, `corpus-${name}`), db: join(work, `${name}.db`), baselineDb: join(work, `${name}-bare.db`), fresh: join(work, `new-${name}`) };
}

/** The same questions for the in-process and the HTTP runs. */
function pageCases(database: string, options: Options): Map<PageName, PageCase[]> {
  const db = openDatabase(database, { readonly: true });
  try {
    return drawCases(readHoldings(db.$client), options.runs, options.seed);
  } finally {
    db.$client.close();
  }
}

async function httpTimes(database: string, cases: Map<PageName, PageCase[]>, work: string, label: string, ensureBuilt: () => void) {
  ensureBuilt();
  step(`serving the app and fetching every page`);
  const server = await serveApp(ROOT, database, join(work, `next-start-${label}.log`));
  try {
    return await timeHttp(server.url, cases);
  } finally {
    await server.stop();
  }
}

/**
 * Next year's report of the region's first two agencies, new to the database: one ingested by the
 * CLI (a process started for it, as a person or a cron job would), one in-process (the cost of
 * the ingest itself, without starting Node).
 */
async function oneNewReport(paths: ReturnType<typeof sizePaths>, options: Options, work: string, label: string) {
  rmSync(paths.fresh, { recursive: true, force: true });
  const files = [...take(nationReports({ region: options.region, seed: options.seed, years: [NEXT_YEAR] }), 2)].map((file) => {
    const path = join(paths.fresh, file.path);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, file.bytes);
    return path;
  });
  const cli = await runIngestCli(ROOT, ["--synthetic", "--db", paths.db, files[0]], join(work, `ingest-one-${label}.log`));
  const inProcess = ingestInProcess(paths.db, files[1]);
  return { cliSeconds: cli.seconds, inProcessSeconds: inProcess.seconds };
}

/** Without --keep, a size's corpus and databases go once measured: a million reports is gigabytes. */
function removeBulk(work: string, size: number, options: Options): void {
  const paths = sizePaths(work, size, options);
  rmSync(paths.corpus, { recursive: true, force: true });
  rmSync(paths.fresh, { recursive: true, force: true });
  removeDatabase(paths.db);
}

function removeDatabase(file: string): void {
  for (const suffix of ["", "-wal", "-shm"]) rmSync(file + suffix, { force: true });
}

function step(what: string): void {
  console.log(`  … ${what}`);
}

/** A progress bar on a terminal while `work` ticks; nothing in a log. */
function withBar<T>(title: string, total: number, work: (tick: () => void) => T): T {
  if (!process.stdout.isTTY) return work(() => {});
  const bar = new SingleBar({ format: `  ${title} {bar} {value}/{total} {eta_formatted}`, hideCursor: true, etaBuffer: 500 }, Presets.shades_classic);
  bar.start(total, 0);
  try {
    return work(() => bar.increment());
  } finally {
    bar.stop();
  }
}

function sizesArg(value: string): number[] {
  try {
    return parseSizes(value);
  } catch (error) {
    throw new InvalidArgumentError((error as Error).message);
  }
}

function regionArg(value: string): string {
  if (!isWholeCountry(value) && !regionByCode(value)) throw new InvalidArgumentError(`the gazetteer has no region ${value}`);
  return value;
}

function wholeNumber(value: string): number {
  const n = Number(value.replace(/_/g, ""));
  if (!Number.isSafeInteger(n) || n <= 0) throw new InvalidArgumentError("a whole number above 0");
  return n;
}

main(process.argv).catch((error: unknown) => {
  console.error(`bench: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  process.exitCode = 1;
});
