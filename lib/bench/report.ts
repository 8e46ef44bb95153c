/**
 * One size's figures, as the bench measured them, and how they are printed: a block of text for
 * people, and the same figures as one JSON line.
 */
import type { PageName } from "./cases";
import { num, textTable } from "./format";
import { latency, megabytes, perSecond, sizeLabel, type Latency } from "./stats";

export interface SizeResult {
  size: number;
  region: string;
  seed: number;
  corpus: { files: number; bytes: number; generatedSeconds: number | null };
  read: { seconds: number; bytes: number };
  parse: { reports: number; bytes: number; seconds: number };
  ingest: { seconds: number; peakRssMb: number | null; exitCode: number | null; databaseBytes: number };
  insert: { reports: number; values: number; seconds: number };
  incremental: { cliSeconds: number; inProcessSeconds: number };
  /** ms per case, by page */
  queries: Map<PageName, number[]>;
  /** ttfb and total ms per case, by page; null when skipped */
  http: Map<PageName, { ttfbMs: number; totalMs: number; status: number }[]> | null;
}

const mbps = (bytes: number, seconds: number) => perSecond(megabytes(bytes), seconds);

/** The figures derived from the measurements: rates, ratios and quantiles. */
export function derived(r: SizeResult) {
  const ingestRate = perSecond(r.corpus.files, r.ingest.seconds);
  const insertRate = perSecond(r.insert.reports, r.insert.seconds);
  const quantiles = (times: number[]) => latency(times);
  return {
    readMBps: mbps(r.read.bytes, r.read.seconds),
    parseReportsPerSecond: perSecond(r.parse.reports, r.parse.seconds),
    parseMBps: mbps(r.parse.bytes, r.parse.seconds),
    ingestReportsPerSecond: ingestRate,
    insertReportsPerSecond: insertRate,
    ingestToInsert: ingestRate / insertRate,
    queries: Object.fromEntries([...r.queries].map(([page, times]) => [page, quantiles(times)])) as Record<PageName, Latency>,
    http: r.http
      ? (Object.fromEntries(
          [...r.http].map(([page, t]) => [page, { ttfb: quantiles(t.map((x) => x.ttfbMs)), total: quantiles(t.map((x) => x.totalMs)), errors: t.filter((x) => x.status >= 400).length }]),
        ) as Record<PageName, { ttfb: Latency; total: Latency; errors: number }>)
      : null,
  };
}

export function resultText(r: SizeResult): string {
  const d = derived(r);
  const generated = r.corpus.generatedSeconds === null ? "reused" : `generated in ${num(r.corpus.generatedSeconds)} s`;
  const rss = r.ingest.peakRssMb === null ? "peak RSS unknown" : `peak RSS ${num(r.ingest.peakRssMb)} MB`;
  const failed = r.ingest.exitCode === 0 ? "" : ` (exit code ${r.ingest.exitCode}: some files failed, see the log)`;
  const lines = [
    `== ${sizeLabel(r.size)}: ${r.corpus.files} reports, region ${r.region}, seed ${r.seed} ==`,
    `corpus          ${num(megabytes(r.corpus.bytes))} MB, ${generated}`,
    `read all        ${num(r.read.seconds)} s, ${num(d.readMBps)} MB/s (baseline 1: readFileSync of every file)`,
    `parse, 1 core   ${num(d.parseReportsPerSecond)} reports/s, ${num(d.parseMBps)} MB/s (${r.parse.reports} files sampled)`,
    `ingest CLI      ${num(r.ingest.seconds)} s, ${num(d.ingestReportsPerSecond)} reports/s, ${rss}, database ${num(megabytes(r.ingest.databaseBytes))} MB${failed}`,
    `bare insert     ${num(r.insert.seconds)} s, ${num(d.insertReportsPerSecond)} reports/s (baseline 2: ${num(r.insert.values / r.insert.reports)} values a report, one transaction)`,
    `ingest/insert   ${num(d.ingestToInsert)}× the bare insert's rate`,
    `one new report  CLI ${num(r.incremental.cliSeconds)} s, in-process ${num(r.incremental.inProcessSeconds)} s`,
    "",
    textTable(
      ["queries (in-process)", "runs", "p50 ms", "p95 ms", "max ms"],
      Object.entries(d.queries).map(([page, l]) => [page, String(l.runs), num(l.p50), num(l.p95), num(l.max)]),
    ),
  ];
  if (d.http) {
    const rows = Object.entries(d.http).map(([page, h]) => [page, String(h.ttfb.runs), num(h.ttfb.p50), num(h.ttfb.p95), num(h.total.p50), num(h.total.p95), String(h.errors)]);
    lines.push("", textTable(["HTTP", "runs", "TTFB p50", "TTFB p95", "total p50", "total p95", "errors"], rows));
  }
  return lines.join("\n");
}

/** The figures as one line of JSON, the raw timings left out. */
export function resultJson(r: SizeResult, extra: Record<string, unknown>): string {
  const { queries: _q, http: _h, ...measured } = r;
  return JSON.stringify({ ...extra, ...measured, ...derived(r) });
}
