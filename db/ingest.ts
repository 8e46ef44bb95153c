/**
 * The ingest: report files in, stored reports out. For each file: turn away what cannot be a
 * report (too big, by its size before reading it; empty, binary, mixed encodings, by its bytes),
 * skip what is already stored (same sha256), parse it with what the manifest knows, store it.
 * Every file's trouble is caught and becomes one line naming the file, so one bad report never
 * stops a run of thousands; a bad manifest row stops only its own file. The run and each
 * failure are recorded.
 */
import { createHash } from "node:crypto";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { extname, join, relative, resolve, isAbsolute } from "node:path";
import { eq } from "drizzle-orm";
import { manifestDiffers, type ManifestRow } from "../lib/ingest/manifest";
import { partialReason } from "../lib/ingest/partial";
import { oversizeReason, unreadableReason } from "../lib/ingest/screen";
import { tally, type FileOutcome, type Tally } from "../lib/ingest/summary";
import { withReportAnomalies } from "../lib/anomalies/engine";
import { parseReport } from "../lib/parse/index";
import { isSampleText } from "../lib/sample/marker";
import type { NianbaoDb } from "./client";
import { ingestFailures, ingestRuns } from "./schema";
import { reportWithSha, sourcePathOf, storedFacts, storeReport, type StoreOutcome } from "./store";

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
}

export interface IngestRun {
  runId: number;
  outcomes: FileOutcome[];
  tally: Tally;
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

/** Ingests the files one by one and records the run; missing paths and manifest problems are recorded as failures. */
export function ingestFiles(db: NianbaoDb, { files, missing }: FoundFiles, options: IngestOptions = {}): IngestRun {
  const runId = db.insert(ingestRuns).values({ startedAt: new Date().toISOString() }).returning({ id: ingestRuns.id }).get().id;
  const outcomes: FileOutcome[] = [];
  const record = (outcome: FileOutcome) => {
    outcomes.push(outcome);
    if (outcome.outcome === "declined" || outcome.outcome === "failed") {
      db.insert(ingestFailures).values({ runId, path: outcome.path, kind: outcome.outcome, reason: outcome.reason ?? "" }).run();
    }
    options.onFile?.(outcome);
  };
  const manifest = options.manifest;
  if (manifest) for (const problem of manifest.problems) record({ path: shownPath(manifest.path), outcome: "failed", reason: `清单有误:${problem}` });
  for (const path of missing) record({ path: shownPath(path), outcome: "failed", reason: `找不到文件或文件夹${listedAt(manifest, path)}` });
  for (const file of files) record(ingestFile(db, file, options));

  const counts = tally(outcomes);
  db.update(ingestRuns)
    .set({ finishedAt: new Date().toISOString(), filesSeen: outcomes.length, ...counts })
    .where(eq(ingestRuns.id, runId))
    .run();
  return { runId, outcomes, tally: counts };
}

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

function ingestFile(db: NianbaoDb, file: string, options: IngestOptions): FileOutcome {
  const path = shownPath(file);
  const manifest = options.manifest;
  const row = manifest?.rows.get(file);
  try {
    if (manifest && row?.problem) return { path, outcome: "failed", reason: `清单 ${shownPath(manifest.path)} 有误,未载入:${row.problem}` };
    const oversize = oversizeReason(step("无法读取", () => statSync(file).size));
    if (oversize) return { path, outcome: "failed", reason: oversize };
    const bytes = step("无法读取", () => readFileSync(file));
    const unreadable = unreadableReason(bytes);
    if (unreadable) return { path, outcome: "failed", reason: unreadable };
    const sha256 = createHash("sha256").update(bytes).digest("hex");
    const known = row?.facts ?? {};
    const stored = reportWithSha(db, sha256);
    if (stored !== null && !manifestDiffers(known, storedFacts(db, stored))) return { path, outcome: "unchanged" };

    const hints = { agency: known.agency, year: known.year, regionCode: known.regionCode };
    // the parser checks the tables; the anomaly rules of one report run beside its checks
    const parsed = step("解析出错", () => withReportAnomalies(parseReport({ fileName: file, bytes, hints })));
    const synthetic = options.synthetic === true || isSampleText(parsed.sourceText);
    const source = { path, sha256, sourceUrl: known.sourceUrl, publishedDate: known.publishedDate, synthetic, replaces: stored ?? undefined };
    const result = step("写入数据库出错", () => storeReport(db, source, parsed));
    if (result.outcome === "declined") return { path, outcome: "declined", reason: result.reason };
    const note = versionNote(db, result);
    const partial = partialReason(parsed);
    return { path, outcome: result.outcome, ...(note && { note }), ...(partial && { partial }) };
  } catch (error) {
    return { path, outcome: "failed", reason: error instanceof StepError ? error.message : `意外错误:${oneLine(error)}` };
  }
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
