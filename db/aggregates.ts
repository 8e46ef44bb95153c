/**
 * Keeping the pre-aggregates (region_field_totals, region_year_totals, region_agency_years) in
 * step with the reports. Each current report with a year counts under its region code, each
 * ancestor of it and "" (the whole country). Whoever changes which report is current, or a
 * current report's findings, calls in here inside the same transaction, so a reader or a crash
 * never sees reports and totals disagree:
 *
 * - `addReport(tx, id, ±1)`: a report became current (+1) or stopped being current (-1);
 * - `trackAgencies(tx, ids)` before and its `apply()` after: the agencies' years with a current
 *   report, as the distinct-agency counts see them;
 * - `addFindings(tx, which, ±1)`: findings of current reports deleted (-1) or written (+1).
 *
 * `rebuildAggregates` computes them afresh from the reports (a database made before they
 * existed); `aggregateDifferences` compares what is stored with a fresh computation.
 */
import { and, eq, inArray, isNotNull, sql, type SQL } from "drizzle-orm";
import type { SQLiteColumn, SQLiteUpdateSetSource } from "drizzle-orm/sqlite-core";
import type { NianbaoDb } from "./client";
import { findings, regionAgencyYears, regionFieldTotals, regionYearTotals, reports } from "./schema";

type Tx = Parameters<Parameters<NianbaoDb["transaction"]>[0]>[0];
type Writer = NianbaoDb | Tx;

/** The key of the whole country. */
export const COUNTRY = "";

/** The field under which reports.proactive_items (a figure of the text, not a table) is summed. */
export const PROACTIVE_ITEMS_FIELD = "narrative.proactiveItems";

/** Lengths of the gazetteer's codes: province, city, county, township. */
const LEVEL_LENGTHS = [2, 4, 6, 9];

/** Rows per upsert: 5 columns each, well under SQLite's variable limit. */
const CHUNK = 500;

/** The keys a report of this region counts under: the country, each ancestor, the code itself. */
export function regionKeys(code: string | null): string[] {
  if (code === null) return [COUNTRY];
  return [COUNTRY, ...LEVEL_LENGTHS.filter((n) => n < code.length).map((n) => code.slice(0, n)), code];
}

// ---------------------------------------------------------------- upserts

/**
 * Adds rows of deltas to a totals table: a key not there yet is inserted, one that is gets each
 * summed column increased (`column = column + excluded.column`, SQLite and PostgreSQL alike).
 */
function addDeltas<T extends TotalsTable>(tx: Writer, table: T, key: SQLiteColumn[], summed: readonly (keyof T["$inferInsert"] & string)[], rows: readonly T["$inferInsert"][]): void {
  const columns = table as unknown as Record<string, SQLiteColumn>;
  const set = Object.fromEntries(summed.map((name) => [name, sql`${columns[name]} + excluded.${sql.identifier(columns[name].name)}`])) as SQLiteUpdateSetSource<T>;
  for (let i = 0; i < rows.length; i += CHUNK) {
    tx.insert(table).values(rows.slice(i, i + CHUNK)).onConflictDoUpdate({ target: key, set }).run();
  }
}

type TotalsTable = typeof regionFieldTotals | typeof regionYearTotals | typeof regionAgencyYears;

interface FieldDelta {
  regionCode: string;
  year: number;
  field: string;
  total: number;
  reports: number;
}

function addFieldDeltas(tx: Writer, rows: readonly FieldDelta[]): void {
  const t = regionFieldTotals;
  addDeltas(tx, t, [t.regionCode, t.year, t.field], ["total", "reports"], rows);
}

interface YearDelta {
  regionCode: string;
  year: number;
  reports?: number;
  synthetic?: number;
  errors?: number;
  warnings?: number;
}

function addYearDeltas(tx: Writer, rows: readonly YearDelta[]): void {
  const t = regionYearTotals;
  const full = rows.map((r) => ({ reports: 0, synthetic: 0, errors: 0, warnings: 0, ...r }));
  addDeltas(tx, t, [t.regionCode, t.year], ["reports", "synthetic", "errors", "warnings"], full);
}

interface AgencyDelta {
  regionCode: string;
  year: number;
  previousYear: number;
  agencies: number;
}

function addAgencyDeltas(tx: Writer, rows: readonly AgencyDelta[]): void {
  const t = regionAgencyYears;
  addDeltas(tx, t, [t.regionCode, t.year, t.previousYear], ["agencies"], rows);
}

// ---------------------------------------------------------------- one report

/**
 * Adds (sign 1) or takes away (sign -1) one report's share: its count, its values, its
 * narrative figure, its error and warning findings, under each key of its region. The caller
 * says when: as it becomes current, or as it stops being current. A report without a year
 * counts nowhere (no page shows it).
 */
export function addReport(tx: Tx, reportId: number, sign: 1 | -1): void {
  const report = tx
    .select({ regionCode: reports.regionCode, year: reports.year, synthetic: reports.synthetic, proactiveItems: reports.proactiveItems })
    .from(reports)
    .where(eq(reports.id, reportId))
    .get();
  if (!report || report.year === null) return;
  const year = report.year;
  const keys = regionKeys(report.regionCode);

  for (const key of keys) addValueDeltas(tx, reportId, key, year, sign);
  if (report.proactiveItems !== null) {
    const proactive = { year, field: PROACTIVE_ITEMS_FIELD, total: sign * report.proactiveItems, reports: sign };
    addFieldDeltas(tx, keys.map((regionCode) => ({ regionCode, ...proactive })));
  }

  const severities = severityCounts(tx, eq(findings.reportId, reportId));
  addYearDeltas(
    tx,
    keys.map((regionCode) => ({
      regionCode,
      year,
      reports: sign,
      synthetic: report.synthetic ? sign : 0,
      errors: sign * (severities.get("error") ?? 0),
      warnings: sign * (severities.get("warning") ?? 0),
    })),
  );
}

/**
 * A report's values added (or taken away) under one key, row by row inside SQLite. Some 200
 * values under five keys, built as rows in JavaScript and passed through the query builder,
 * took 5.8 of the 9.5 ms an ingest spent storing a report.
 */
function addValueDeltas(tx: Tx, reportId: number, regionCode: string, year: number, sign: 1 | -1): void {
  tx.run(sql`
    INSERT INTO region_field_totals (region_code, year, field, total, reports)
    SELECT ${regionCode}, ${year}, field, ${sign} * value, ${sign} FROM report_values
    WHERE report_id = ${reportId} AND value IS NOT NULL
    ON CONFLICT (region_code, year, field) DO UPDATE SET total = total + excluded.total, reports = reports + excluded.reports`);
}

function severityCounts(tx: Tx, which: SQL): Map<string, number> {
  const rows = tx
    .select({ severity: findings.severity, n: sql<number>`count(*)` })
    .from(findings)
    .where(and(which, inArray(findings.severity, ["error", "warning"])))
    .groupBy(findings.severity)
    .all();
  return new Map(rows.map((r) => [r.severity, r.n]));
}

// ---------------------------------------------------------------- findings

/**
 * Adds (1) or takes away (-1) the error and warning findings `which` selects (a condition on
 * `findings`), counting only those on current reports with a year: call it with -1 just before
 * deleting findings and with +1 just after writing them.
 */
export function addFindings(tx: Tx, which: SQL, sign: 1 | -1): void {
  const rows = tx
    .select({ regionCode: reports.regionCode, year: reports.year, severity: findings.severity, n: sql<number>`count(*)` })
    .from(findings)
    .innerJoin(reports, eq(reports.id, findings.reportId))
    .where(and(which, eq(reports.current, true), isNotNull(reports.year), inArray(findings.severity, ["error", "warning"])))
    .groupBy(reports.regionCode, reports.year, findings.severity)
    .all();
  addYearDeltas(
    tx,
    rows.flatMap((r) =>
      regionKeys(r.regionCode).map((regionCode) => ({
        regionCode,
        year: r.year!,
        [r.severity === "error" ? "errors" : "warnings"]: sign * r.n,
      })),
    ),
  );
}

// ---------------------------------------------------------------- agencies

/** An agency's years with a current report, by region code (one region, as agencies are kept by name and region). */
type AgencyYears = Map<string | null, number[]>;

function agencyYears(tx: Tx, agencyId: number): AgencyYears {
  const rows = tx
    .select({ regionCode: reports.regionCode, year: reports.year })
    .from(reports)
    .where(and(eq(reports.agencyId, agencyId), eq(reports.current, true), isNotNull(reports.year)))
    .orderBy(reports.year)
    .all();
  const years: AgencyYears = new Map();
  for (const { regionCode, year } of rows) years.set(regionCode, [...(years.get(regionCode) ?? []), year!]);
  return years;
}

/** Each (key, year, previous year) the agency is counted under. */
function agencyRows(years: AgencyYears): AgencyDelta[] {
  return [...years].flatMap(([code, list]) =>
    list.flatMap((year, i) => regionKeys(code).map((regionCode) => ({ regionCode, year, previousYear: list[i - 1] ?? 0, agencies: 1 }))),
  );
}

/**
 * Notes the agencies' years now; `apply()`, once their reports have changed, moves the
 * distinct-agency counts from what they were to what they are.
 */
export function trackAgencies(tx: Tx, agencyIds: readonly (number | null)[]): { apply: () => void } {
  const ids = [...new Set(agencyIds.filter((id): id is number => id !== null))];
  const before = ids.map((id) => agencyYears(tx, id));
  return {
    apply: () => {
      const delta = new Map<string, AgencyDelta>();
      const add = (rows: AgencyDelta[], sign: number) => {
        for (const row of rows) {
          const key = `${row.regionCode}:${row.year}:${row.previousYear}`;
          const entry = delta.get(key) ?? { ...row, agencies: 0 };
          entry.agencies += sign;
          delta.set(key, entry);
        }
      };
      ids.forEach((id, i) => {
        add(agencyRows(before[i]), -1);
        add(agencyRows(agencyYears(tx, id)), 1);
      });
      addAgencyDeltas(tx, [...delta.values()].filter((d) => d.agencies !== 0));
    },
  };
}

// ---------------------------------------------------------------- from scratch

/**
 * The keys of a region code column as SQL expressions, one per level, each report falling under
 * exactly one of them per level it has: the country, each ancestor of its length, the code.
 */
function keyLevels(code: SQL): { key: SQL; when: SQL }[] {
  return [
    { key: sql`''`, when: sql`1 = 1` },
    ...LEVEL_LENGTHS.map((n) => ({ key: sql`substr(${code}, 1, ${n})`, when: sql`length(${code}) > ${n}` })),
    { key: code, when: sql`${code} IS NOT NULL` },
  ];
}

/** One row per report (or value) and key it counts under: the rows of `row` for each level, together. */
function underEveryKey(row: (key: SQL, when: SQL) => SQL): SQL {
  return sql.join(
    keyLevels(sql`r.region_code`).map(({ key, when }) => row(key, when)),
    sql` UNION ALL `,
  );
}

/** The current reports with a year: the rows every pre-aggregate is made of. */
const COUNTED = sql`r.current = 1 AND r.year IS NOT NULL`;

/** How each table is computed from the reports, and the columns that identify a row and hold its figures. */
interface Recipe {
  table: string;
  keys: string[];
  figures: string[];
  fresh: SQL;
}

const RECIPES: Recipe[] = [
  {
    table: "region_field_totals",
    keys: ["region_code", "year", "field"],
    figures: ["total", "reports"],
    fresh: sql`SELECT k AS region_code, year, field, SUM(value) AS total, COUNT(*) AS reports FROM (${underEveryKey(
      (key, when) => sql`
        SELECT ${key} AS k, r.year, v.field, v.value FROM reports r JOIN report_values v ON v.report_id = r.id
        WHERE ${COUNTED} AND ${when} AND v.value IS NOT NULL
        UNION ALL
        SELECT ${key}, r.year, ${PROACTIVE_ITEMS_FIELD}, r.proactive_items FROM reports r
        WHERE ${COUNTED} AND ${when} AND r.proactive_items IS NOT NULL`,
    )}) x GROUP BY k, year, field`,
  },
  {
    table: "region_year_totals",
    keys: ["region_code", "year"],
    figures: ["reports", "synthetic", "errors", "warnings"],
    fresh: sql`SELECT k AS region_code, year, COUNT(*) AS reports, SUM(synthetic) AS synthetic, SUM(errors) AS errors, SUM(warnings) AS warnings FROM (${underEveryKey(
      (key, when) => sql`
        SELECT ${key} AS k, r.year, r.synthetic,
          (SELECT COUNT(*) FROM findings f WHERE f.report_id = r.id AND f.severity = 'error') AS errors,
          (SELECT COUNT(*) FROM findings f WHERE f.report_id = r.id AND f.severity = 'warning') AS warnings
        FROM reports r WHERE ${COUNTED} AND ${when}`,
    )}) x GROUP BY k, year`,
  },
  {
    table: "region_agency_years",
    keys: ["region_code", "year", "previous_year"],
    figures: ["agencies"],
    // each agency's previous year with a current report (0: none), as the window function LAG tells it
    fresh: sql`SELECT k AS region_code, year, previous_year, COUNT(*) AS agencies FROM (${underEveryKey(
      (key, when) => sql`
        SELECT ${key} AS k, r.year, r.previous_year FROM (
          SELECT region_code, year, COALESCE(LAG(year) OVER (PARTITION BY agency_id ORDER BY year), 0) AS previous_year
          FROM reports r WHERE ${COUNTED} AND r.agency_id IS NOT NULL) r
        WHERE ${when}`,
    )}) x GROUP BY k, year, previous_year`,
  },
];

const columns = (names: readonly string[], alias?: string) => sql.join(names.map((n) => (alias ? sql`${sql.identifier(alias)}.${sql.identifier(n)}` : sql.identifier(n))), sql`, `);

/**
 * Rows of one table that differ from a fresh computation, either way. Figures are equal to
 * within a millionth: sums of 万元 amounts added and taken away carry binary noise.
 */
function tableDifferences(db: Writer, recipe: Recipe): string[] {
  const same = (a: string, b: string) => sql.join(recipe.keys.map((k) => sql`${sql.identifier(a)}.${sql.identifier(k)} = ${sql.identifier(b)}.${sql.identifier(k)}`), sql` AND `);
  const differs = sql.join(
    recipe.figures.map((f) => sql`abs(s.${sql.identifier(f)} - e.${sql.identifier(f)}) > 1e-6 * (1 + abs(e.${sql.identifier(f)}))`),
    sql` OR `,
  );
  const nonzero = sql.join(recipe.figures.map((f) => sql`s.${sql.identifier(f)} <> 0`), sql` OR `);
  const table = sql.identifier(recipe.table);
  const rows = db.all<Record<string, unknown>>(sql`
    WITH e AS (${recipe.fresh})
    SELECT 'stored' AS side, ${columns([...recipe.keys, ...recipe.figures], "s")} FROM ${table} s
      WHERE (${nonzero}) AND NOT EXISTS (SELECT 1 FROM e WHERE ${same("e", "s")})
    UNION ALL
    SELECT 'expected', ${columns([...recipe.keys, ...recipe.figures], "e")} FROM e
      WHERE NOT EXISTS (SELECT 1 FROM ${table} s WHERE ${same("s", "e")})
    UNION ALL
    SELECT 'stored', ${columns([...recipe.keys, ...recipe.figures], "s")} FROM ${table} s JOIN e ON ${same("s", "e")} WHERE ${differs}`);
  return rows.map((row) => {
    const key = recipe.keys.map((k) => row[k]).join("|");
    const figures = recipe.figures.map((f) => `${f} ${row[f]}`).join(", ");
    return `${recipe.table} ${key}: ${row.side === "stored" ? "stored" : "missing, expected"} ${figures}`;
  });
}

/**
 * Every row where the stored pre-aggregates differ from a fresh computation over the reports;
 * empty when they agree. Reads every value row: a check for `npm run verify` and the tests,
 * not for a page.
 */
export function aggregateDifferences(db: Writer): string[] {
  return RECIPES.flatMap((recipe) => tableDifferences(db, recipe));
}

/** Empties the three tables and fills them from the reports, in the caller's transaction. */
export function rebuildAggregates(tx: Tx): void {
  for (const recipe of RECIPES) {
    const table = sql.identifier(recipe.table);
    tx.run(sql`DELETE FROM ${table}`);
    tx.run(sql`INSERT INTO ${table} (${columns([...recipe.keys, ...recipe.figures])}) SELECT * FROM (${recipe.fresh}) x`);
  }
}

/**
 * A database from before the pre-aggregates: it counts reports and its totals are empty (once
 * anything was counted, rows stay, at 0 if need be). Two indexed lookups, cheap at every open.
 */
export function aggregatesMissing(db: Writer): boolean {
  const counted = db.get(sql`SELECT 1 FROM reports r WHERE ${COUNTED} LIMIT 1`) !== undefined;
  return counted && db.select({ year: regionYearTotals.year }).from(regionYearTotals).limit(1).get() === undefined;
}
