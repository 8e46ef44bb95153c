/**
 * The ingest: report files in, stored reports out. For each file: turn away what cannot be a
 * report (too big, by its size before reading it; empty, binary, mixed encodings, by its bytes),
 * skip what is already stored (same sha256), parse it with what the manifest knows, store it.
 * Every file's trouble is caught and becomes one line naming the file, so one bad report never
 * stops a run of thousands; a bad manifest row stops only its own file. The run and each
 * failure are recorded.
 */
import { createHash } from "node:crypto";
import { availableParallelism } from "node:os";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { extname, join, relative, resolve, isAbsolute } from "node:path";
import { eq } from "drizzle-orm";
import { manifestDiffers, type ManifestRow } from "../lib/ingest/manifest";
import { partialReason } from "../lib/ingest/partial";
import { oversizeReason, unreadableReason } from "../lib/ingest/screen";
import { OUTCOMES, tally, type FileOutcome, type Tally } from "../lib/ingest/summary";
import { parseJob, type ParseJob, type ParseOutcome } from "../lib/ingest/parse-job";
import { isSampleText } from "../lib/sample/marker";
import type { TotalsDelta } from "./aggregates";
import type { NianbaoDb } from "./client";
import { ParsePool } from "./parse-pool";
import { ingestFailures, ingestRuns } from "./schema";
import { reportWithSha, sourcePathOf, storedFacts, storeReport, type StoreOutcome } from "./store";
import { WriteBatch } from "./write-batch";

/** What a folder is searched for; a file named on the command line is taken whatever its name. */
export const REPORT_EXTENSIONS = [".txt", ".html", ".htm"];

/** The manifest of a run: where it is, its rows by absolute file path, its problems beyond any one row. */
export interface RunManifest {
  path: string;
  rows: ReadonlyMap<string, ManifestRow>;
  problems: readonly string[];
}

export interface IngestOptions {
  manifest?: RunManifest;
  /** store every report as synthetic sample data (sample texts are recognised anyway) */
  synthetic?: boolean;
  /** told after each file, for progress */
  onFile?: (outcome: FileOutcome) => void;
  /** reports stored to a transaction at most (db/write-batch.ts; default 1,000) */
  batch?: number;
}

export interface IngestRun {
  runId: number;
  /** every file's outcome (the parallel ingest: only those worth a line of the summary, up to its `keep`) */
  outcomes: FileOutcome[];
  tally: Tally;
  /** outcomes worth a line that were not kept */
  omitted: number;
}

export interface FoundFiles {
  /** absolute paths of the files to ingest, in the order they are ingested */
  files: string[];
  /** absolute paths given that do not exist */
  missing: string[];
}

/**
 * The report files under the given paths, sorted: of two files for the same agency and year,
 * the one that sorts later is ingested later and becomes current (黎坝镇人民政府（更正）.txt
 * after 黎坝镇人民政府.txt). `listed`: files a manifest names, each of which must exist too.
 */
export function findReportFiles(paths: readonly string[], listed: Iterable<string> = []): FoundFiles {
  const files = new Set<string>();
  const missing: string[] = [];
  for (const path of paths) {
    const absolute = resolve(path);
    const stat = statSync(absolute, { throwIfNoEntry: false });
    if (!stat) missing.push(absolute);
    else if (stat.isDirectory()) walk(absolute, files);
    else files.add(absolute);
  }
  for (const file of listed) if (!missing.includes(file) && !statSync(file, { throwIfNoEntry: false })) missing.push(file);
  return { files: [...files].sort(), missing };
}

function walk(dir: string, into: Set<string>): void {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name.startsWith(".")) continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) walk(path, into);
    else if (entry.isFile() && REPORT_EXTENSIONS.includes(extname(entry.name).toLowerCase())) into.add(path);
  }
}

/** Ingests the files one by one, parsing each inline, and records the run; missing paths and manifest problems are recorded as failures. */
export function ingestFiles(db: NianbaoDb, found: FoundFiles, options: IngestOptions = {}): IngestRun {
  return ingestInline(db, startRun(db, found, options), found.files, options);
}

function ingestInline(db: NianbaoDb, run: Run, files: readonly string[], options: IngestOptions): IngestRun {
  for (const file of files) run.store((totals) => ingestFile(db, file, options, totals));
  return run.finish();
}

function ingestFile(db: NianbaoDb, file: string, options: IngestOptions, totals: TotalsDelta): FileOutcome {
  const prepared = prepareFile(db, file, options);
  return "done" in prepared ? prepared.done : finishFile(db, prepared.job, parseJob(prepared.job), options, totals);
}

/** Fewer files than this parse inline: the pool would take longer to start than to do the work. */
const POOL_MIN_FILES = 200;

export interface ParallelOptions extends IngestOptions {
  /** parse worker threads, 0 to parse inline; default: one fewer than the cores (this thread stores), none for fewer than POOL_MIN_FILES files */
  workers?: number;
  /** outcomes kept for the summary beyond the counts: the files failed, declined, revised or read in part, up to this many */
  keep?: number;
}

/**
 * Files read ahead of the one being stored, per worker: enough that a worker never waits while
 * this thread commits a batch, nor this thread while a worker is on a large web page (10k
 * files, one worker: 48.0 s holding 4 per worker, 41.8 s holding 16, 39.2 s holding 64).
 */
const READ_AHEAD_PER_WORKER = 64;

/** Bytes of files read ahead, at most: 64 files of 10 MB would be 640 MB, and their parses more. */
const READ_AHEAD_BYTES = 16 * 1024 * 1024;

/**
 * One worker fewer than the cores, at least one: this thread stores the reports, which takes
 * about as long as parsing them, and each worker holds its own gazetteer and parser, some
 * 150 MB (on 2 cores, 10k files: 39.0 s and 503 MB peak with one worker, 37.9 s and 631 MB
 * with two).
 */
function defaultWorkers(): number {
  return Math.max(1, availableParallelism() - 1);
}

/**
 * The same as `ingestFiles`, with the parsing on a pool of worker threads: files are read and
 * hashed in order on this thread, parsed side by side, and stored strictly in order (of two
 * versions, the later file becomes current, as inline). At most 64 files per worker and 16 MB
 * are held at once, and of the outcomes only the counts and the files worth a line of the
 * summary, so memory stays flat whatever the number of files.
 */
export async function ingestFilesInParallel(db: NianbaoDb, found: FoundFiles, options: ParallelOptions = {}): Promise<IngestRun> {
  // starting a worker (and tsx in it) costs about as much as parsing a few dozen files
  const size = options.workers ?? (found.files.length >= POOL_MIN_FILES ? defaultWorkers() : 0);
  const run = startRun(db, found, options, options.keep ?? DEFAULT_KEEP);
  if (size < 1) return ingestInline(db, run, found.files, options);
  const pool = new ParsePool(size);
  const queue: { prepared: ReturnType<typeof prepareFile>; parse?: Promise<ParseOutcome> }[] = [];
  let held = 0;
  const bytesOf = (prepared: ReturnType<typeof prepareFile>) => ("job" in prepared ? prepared.job.bytes.length : 0);
  const storeNext = async () => {
    const { prepared, parse } = queue.shift()!;
    held -= bytesOf(prepared);
    const parsed = "job" in prepared ? await parse! : undefined;
    run.store((totals) => ("done" in prepared ? prepared.done : finishFile(db, prepared.job, parsed!, options, totals)));
  };
  try {
    for (const file of found.files) {
      const prepared = prepareFile(db, file, options);
      queue.push({ prepared, parse: "job" in prepared ? pool.parse(prepared.job) : undefined });
      held += bytesOf(prepared);
      while (queue.length >= size * READ_AHEAD_PER_WORKER || held > READ_AHEAD_BYTES) await storeNext();
    }
    while (queue.length > 0) await storeNext();
  } finally {
    await pool.close();
    run.commit();
  }
  return run.finish();
}

/** Outcomes kept by default by the parallel ingest: a summary longer than this is not read anyway. */
const DEFAULT_KEEP = 10_000;

/** Whether a file earns a line in the summary: turned away, or stored with something to say. */
const notable = (o: FileOutcome) => o.outcome === "declined" || o.outcome === "failed" || o.partial !== undefined || o.note !== undefined;

/**
 * The run's record: a row in ingest_runs, one in ingest_failures per file turned away, the
 * counts, and the outcomes (all of them, or the notable ones up to `keep`). `store` stores a
 * file and records its outcome in the run's open batch (db/write-batch.ts).
 */
function startRun(db: NianbaoDb, { missing }: FoundFiles, options: IngestOptions, keep?: number) {
  const runId = db.insert(ingestRuns).values({ startedAt: new Date().toISOString() }).returning({ id: ingestRuns.id }).get().id;
  const outcomes: FileOutcome[] = [];
  const counts = tally([]);
  let omitted = 0;
  const record = (outcome: FileOutcome) => {
    counts[outcome.outcome] += 1;
    if (keep === undefined) outcomes.push(outcome);
    else if (notable(outcome)) outcomes.length < keep ? outcomes.push(outcome) : omitted++;
    if (outcome.outcome === "declined" || outcome.outcome === "failed") {
      db.insert(ingestFailures).values({ runId, path: outcome.path, kind: outcome.outcome, reason: outcome.reason ?? "" }).run();
    }
    options.onFile?.(outcome);
  };
  const manifest = options.manifest;
  if (manifest) for (const problem of manifest.problems) record({ path: shownPath(manifest.path), outcome: "failed", reason: `清单有误:${problem}` });
  for (const path of missing) record({ path: shownPath(path), outcome: "failed", reason: `找不到文件或文件夹${listedAt(manifest, path)}` });
  const batch = new WriteBatch(db, options.batch);
  const store = (file: (totals: TotalsDelta) => FileOutcome) => batch.run((totals) => record(file(totals)));
  const finish = (): IngestRun => {
    batch.commit();
    const filesSeen = OUTCOMES.reduce((sum, o) => sum + counts[o], 0);
    db.update(ingestRuns)
      .set({ finishedAt: new Date().toISOString(), filesSeen, ...counts })
      .where(eq(ingestRuns.id, runId))
      .run();
    return { runId, outcomes, tally: counts, omitted };
  };
  return { store, commit: () => batch.commit(), finish };
}

type Run = ReturnType<typeof startRun>;

/** A step's failure, already worded for the person reading the summary. */
class StepError extends Error {}

function step<T>(what: string, run: () => T): T {
  try {
    return run();
  } catch (error) {
    throw new StepError(`${what}:${oneLine(error)}`);
  }
}

function oneLine(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.split("\n")[0].trim();
}

/** `(清单 m.csv 第3行)` when the manifest lists the file, to find the row that names it. */
function listedAt(manifest: RunManifest | undefined, file: string): string {
  const row = manifest?.rows.get(file);
  return manifest && row ? `(清单 ${shownPath(manifest.path)} 第${row.line}行)` : "";
}

/**
 * The work before parsing, on the thread that holds the database: the manifest's word, the
 * size, the bytes, the sha256 and whether these bytes are stored already. Either the file's
 * outcome, or the parse to do.
 */
export function prepareFile(db: NianbaoDb, file: string, options: IngestOptions): { done: FileOutcome } | { job: ParseJob } {
  const path = shownPath(file);
  const manifest = options.manifest;
  const row = manifest?.rows.get(file);
  try {
    if (manifest && row?.problem) return { done: { path, outcome: "failed", reason: `清单 ${shownPath(manifest.path)} 有误,未载入:${row.problem}` } };
    const oversize = oversizeReason(step("无法读取", () => statSync(file).size));
    if (oversize) return { done: { path, outcome: "failed", reason: oversize } };
    const bytes = step("无法读取", () => readFileSync(file));
    const unreadable = unreadableReason(bytes);
    if (unreadable) return { done: { path, outcome: "failed", reason: unreadable } };
    const sha256 = createHash("sha256").update(bytes).digest("hex");
    const facts = row?.facts ?? {};
    if (alreadyStored(db, sha256, facts) === "same") return { done: { path, outcome: "unchanged" } };
    return { job: { file, path, bytes, sha256, facts } };
  } catch (error) {
    return { done: failed(path, error) };
  }
}

/**
 * "same": these bytes are stored with what the manifest says; a report id: stored, but the
 * manifest now says otherwise (the new reading replaces it); "no": not stored.
 */
function alreadyStored(db: NianbaoDb, sha256: string, facts: ManifestRow["facts"]): "same" | "no" | number {
  const stored = reportWithSha(db, sha256);
  if (stored === null) return "no";
  return manifestDiffers(facts, storedFacts(db, stored)) ? stored : "same";
}

/**
 * Stores a parsed job. Whether its bytes are stored is asked again: files parsed side by side
 * were prepared before the ones ahead of them were stored, and the same bytes may come twice.
 */
export function finishFile(db: NianbaoDb, job: ParseJob, outcome: ParseOutcome, options: IngestOptions, totals: TotalsDelta): FileOutcome {
  const { path, sha256, facts } = job;
  try {
    if ("error" in outcome) return { path, outcome: "failed", reason: outcome.error };
    const { parsed, narrative } = outcome;
    const stored = alreadyStored(db, sha256, facts);
    if (stored === "same") return { path, outcome: "unchanged" };
    const synthetic = options.synthetic === true || isSampleText(parsed.sourceText);
    const source = { path, sha256, sourceUrl: facts.sourceUrl, publishedDate: facts.publishedDate, synthetic, replaces: stored === "no" ? undefined : stored };
    const result = step("写入数据库出错", () => storeReport(db, source, parsed, { totals, narrative }));
    if (result.outcome === "declined") return { path, outcome: "declined", reason: result.reason };
    const note = versionNote(db, result);
    const partial = partialReason(parsed);
    return { path, outcome: result.outcome, ...(note && { note }), ...(partial && { partial }) };
  } catch (error) {
    return failed(path, error);
  }
}

function failed(path: string, error: unknown): FileOutcome {
  return { path, outcome: "failed", reason: error instanceof StepError ? error.message : `意外错误:${oneLine(error)}` };
}

/** That another version of the report is stored, and which one is current. */
function versionNote(db: NianbaoDb, result: StoreOutcome): string | null {
  if (result.outcome === "updated") return `新版本,取代 ${sourcePathOf(db, result.supersededId)}(旧版本保留)`;
  if (result.outcome === "ingested" && result.currentId !== undefined) {
    return `存为旧版本:同一机关同一年度发布更晚的 ${sourcePathOf(db, result.currentId)} 仍是当前版本`;
  }
  return null;
}

/** Paths inside the working folder are shown relative to it, others in full. */
function shownPath(file: string): string {
  const rel = relative(process.cwd(), file);
  return rel && !rel.startsWith("..") && !isAbsolute(rel) ? rel : file;
}
