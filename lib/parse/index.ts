/**
 * parseReport: bytes of one report file → the parse contract (see ../shared/spec/README.md).
 * Pure: no I/O, no database. Composition only; each step lives in its own module:
 * decode → (render HTML) → normalize → metadata, narrative, tables, document kind → checks.
 */
import { runChecks } from "../checks";
import { regionByCode } from "../regions/gazetteer";
import { resolveRegion } from "../regions/resolve";
import { decodeBytes } from "./decode";
import { readDocument } from "./document";
import { isHtml, renderHtml } from "./html";
import { readMetadata } from "./metadata";
import { readNarrative } from "./narrative";
import { normalizeText } from "./normalize";
import { readReportTables } from "./report-tables";
import type { ParsedReport, RegionRef } from "./types";

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

function hintedRegion(code: string | null | undefined): RegionRef | null | undefined {
  if (code === undefined) return undefined;
  const region = code === null ? undefined : regionByCode(code);
  return region ? { code: region.code, path: region.path } : null;
}

export function parseReport(input: ParseInput): ParseResult {
  const decoded = decodeBytes(input.bytes);
  const text = decoded.text.replace(/\r\n?/g, "\n");
  const sourceText = isHtml(input.fileName, text) ? renderHtml(text) : text;
  const lines = normalizeText(sourceText).split("\n");
  const hints = input.hints ?? {};

  const metadata = readMetadata(lines);
  const agency = hints.agency !== undefined ? hints.agency : metadata.agency;
  const year = hints.year !== undefined ? hints.year : metadata.year;
  const region = hintedRegion(hints.regionCode) ?? (hints.regionCode === undefined ? resolveRegion(agency, lines) : null);
  const { narrative, provenance: narrativeProvenance } = readNarrative(lines);

  const tables = readReportTables(lines, year);
  const findings = runChecks({
    template: tables.template,
    year,
    values: tables.values,
    provenance: tables.provenance,
    tables: tables.facts,
    blank: tables.blank,
    ambiguous: tables.ambiguous,
    unplaced: tables.unplaced,
    narrative,
    narrativeProvenance,
    document: readDocument(lines, tables.template !== null),
  });

  return {
    agency,
    year,
    template: tables.template,
    region,
    values: tables.values,
    narrative,
    findings,
    provenance: tables.provenance,
    narrativeProvenance,
    sourceText,
    encoding: decoded.encoding,
  };
}
