/**
 * The database, as plain drizzle tables. Migrations in `db/migrations` are generated from
 * this file by drizzle-kit (`npm run db:generate`) and applied by the ingest.
 *
 * Shape of the figures: one row per (report, field) in `report_values`, narrow and long.
 * A report's year, region code and "current" flag live on `reports`, indexed together, so
 * "sum field F over region R and years Y1..Y2" is one indexed join:
 *   reports (current, region_code range, year) → report_values (report_id, field).
 * Region codes are strings whose prefixes are their ancestors (61 ⊃ 6107 ⊃ 610728 ⊃
 * 610728116), so a region and everything under it is the range [code, code + "~").
 */
import { sql } from "drizzle-orm";
import { blob, index, integer, primaryKey, real, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";

/** The National Bureau of Statistics gazetteer, province → township, loaded once. */
export const regions = sqliteTable(
  "regions",
  {
    code: text("code").primaryKey(),
    name: text("name").notNull(),
    /** 1 province, 2 city, 3 county, 4 township */
    level: integer("level").notNull(),
    parentCode: text("parent_code"),
    /** names from the province down, joined by "/" (placeholders 市辖区 / 县 left out) */
    path: text("path").notNull(),
  },
  (t) => [index("regions_parent").on(t.parentCode), index("regions_name").on(t.name)],
);

export const agencies = sqliteTable(
  "agencies",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    name: text("name").notNull(),
    /** the agency's area; null when the report does not tell it apart */
    regionCode: text("region_code"),
    /** township | county | city | province | department | other */
    kind: text("kind").notNull(),
  },
  (t) => [uniqueIndex("agencies_name_region").on(t.name, t.regionCode), index("agencies_region").on(t.regionCode, t.name)],
);

export const reports = sqliteTable(
  "reports",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    agencyId: integer("agency_id").references(() => agencies.id),
    year: integer("year"),
    /** copied from the agency so region sums need no second join */
    regionCode: text("region_code"),
    template: text("template"),
    sourcePath: text("source_path").notNull(),
    sha256: text("sha256").notNull(),
    /** ok: every table read and consistent; partial: read with gaps or findings; empty: no tables */
    parseStatus: text("parse_status").notNull(),
    /** the one report shown for its agency and year; older versions stay for the record */
    current: integer("current", { mode: "boolean" }).notNull().default(true),
    synthetic: integer("synthetic", { mode: "boolean" }).notNull().default(false),
    sourceUrl: text("source_url"),
    publishedDate: text("published_date"),
    proactiveItems: integer("proactive_items"),
    /** source line of 主动公开政府信息N条 */
    proactiveItemsLine: integer("proactive_items_line"),
    requestsReceived: integer("requests_received"),
    /** source line of 收到政府信息公开申请N件 */
    requestsReceivedLine: integer("requests_received_line"),
    /** how the file's bytes were decoded (utf-8, gb18030) */
    encoding: text("encoding"),
    /** the decoded source text, so every number can be shown beside the line it came from */
    sourceText: text("source_text").notNull(),
    ingestedAt: text("ingested_at").notNull().default(sql`(datetime('now'))`),
  },
  (t) => [
    index("reports_scope").on(t.current, t.regionCode, t.year),
    index("reports_agency_year").on(t.agencyId, t.year),
    uniqueIndex("reports_current_agency_year").on(t.agencyId, t.year).where(sql`${t.current} = 1`),
    index("reports_sha").on(t.sha256),
    index("reports_path").on(t.sourcePath),
  ],
);

/** Stored WITHOUT ROWID (migration 0006, which drizzle cannot express): the key is the table. */
export const reportValues = sqliteTable(
  "report_values",
  {
    reportId: integer("report_id")
      .notNull()
      .references(() => reports.id, { onDelete: "cascade" }),
    field: text("field").notNull(),
    /** null: the report has the cell but it holds no number */
    value: real("value"),
    /** 1-based line of the source text the value was read from */
    line: integer("line"),
  },
  (t) => [primaryKey({ columns: [t.reportId, t.field] })],
);

/**
 * Each report's narrative digest (lib/anomalies/text/narrative.ts), made when it is parsed: the
 * cross-report pass finds the reports of a province-year that may share their text from these
 * few hundred bytes each, and reads the text of those alone. A report without a row (stored
 * before the table existed) gets one the first time the pass needs it.
 */
export const reportNarratives = sqliteTable("report_narratives", {
  reportId: integer("report_id")
    .primaryKey()
    .references(() => reports.id, { onDelete: "cascade" }),
  /** MinHash signature, 64 little-endian uint32; null when the narrative has no wording */
  signature: blob("signature", { mode: "buffer" }),
  /** characters of wording in sections 一 and 五 */
  length: integer("length").notNull(),
});

/**
 * Each current report's main figures on one row (lib/queries/measures.ts REPORT_FIGURES says
 * which cells make each column): what a table split by agency reads, one row per report
 * instead of one value row per field; ranking the whole country's 81k agencies read 244k value
 * rows. Kept with the region totals (db/aggregates.ts), in the same transactions.
 */
export const reportFigures = sqliteTable(
  "report_figures",
  {
    reportId: integer("report_id")
      .primaryKey()
      .references(() => reports.id, { onDelete: "cascade" }),
    agencyId: integer("agency_id"),
    regionCode: text("region_code"),
    year: integer("year").notNull(),
    synthetic: integer("synthetic").notNull(),
    received: real("received"),
    handled: real("handled"),
    granted: real("granted"),
    denied: real("denied"),
    proactiveItems: real("proactive_items"),
    licensing: real("licensing"),
    penalty: real("penalty"),
    reviews: real("reviews"),
    reviewsCorrected: real("reviews_corrected"),
    lawsuits: real("lawsuits"),
    lawsuitsCorrected: real("lawsuits_corrected"),
  },
  (t) => [index("report_figures_scope").on(t.year, t.regionCode), index("report_figures_agency").on(t.agencyId, t.year)],
);

export const findings = sqliteTable(
  "findings",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    reportId: integer("report_id")
      .notNull()
      .references(() => reports.id, { onDelete: "cascade" }),
    rule: text("rule").notNull(),
    severity: text("severity").notNull(),
    message: text("message").notNull(),
    /** JSON array of the field keys concerned */
    fields: text("fields"),
    line: integer("line"),
    /**
     * report: found in the report alone, at ingest (the parser's checks and lib/anomalies' report
     * rules); cross: found by comparing it with other reports, recomputed after each ingest
     */
    scope: text("scope").notNull().default("report"),
    /** cross findings: JSON of lib/anomalies Evidence (related report ids, similarity, history, peers) */
    evidence: text("evidence"),
  },
  (t) => [index("findings_report").on(t.reportId), index("findings_rule").on(t.rule)],
);

/*
 * Pre-aggregates: what the pages sum over a whole region, kept per region and year so a
 * province or the whole country is read from a handful of rows, not a million reports. Every
 * region code is counted under itself and each of its ancestors (61, 6107, 610728, 610728116)
 * and under "" (the whole country, reports of unknown region included). Only current reports
 * with a year count. db/aggregates.ts keeps them in step with `reports` inside the transaction
 * that changes a report or its findings; db/README.md says how, and how they are checked.
 */

/** Per region, year and field: the sum over current reports, and how many of them have a number there. WITHOUT ROWID, as report_values. */
export const regionFieldTotals = sqliteTable(
  "region_field_totals",
  {
    /** "" the whole country */
    regionCode: text("region_code").notNull(),
    year: integer("year").notNull(),
    /** a report_values field, or `narrative.proactiveItems` (reports.proactive_items) */
    field: text("field").notNull(),
    total: real("total").notNull().default(0),
    /** current reports with a number in the field: 0 means the sum is "none", not 0 */
    reports: integer("reports").notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.regionCode, t.year, t.field] })],
);

/** Per region and year: current reports, how many are synthetic, and their error and warning findings. */
export const regionYearTotals = sqliteTable(
  "region_year_totals",
  {
    regionCode: text("region_code").notNull(),
    year: integer("year").notNull(),
    reports: integer("reports").notNull().default(0),
    synthetic: integer("synthetic").notNull().default(0),
    errors: integer("errors").notNull().default(0),
    warnings: integer("warnings").notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.regionCode, t.year] })],
);

/**
 * Agencies with a current report, per region, year and the agency's previous year with one (0:
 * none). Distinct agencies over years F..T are then a sum: those with a report in a year Y of
 * F..T whose previous report is before F, i.e. counted once, at their first year in the range.
 */
export const regionAgencyYears = sqliteTable(
  "region_agency_years",
  {
    regionCode: text("region_code").notNull(),
    year: integer("year").notNull(),
    previousYear: integer("previous_year").notNull(),
    agencies: integer("agencies").notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.regionCode, t.year, t.previousYear] })],
);

export const ingestRuns = sqliteTable("ingest_runs", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  startedAt: text("started_at").notNull(),
  finishedAt: text("finished_at"),
  filesSeen: integer("files_seen").notNull().default(0),
  ingested: integer("ingested").notNull().default(0),
  updated: integer("updated").notNull().default(0),
  unchanged: integer("unchanged").notNull().default(0),
  /** files read but turned away as not annual reports (near misses) */
  declined: integer("declined").notNull().default(0),
  failed: integer("failed").notNull().default(0),
});

export const ingestFailures = sqliteTable(
  "ingest_failures",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    runId: integer("run_id")
      .notNull()
      .references(() => ingestRuns.id, { onDelete: "cascade" }),
    path: text("path").notNull(),
    /** failed: could not be read or parsed; declined: read, but not an annual report */
    kind: text("kind").notNull().default("failed"),
    reason: text("reason").notNull(),
  },
  (t) => [index("ingest_failures_run").on(t.runId)],
);
