/**
 * One query shape behind every figure: sum measures over the reports of a scope, grouped by year,
 * by agency or not at all. Reports are first folded to one row each (their measures side by side),
 * then those rows are summed, so a narrative figure or a finding count is never counted once per
 * value row of its report.
 */
import { sql, type SQL } from "drizzle-orm";
import type { NianbaoDb } from "@/db/client";
import { figureColumn, type Measure } from "./measures";
import { perReportValue, valueFields } from "./per-report";
import { inScope, inYearsAndRegion, type Scope } from "./scope";
import { aggregateFromTotals } from "./totals";

/** regionPrefix: by the first n digits of the region code (a region's children: 2, 4, 6 or 9) */
export type Grouping = "year" | "agency" | "all" | { regionPrefix: number };

export interface AggregateRow {
  /** the year, the agency id or the region code prefix; null when not grouped */
  group: number | string | null;
  reports: number;
  agencies: number;
  syntheticReports: number;
  /** measure key → sum; null when no report of the group has the figure */
  values: Record<string, number | null>;
}

function groupBy(grouping: Grouping): SQL | null {
  if (typeof grouping === "object") return sql`substr(region_code, 1, ${grouping.regionPrefix})`;
  return { year: sql`year`, agency: sql`agency_id`, all: null }[grouping];
}

/** One row per report of the scope with its measures as `columns`, read from its value rows. */
function fromValues(scope: Scope, measures: readonly Measure[], columns: SQL[], narrower?: SQL): SQL {
  const fields = valueFields(measures);
  // no cells to read (counts of reports, narrative figures, findings): no join; an empty
  // "v.field IN ()" would leave SQLite scanning every value row of every report
  const values = fields.length > 0 ? sql` LEFT JOIN report_values v ON v.report_id = r.id AND v.field IN ${fields}` : sql``;
  return sql`
    SELECT r.id, r.year, r.agency_id, r.region_code, r.synthetic${sql.join(measures.map((m, i) => sql`, ${perReport(m)} AS ${columns[i]}`))}
    FROM reports r${values}
    WHERE ${inScope(scope)}${narrower ? sql` AND ${narrower}` : sql``}
    GROUP BY r.id`;
}

/** A measure report_figures holds, or a count of findings (read beside it). */
const keptPerReport = (measure: Measure) => "findings" in measure.source || figureColumn(measure) !== undefined;

/** The same rows read from report_figures: one row per report, no value rows. */
function fromFigures(scope: Scope, measures: readonly Measure[], columns: SQL[], narrower?: SQL): SQL {
  const figure = (m: Measure) => (figureColumn(m) ? sql`r.${sql.identifier(figureColumn(m)!)}` : findingCount(m, sql`r.report_id`));
  return sql`
    SELECT r.report_id AS id, r.year, r.agency_id, r.region_code, r.synthetic${sql.join(measures.map((m, i) => sql`, ${figure(m)} AS ${columns[i]}`))}
    FROM report_figures r
    WHERE ${inYearsAndRegion(scope)}${narrower ? sql` AND ${narrower}` : sql``}`;
}

/** The figure of one report, inside a query grouped by report. */
function perReport(measure: Measure): SQL {
  return perReportValue(measure) ?? findingCount(measure, sql`r.id`);
}

/** A count-of-findings measure's figure for the report whose id is `reportId`. */
function findingCount(measure: Measure, reportId: SQL): SQL {
  const severity = "findings" in measure.source ? measure.source.findings : null;
  return sql`(SELECT COUNT(*) FROM findings f WHERE f.report_id = ${reportId} AND f.severity = ${severity})`;
}

/**
 * A whole region (or the country) is read from the region totals, a few rows per year; one
 * agency's reports, or a region's split by agency, from the reports themselves.
 */
export function aggregate(db: NianbaoDb, scope: Scope, measures: readonly Measure[], grouping: Grouping): AggregateRow[] {
  if (scope.agencyId === undefined && grouping !== "agency") return aggregateFromTotals(db, scope, measures, grouping);
  return aggregateFromReports(db, scope, measures, grouping);
}

/**
 * The same figures summed over the scope's reports; `narrower`: a further condition on them (r).
 * Each report is read from its row of report_figures when that holds every measure asked for,
 * else from its value rows.
 */
export function aggregateFromReports(db: NianbaoDb, scope: Scope, measures: readonly Measure[], grouping: Grouping, narrower?: SQL): AggregateRow[] {
  const columns = measures.map((m, i) => sql.raw(`m${i}`));
  const group = groupBy(grouping);
  const reports = measures.every(keptPerReport) ? fromFigures(scope, measures, columns, narrower) : fromValues(scope, measures, columns, narrower);

  // sums of 万元 amounts carry binary noise (0.1 + 0.2 ≠ 0.3); four decimals of 万元 is one 元.
  // Rows come as arrays: a country split by agency is tens of thousands of them.
  const rows = db.values<[number | string | null, number, number, number, ...(number | null)[]]>(sql`
    SELECT ${group ?? sql`NULL`} AS grp, COUNT(*) AS reports, COUNT(DISTINCT agency_id) AS agencies,
      COALESCE(SUM(synthetic), 0) AS synthetic${sql.join(columns.map((c) => sql`, ROUND(SUM(${c}), 4) AS ${c}`))}
    FROM (${reports})
    ${group ? sql`GROUP BY ${group} ORDER BY ${group}` : sql``}`);

  return rows.map(([group, reports, agencies, syntheticReports, ...sums]) => ({
    group,
    reports,
    agencies,
    syntheticReports,
    values: Object.fromEntries(measures.map((m, i) => [m.key, sums[i]])),
  }));
}
