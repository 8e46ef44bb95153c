/**
 * parseReport: bytes of one report file → the parse contract (see ../shared/spec/README.md).
 * Pure: no I/O, no database. Composition only; each step lives in its own module:
 * decode → (render HTML) → normalize → cells → sections → template → tables → checks.
 */
import { runChecks, type TableFacts } from "../checks";
import { regionByCode } from "../regions/gazetteer";
import { resolveRegion } from "../regions/resolve";
import { TEMPLATES, templateForYear, type TableDef, type TemplateVersion } from "../template/definitions";
import { fieldsOf } from "../template/fields";
import { tokenizeLines, type Cell, type TextCell } from "./cells";
import { decodeBytes } from "./decode";
import { isHtml, renderHtml } from "./html";
import { readMetadata } from "./metadata";
import { readNarrative } from "./narrative";
import { normalizeText } from "./normalize";
import { findSections, type Section } from "./sections";
import { emptyReading, readTable, type TableReading } from "./tables";
import { templateOfTables } from "./template";
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

/** The template most reports of unknown year follow, for the keys of a report without tables. */
const CURRENT_TEMPLATE: TemplateVersion = "2021";

interface SectionTable {
  table: TableDef;
  section: Section;
  reading: TableReading;
}

function cellsIn(cells: readonly Cell[], section: Section): Cell[] {
  return cells.filter((cell) => cell.offset >= section.start && cell.offset < section.end);
}

function readTables(version: TemplateVersion, cells: readonly Cell[], sections: readonly Section[]): SectionTable[] {
  return TEMPLATES[version].tables.flatMap((table) => {
    const section = sections.find((s) => s.id === table.section);
    return section ? [{ table, section, reading: readTable(table, cellsIn(cells, section)) }] : [];
  });
}

/** What a table's reading says about the table as a whole, for table.missing and table.truncated. */
function tableFacts({ table, section, reading }: SectionTable): TableFacts {
  const facts = { section: table.section, line: section.line };
  if (reading.rowsRead.length === 0) return { ...facts, state: section.closed ? "missing" : "truncated" };
  const whole = reading.rowsRead.length === table.rows.length && reading.lastRowComplete;
  if (section.closed || whole) return { ...facts, state: "complete" };
  const lastRow = reading.rowsRead[reading.rowsRead.length - 1];
  const lastKey = Object.keys(reading.provenance).find((key) => key.startsWith(`${lastRow.stem}.`));
  return { ...facts, state: "truncated", lastRow: lastRow.label, lastRowLine: lastKey ? reading.provenance[lastKey] : undefined };
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

  const cells = tokenizeLines(lines);
  const sections = findSections(lines);
  const tableText = sections.flatMap((s) => cellsIn(cells, s)).filter((c): c is TextCell => c.kind === "text");
  const yearTemplate = year === null ? null : templateForYear(year);
  const marked = templateOfTables(tableText);
  const tables = readTables(marked ?? yearTemplate ?? CURRENT_TEMPLATE, cells, sections);
  const hasTables = tables.some((t) => t.reading.rowsRead.length > 0);
  // tables that look alike in both templates follow the one the year prescribes
  const template = marked ?? (hasTables ? yearTemplate : null);

  const values: Record<string, number | null> = {};
  for (const field of fieldsOf(template ?? yearTemplate ?? CURRENT_TEMPLATE)) values[field.key] = null;
  const merged = tables.reduce((all, t) => mergeReadings(all, t.reading), emptyReading());
  for (const [key, value] of Object.entries(merged.values)) if (key in values) values[key] = value;

  const findings = runChecks({
    template,
    year,
    values,
    provenance: merged.provenance,
    tables: tables.map(tableFacts),
    blank: merged.blank,
    ambiguous: merged.ambiguous,
    narrative,
    narrativeProvenance,
  });

  return {
    agency,
    year,
    template,
    region,
    values,
    narrative,
    findings,
    provenance: merged.provenance,
    narrativeProvenance,
    sourceText,
    encoding: decoded.encoding,
  };
}

function mergeReadings(a: TableReading, b: TableReading): TableReading {
  return {
    values: { ...a.values, ...b.values },
    provenance: { ...a.provenance, ...b.provenance },
    rowsRead: [...a.rowsRead, ...b.rowsRead],
    blank: [...a.blank, ...b.blank],
    ambiguous: [...a.ambiguous, ...b.ambiguous],
    lastRowComplete: b.lastRowComplete,
  };
}
