/**
 * The parse of one file as the ingest does it: the parser, the anomaly rules of one report, and
 * the digest of its narrative that the cross-report pass compares. Pure, so it runs on a worker
 * thread (db/parse-worker.ts) as well as inline.
 */
import { reportDocument, withReportAnomalies } from "../anomalies/engine";
import { digestOf, narrativeOf, type NarrativeDigest } from "../anomalies/text/narrative";
import { parseReport, type ParseResult } from "../parse/index";
import type { ManifestRow } from "./manifest";

/** A file read, screened and hashed, not yet stored: to be parsed, then stored. */
export interface ParseJob {
  file: string;
  /** the path as shown to people */
  path: string;
  bytes: Uint8Array;
  sha256: string;
  /** what the manifest says about the file */
  facts: ManifestRow["facts"];
}

/** What the parser made of a job: the report, or why it could not (already worded for the summary). */
export type ParseOutcome = { parsed: ParseResult; narrative: NarrativeDigest } | { error: string };

export function parseJob(job: Pick<ParseJob, "file" | "bytes" | "facts">): ParseOutcome {
  const hints = { agency: job.facts.agency, year: job.facts.year, regionCode: job.facts.regionCode };
  try {
    const report = parseReport({ fileName: job.file, bytes: job.bytes, hints });
    // the parser checks the tables; the anomaly rules of one report run beside its checks, on
    // the normalized lines the narrative's digest is cut from too
    const doc = reportDocument(report);
    return { parsed: withReportAnomalies(report, doc), narrative: digestOf(narrativeOf(doc.lines)) };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { error: `解析出错:${message.split("\n")[0].trim()}` };
  }
}
