/**
 * The manifest: a CSV a supervising office keeps beside its reports, saying for each file what
 * it knows better than the text (the agency, the year, the region code) and where the file came
 * from. What the manifest says overrides what the parser reads.
 *
 * Columns: file, agency, year, region_code, source_url, published_date (Chinese headers are
 * accepted too). `file` is relative to the manifest's own folder. Empty cells say nothing.
 *
 * A manifest is typed by hand, so it is read row by row: a row that cannot be trusted (a bad
 * year or code, cells out of line with the header, the same file listed twice with different
 * facts) keeps its file from being stored with facts nobody checked, and spoils no other row.
 */
import { resolve } from "node:path";
import Papa from "papaparse";
import { regionByCode } from "../regions/gazetteer";

export interface ManifestEntry {
  agency?: string;
  year?: number;
  regionCode?: string;
  sourceUrl?: string;
  publishedDate?: string;
}

export interface ManifestRow {
  /** line of the CSV the row is on (the header is line 1) */
  line: number;
  facts: ManifestEntry;
  /** why the row cannot be used (`line 3: year "2022H1" is not a four-digit year`): its file is not stored */
  problem?: string;
}

export interface Manifest {
  /** absolute file path → its row */
  rows: Map<string, ManifestRow>;
  /** what is wrong beyond any one file's row: a row that names no file, a broken quote, no `file` column */
  problems: string[];
  /** header cells that are no column the ingest reads (notes, a misspelt `yaer`): said, not an error */
  unusedColumns: string[];
}

type Column = "file" | "agency" | "year" | "region_code" | "source_url" | "published_date";

const COLUMNS: readonly Column[] = ["file", "agency", "year", "region_code", "source_url", "published_date"];

const HEADER_ALIASES: Record<string, Column> = {
  path: "file",
  文件: "file",
  机关: "agency",
  年度: "year",
  区划代码: "region_code",
  url: "source_url",
  来源网址: "source_url",
  发布日期: "published_date",
};

/** Statistical division codes: province 2, city 4, county 6, township 9 digits. */
const REGION_CODE = /^(\d{2}|\d{4}|\d{6}|\d{9})$/;
const DATE = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/;

type Cells = Partial<Record<Column, string>>;

export function readManifest(csv: string, manifestDir: string): Manifest {
  const parsed = Papa.parse<Cells>(csv.replace(/^\uFEFF/, ""), { header: true, skipEmptyLines: "greedy", transformHeader: canonicalHeader });
  const fields = parsed.meta.fields ?? [];
  const unusedColumns = fields.filter((f) => !(COLUMNS as readonly string[]).includes(f));
  if (!fields.includes("file")) {
    return { rows: new Map(), problems: [`no \`file\` column (expected ${COLUMNS.join(",")})`], unusedColumns };
  }
  const rowErrors = new Map<number, string>();
  const problems: string[] = [];
  for (const e of parsed.errors) {
    if (e.row !== undefined && e.row < parsed.data.length) rowErrors.set(e.row, cellCountProblem(e, fields.length) ?? e.message);
    else problems.push(`line ${lineOf(e.row ?? parsed.data.length)}: ${e.message}`);
  }

  const rows = new Map<string, ManifestRow>();
  for (const [i, cells] of parsed.data.entries()) {
    const line = lineOf(i);
    const file = cells.file?.trim();
    if (!file) {
      problems.push(`line ${line}: no file name`);
      continue;
    }
    const { facts, errors } = readFacts(cells);
    const rowError = rowErrors.get(i);
    const row = rowProblem({ line, facts }, rowError ? [rowError, ...errors] : errors);
    const path = resolve(manifestDir, file);
    rows.set(path, merged(rows.get(path), row));
  }
  return { rows, problems, unusedColumns };
}

/** Line of the i-th data row: the header is line 1 (a quoted cell spanning lines is not counted). */
function lineOf(index: number): number {
  return index + 2;
}

function canonicalHeader(header: string): string {
  const key = header.trim().toLowerCase().replace(/[\s-]+/g, "_");
  return HEADER_ALIASES[key] ?? key;
}

/** A row with more or fewer cells than the header has its cells under the wrong columns. */
function cellCountProblem(error: Papa.ParseError, columns: number): string | null {
  if (error.code !== "TooFewFields" && error.code !== "TooManyFields") return null;
  const found = /parsed (\d+)/.exec(error.message)?.[1] ?? "?";
  return `${found} cells where the header has ${columns} (a comma inside an unquoted cell?)`;
}

function rowProblem(row: ManifestRow, errors: readonly string[]): ManifestRow {
  return errors.length === 0 ? row : { ...row, problem: `line ${row.line}: ${errors.join("; ")}` };
}

/** The same file listed again: harmless when the rows agree, a problem for the file when they do not. */
function merged(first: ManifestRow | undefined, again: ManifestRow): ManifestRow {
  if (!first) return again;
  if (first.problem || again.problem) return { ...first, problem: [first.problem, again.problem].filter(Boolean).join("; ") };
  if (sameFacts(first.facts, again.facts)) return first;
  return { ...first, problem: `lines ${first.line} and ${again.line} list the file with different facts` };
}

function readFacts(cells: Cells): { facts: ManifestEntry; errors: string[] } {
  const facts: ManifestEntry = {};
  const errors: string[] = [];
  const cell = (column: Column) => cells[column]?.trim() || undefined;

  const agency = cell("agency");
  if (agency) facts.agency = agency;

  const year = cell("year");
  if (year) {
    if (/^\d{4}$/.test(year)) facts.year = Number(year);
    else errors.push(`year "${year}" is not a four-digit year`);
  }

  const regionCode = cell("region_code");
  if (regionCode) {
    if (!REGION_CODE.test(regionCode)) errors.push(`region_code "${regionCode}" is not a 2, 4, 6 or 9 digit division code`);
    else if (!regionByCode(regionCode)) errors.push(`region_code "${regionCode}" is no division of the gazetteer`);
    else facts.regionCode = regionCode;
  }

  const sourceUrl = cell("source_url");
  if (sourceUrl) facts.sourceUrl = sourceUrl;

  const published = cell("published_date");
  if (published) {
    const date = DATE.exec(published);
    if (date) facts.publishedDate = `${date[1]}-${date[2].padStart(2, "0")}-${date[3].padStart(2, "0")}`;
    else errors.push(`published_date "${published}" is not a date like 2025-01-20`);
  }
  return { facts, errors };
}

function sameFacts(a: ManifestEntry, b: ManifestEntry): boolean {
  return !manifestDiffers(a, b) && !manifestDiffers(b, a);
}

/** True when the manifest states a fact about a file that differs from what is stored for it. */
export function manifestDiffers(entry: ManifestEntry, stored: ManifestEntry): boolean {
  return (Object.keys(entry) as (keyof ManifestEntry)[]).some((fact) => entry[fact] !== stored[fact]);
}
