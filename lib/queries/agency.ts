/**
 * One agency across the years: which years it published (and which not), every figure of each
 * section year beside year, and the findings of each year's report.
 */
import { sql } from "drizzle-orm";
import type { NianbaoDb } from "@/db/client";
import { TEMPLATE_VERSIONS, TEMPLATES, type SectionId } from "@/lib/template/definitions";
import { fieldKey, rowColumns } from "@/lib/template/fields";
import { COVERAGE_LABELS, coverageStatus } from "./coverage";
import { reportHref } from "./links";
import { readFindings, SEVERITY_ORDER, type ReportFinding, type StoredFinding } from "./report";
import type { YearSpan } from "./scope";
import { KIND_LABELS, type Table } from "./tables";

export interface Agency {
  id: number;
  name: string;
  kind: string;
  regionCode: string | null;
  regionName: string | null;
}

export function fetchAgency(db: NianbaoDb, id: number): Agency | undefined {
  return db.get<Agency>(sql`
    SELECT a.id, a.name, a.kind, a.region_code AS regionCode, g.name AS regionName
    FROM agencies a LEFT JOIN regions g ON g.code = a.region_code WHERE a.id = ${id}`);
}

export interface AgencyReport {
  id: number;
  year: number;
  template: string | null;
  parseStatus: string;
  synthetic: boolean;
  errors: number;
  warnings: number;
}

/** The agency's current report of each year it published, oldest first. */
export function fetchAgencyReports(db: NianbaoDb, agencyId: number): AgencyReport[] {
  const rows = db.all<Omit<AgencyReport, "synthetic"> & { synthetic: number }>(sql`
    SELECT r.id, r.year, r.template, r.parse_status AS parseStatus, r.synthetic,
      (SELECT COUNT(*) FROM findings f WHERE f.report_id = r.id AND f.severity = 'error') AS errors,
      (SELECT COUNT(*) FROM findings f WHERE f.report_id = r.id AND f.severity = 'warning') AS warnings
    FROM reports r WHERE r.agency_id = ${agencyId} AND r.current = 1 AND r.year IS NOT NULL
    ORDER BY r.year`);
  return rows.map((row) => ({ ...row, synthetic: row.synthetic === 1 }));
}

/** Each year loaded, with the agency's report of that year or none: the years with no report show. */
export function agencyYearsTable(reports: readonly AgencyReport[], span: YearSpan): Table {
  const byYear = new Map(reports.map((r) => [r.year, r]));
  const years = Array.from({ length: span.last - span.first + 1 }, (_, i) => span.first + i);
  return {
    headers: ["年度", "发布情况", "模板", "错误", "警告", "年报"],
    rows: years.map((year) => {
      const report = byYear.get(year);
      if (!report) return [year, COVERAGE_LABELS.missing, null, null, null, null];
      return [year, COVERAGE_LABELS[coverageStatus(report.errors)], report.template ? `${report.template}年版` : null, report.errors, report.warnings, `查看年报 #${report.id}`];
    }),
    links: years.map((year) => {
      const report = byYear.get(year);
      return report ? [reportHref(report.id), null, null, null, null, reportHref(report.id)] : [];
    }),
  };
}

interface YearValue {
  reportId: number;
  year: number;
  field: string;
  value: number | null;
  line: number | null;
}

/** Every value of the agency's current reports (a few hundred per year). */
export function fetchAgencyValues(db: NianbaoDb, agencyId: number): YearValue[] {
  return db.all<YearValue>(sql`
    SELECT r.id AS reportId, r.year, v.field, v.value, v.line
    FROM reports r JOIN report_values v ON v.report_id = r.id
    WHERE r.agency_id = ${agencyId} AND r.current = 1 AND r.year IS NOT NULL`);
}

export const SECTIONS: readonly { id: SectionId; title: string }[] = [
  { id: "proactive", title: "主动公开（逐年）" },
  { id: "requests", title: "依申请公开（逐年，各项总计）" },
  { id: "reviews", title: "行政复议、行政诉讼（逐年）" },
];

interface SectionRow {
  field: string;
  label: string;
}

/**
 * The rows a section shows year beside year, in the newer template's order and words (the older
 * template's own rows after them): every cell of the proactive and review tables, and the 总计
 * column of the request table (its six applicant columns are on each report's page).
 */
export function sectionRows(section: SectionId): SectionRow[] {
  const rows = new Map<string, string>();
  for (const version of [...TEMPLATE_VERSIONS].reverse()) {
    for (const table of TEMPLATES[version].tables.filter((t) => t.section === section)) {
      for (const row of table.rows) {
        for (const column of rowColumns(table, row)) {
          if (section === "requests" && column.id !== "total") continue;
          // "3.其他" alone could be any group's third item
          const label = section === "requests" ? `${/^\d/.test(row.label) && row.group ? row.group : ""}${row.label}` : `${row.label} / ${column.label}`;
          if (!rows.has(fieldKey(row, column))) rows.set(fieldKey(row, column), label);
        }
      }
    }
  }
  return [...rows].map(([field, label]) => ({ field, label }));
}

/** One section: a row per figure the agency ever reported, a column per year, each value leading to its source line. */
export function sectionYearsTable(section: SectionId, values: readonly YearValue[], years: readonly number[]): Table {
  const byKey = new Map(values.map((v) => [`${v.field}@${v.year}`, v]));
  const rows = sectionRows(section).filter((row) => years.some((year) => byKey.has(`${row.field}@${year}`)));
  return {
    headers: ["项目", ...years.map((year) => `${year}年`)],
    rows: rows.map((row) => [row.label, ...years.map((year) => byKey.get(`${row.field}@${year}`)?.value ?? null)]),
    links: rows.map((row) => [
      null,
      ...years.map((year) => {
        const v = byKey.get(`${row.field}@${year}`);
        return v ? reportHref(v.reportId, v.line) : null;
      }),
    ]),
  };
}

/** The findings of the agency's current reports, year by year. */
export function fetchAgencyFindings(db: NianbaoDb, agencyId: number): (ReportFinding & { year: number })[] {
  return readFindings(
    db.all<StoredFinding & { year: number }>(sql`
      SELECT f.id, f.report_id AS reportId, f.rule, f.severity, f.message, f.fields, f.line, r.year
      FROM reports r JOIN findings f ON f.report_id = r.id
      WHERE r.agency_id = ${agencyId} AND r.current = 1
      ORDER BY r.year, ${SEVERITY_ORDER}, f.line, f.id`),
  );
}

export function agencyKindLabel(kind: string): string {
  return KIND_LABELS[kind] ?? kind;
}
