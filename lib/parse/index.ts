/**
 * parseReport: bytes of one report file → the parse contract (see ../shared/spec/README.md).
 * Pure: no I/O, no database. Composition only; each step lives in its own module.
 *
 * OWNERSHIP NOTE (remove when the parser lands): this is a stub with the agreed signature.
 */
import type { ParsedReport } from "./types";

/** What a manifest (or the caller) already knows about a file; it overrides the text. */
export interface ReportHints {
  agency?: string | null;
  year?: number | null;
  regionCode?: string | null;
}

export interface ParseInput {
  /** the file name or path, for the format (.html/.htm vs text) and messages */
  fileName: string;
  bytes: Uint8Array;
  hints?: ReportHints;
}

export interface ParseResult extends ParsedReport {
  /** the decoded, human-readable source text; provenance line numbers index its lines (1-based) */
  sourceText: string;
  encoding: string;
}

export function parseReport(_input: ParseInput): ParseResult {
  throw new Error("parseReport: not implemented yet");
}
