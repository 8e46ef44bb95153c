/** One report: its facts, its values with the source line each was read from, and its findings. */
import { sql } from "drizzle-orm";
import type { NianbaoDb } from "@/db/client";
import type { TemplateVersion } from "@/lib/template/definitions";

export interface ReportHead {
  id: number;
  agencyId: number | null;
  agencyName: string | null;
  year: number | null;
  regionCode: string | null;
  regionPath: string | null;
  template: TemplateVersion | null;
  /** ok | partial | empty */
  parseStatus: string;
  current: boolean;
  synthetic: boolean;
  sourcePath: string;
  sourceUrl: string | null;
  publishedDate: string | null;
  proactiveItems: number | null;
  proactiveItemsLine: number | null;
  requestsReceived: number | null;
  requestsReceivedLine: number | null;
  sourceText: string;
}

export function fetchReportHead(db: NianbaoDb, id: number): ReportHead | undefined {
  const row = db.get<Omit<ReportHead, "current" | "synthetic"> & { current: number; synthetic: number }>(sql`
    SELECT r.id, r.agency_id AS agencyId, a.name AS agencyName, r.year, r.region_code AS regionCode, g.path AS regionPath,
      r.template, r.parse_status AS parseStatus, r.current, r.synthetic, r.source_path AS sourcePath,
      r.source_url AS sourceUrl, r.published_date AS publishedDate,
      r.proactive_items AS proactiveItems, r.proactive_items_line AS proactiveItemsLine,
      r.requests_received AS requestsReceived, r.requests_received_line AS requestsReceivedLine,
      r.source_text AS sourceText
    FROM reports r LEFT JOIN agencies a ON a.id = r.agency_id LEFT JOIN regions g ON g.code = r.region_code
    WHERE r.id = ${id}`);
  return row && { ...row, current: row.current === 1, synthetic: row.synthetic === 1 };
}

export interface TracedValue {
  value: number | null;
  /** 1-based line of the source text; null when the parser could not tell */
  line: number | null;
}

/** field → its value and source line */
export function fetchReportValues(db: NianbaoDb, id: number): Map<string, TracedValue> {
  const rows = db.all<TracedValue & { field: string }>(sql`SELECT field, value, line FROM report_values WHERE report_id = ${id}`);
  return new Map(rows.map(({ field, ...traced }) => [field, traced]));
}

export interface ReportFinding {
  id: number;
  reportId: number;
  rule: string;
  /** error | warning | info */
  severity: string;
  message: string;
  /** the field keys it concerns */
  fields: string[];
  line: number | null;
}

export interface StoredFinding extends Omit<ReportFinding, "fields"> {
  fields: string | null;
}

/** Findings are stored with their fields as a JSON array; callers get the array. */
export function readFindings<T extends StoredFinding>(rows: readonly T[]): (Omit<T, "fields"> & { fields: string[] })[] {
  return rows.map((row) => ({ ...row, fields: row.fields ? (JSON.parse(row.fields) as string[]) : [] }));
}

/** errors first, then warnings, then notes (on `findings f`) */
export const SEVERITY_ORDER = sql`CASE f.severity WHEN 'error' THEN 0 WHEN 'warning' THEN 1 ELSE 2 END`;

export function fetchReportFindings(db: NianbaoDb, id: number): ReportFinding[] {
  return readFindings(
    db.all<StoredFinding>(sql`
      SELECT f.id, f.report_id AS reportId, f.rule, f.severity, f.message, f.fields, f.line
      FROM findings f WHERE f.report_id = ${id} ORDER BY ${SEVERITY_ORDER}, f.line, f.id`),
  );
}

export interface ReportVersion {
  id: number;
  current: boolean;
  sourcePath: string;
  ingestedAt: string;
}

/** Every stored version of the agency's report for the year, newest first (a revision replaces the one before). */
export function fetchReportVersions(db: NianbaoDb, report: Pick<ReportHead, "agencyId" | "year">): ReportVersion[] {
  if (report.agencyId === null || report.year === null) return [];
  const rows = db.all<Omit<ReportVersion, "current"> & { current: number }>(sql`
    SELECT id, current, source_path AS sourcePath, ingested_at AS ingestedAt
    FROM reports WHERE agency_id = ${report.agencyId} AND year = ${report.year} ORDER BY id DESC`);
  return rows.map((row) => ({ ...row, current: row.current === 1 }));
}
