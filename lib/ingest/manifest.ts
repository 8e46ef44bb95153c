/**
 * The manifest: a CSV a supervising office keeps beside its reports, saying for each file what
 * it knows better than the text (the agency, the year, the region code) and where the file came
 * from. What the manifest says overrides what the parser reads.
 *
 * Columns: file, agency, year, region_code, source_url, published_date (Chinese headers are
 * accepted too). `file` is relative to the manifest's own folder. Empty cells say nothing.
 */
import { resolve } from "node:path";
import Papa from "papaparse";

export interface ManifestEntry {
  agency?: string;
  year?: number;
  regionCode?: string;
  sourceUrl?: string;
  publishedDate?: string;
}

export interface Manifest {
  /** absolute file path → what the manifest says about it */
  entries: Map<string, ManifestEntry>;
  /** one line per problem, `line N: …`; a manifest with problems must not be used */
  problems: string[];
}

type Column = "file" | "agency" | "year" | "region_code" | "source_url" | "published_date";

const HEADER_ALIASES: Record<string, Column> = {
  file: "file",
  path: "file",
  文件: "file",
  agency: "agency",
  机关: "agency",
  year: "year",
  年度: "year",
  region_code: "region_code",
  区划代码: "region_code",
  source_url: "source_url",
  url: "source_url",
  来源网址: "source_url",
  published_date: "published_date",
  发布日期: "published_date",
};

/** Statistical division codes: province 2, city 4, county 6, township 9 digits. */
const REGION_CODE = /^(\d{2}|\d{4}|\d{6}|\d{9})$/;
const DATE = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/;

export function readManifest(csv: string, manifestDir: string): Manifest {
  const parsed = Papa.parse<Partial<Record<Column, string>>>(csv.replace(/^\uFEFF/, ""), {
    header: true,
    skipEmptyLines: "greedy",
    transformHeader: canonicalHeader,
  });
  const problems: string[] = parsed.errors.map((e) => `line ${(e.row ?? 0) + 2}: ${e.message}`);
  if (!parsed.meta.fields?.includes("file")) {
    return { entries: new Map(), problems: ["no `file` column (expected file,agency,year,region_code,source_url,published_date)"] };
  }
  const entries = new Map<string, ManifestEntry>();
  for (const [i, row] of parsed.data.entries()) {
    const line = i + 2; // the header is line 1
    const file = row.file?.trim();
    if (!file) {
      problems.push(`line ${line}: no file name`);
      continue;
    }
    const { entry, errors } = readRow(row);
    problems.push(...errors.map((e) => `line ${line}: ${e}`));
    entries.set(resolve(manifestDir, file), entry);
  }
  return { entries, problems };
}

function canonicalHeader(header: string): string {
  const key = header.trim().toLowerCase().replace(/[\s-]+/g, "_");
  return HEADER_ALIASES[key] ?? key;
}

function readRow(row: Partial<Record<Column, string>>): { entry: ManifestEntry; errors: string[] } {
  const entry: ManifestEntry = {};
  const errors: string[] = [];
  const cell = (column: Column) => row[column]?.trim() || undefined;

  const agency = cell("agency");
  if (agency) entry.agency = agency;

  const year = cell("year");
  if (year) {
    if (/^\d{4}$/.test(year)) entry.year = Number(year);
    else errors.push(`year "${year}" is not a four-digit year`);
  }

  const regionCode = cell("region_code");
  if (regionCode) {
    if (REGION_CODE.test(regionCode)) entry.regionCode = regionCode;
    else errors.push(`region_code "${regionCode}" is not a 2, 4, 6 or 9 digit division code`);
  }

  const sourceUrl = cell("source_url");
  if (sourceUrl) entry.sourceUrl = sourceUrl;

  const published = cell("published_date");
  if (published) {
    const date = DATE.exec(published);
    if (date) entry.publishedDate = `${date[1]}-${date[2].padStart(2, "0")}-${date[3].padStart(2, "0")}`;
    else errors.push(`published_date "${published}" is not a date like 2025-01-20`);
  }
  return { entry, errors };
}

/** True when the manifest states a fact about a file that differs from what is stored for it. */
export function manifestDiffers(entry: ManifestEntry, stored: ManifestEntry): boolean {
  return (Object.keys(entry) as (keyof ManifestEntry)[]).some((fact) => entry[fact] !== stored[fact]);
}
