/**
 * Keeping the pre-aggregates (region_field_totals, region_year_totals, region_agency_years) in
 * step with the reports. Each current report with a year counts under its region code, each
 * ancestor of it and "" (the whole country). Whoever changes which report is current, or a
 * current report's findings, calls in here and writes the change before its transaction
 * commits, so a reader or a crash never sees reports and totals disagree:
 *
 * - `addReport(db, id, ±1, delta)`: a report became current (+1) or stopped being current (-1);
 * - `trackAgencies(db, ids, delta)` before and its `apply()` after: the agencies' years with a
 *   current report, as the distinct-agency counts see them;
 * - `delta.write(db)`: what those gathered, written;
 * - `addFindings(db, which, ±1)`: findings of current reports deleted (-1) or written (+1).
 *
 * `rebuildAggregates` computes them afresh from the reports (a database made before they
 * existed); `aggregateDifferences` compares what is stored with a fresh computation.
 */
import { and, eq, inArray, isNotNull, sql, type SQL } from "drizzle-orm";
import type { SQLiteColumn } from "drizzle-orm/sqlite-core";
import type { NianbaoDb } from "./client";
import { REPORT_FIGURES } from "../lib/queries/measures";
import { perReportValue, valueFields } from "../lib/queries/per-report";
import { placeholders, prepared, rawQuery, rowWriter } from "./prepared";
import { findings, regionAgencyYears, regionFieldTotals, regionYearTotals, reportFigures, reports, reportValues } from "./schema";

type Tx = Parameters<Parameters<NianbaoDb["transaction"]>[0]>[0];
type Writer = NianbaoDb | Tx;

/** The key of the whole country. */
export const COUNTRY = "";

/** The field under which reports.proactive_items (a figure of the text, not a table) is summed. */
export const PROACTIVE_ITEMS_FIELD = "narrative.proactiveItems";

/** Lengths of the gazetteer's codes: province, city, county, township. */
const LEVEL_LENGTHS = [2, 4, 6, 9];

/** The keys a report of this region counts under: the country, each ancestor, the code itself. */
export function regionKeys(code: string | null): string[] {
  if (code === null) return [COUNTRY];
  return [COUNTRY, ...LEVEL_LENGTHS.filter((n) => n < code.length).map((n) => code.slice(0, n)), code];
}

// ---------------------------------------------------------------- deltas

/** A totals table as the deltas see it: the columns that identify a row, and the ones summed. */
interface TotalsShape {
  table: typeof regionFieldTotals | typeof regionYearTotals | typeof regionAgencyYears;
  keys: readonly string[];
  figures: readonly string[];
}

const FIELD_TOTALS = { table: regionFieldTotals, keys: ["regionCode", "year", "field"], figures: ["total", "reports"] } as const;
const YEAR_TOTALS = { table: regionYearTotals, keys: ["regionCode", "year"], figures: ["reports", "synthetic", "errors", "warnings"] } as const;
const AGENCY_YEARS = { table: regionAgencyYears, keys: ["regionCode", "year", "previousYear"], figures: ["agencies"] } as const;

/** One row of deltas: its key's values and its figures', in the shape's order. */
interface DeltaRow {
  key: (string | number)[];
  figures: number[];
}

/**
 * One table's deltas, summed by key. The upsert adds a row's figures to the stored row of its
 * key, or inserts it (`column = column + excluded.column`, SQLite and PostgreSQL alike). Rows
 * are arrays, not objects: a report adds a thousand of them, and building objects per row took
 * longer than storing the report.
 */
class TableDeltas {
  private readonly rows = new Map<string, DeltaRow>();
  constructor(private readonly shape: TotalsShape) {}

  add(key: (string | number)[], figures: number[]): void {
    this.addRow(key.join("\u0001"), key, figures);
  }

  merge(other: TableDeltas): void {
    for (const [id, row] of other.rows) this.addRow(id, row.key, row.figures);
  }

  private addRow(id: string, key: (string | number)[], figures: number[]): void {
    const entry = this.rows.get(id);
    if (!entry) this.rows.set(id, { key, figures: [...figures] });
    else for (let i = 0; i < figures.length; i++) entry.figures[i] += figures[i];
  }

  /** Adds every delta that is not all zeros to the table, and forgets them. */
  write(db: NianbaoDb): void {
    const upsert = prepared(db, upserts.get(this.shape)!);
    const { keys, figures } = this.shape;
    for (const row of this.rows.values()) {
      if (row.figures.every((f) => f === 0)) continue;
      const params: Record<string, string | number> = {};
      keys.forEach((k, i) => (params[k] = row.key[i]));
      figures.forEach((f, i) => (params[f] = row.figures[i]));
      upsert(params);
    }
    this.rows.clear();
  }
}

/** The prepared upsert of each table, with a placeholder per column. */
const upserts = new Map(
  [FIELD_TOTALS, YEAR_TOTALS, AGENCY_YEARS].map((shape: TotalsShape) => [
    shape,
    (db: NianbaoDb) => {
      const columns = shape.table as unknown as Record<string, SQLiteColumn>;
      const values = placeholders([...shape.keys, ...shape.figures]);
      const set = Object.fromEntries(shape.figures.map((f) => [f, sql`${columns[f]} + excluded.${sql.identifier(columns[f].name)}`]));
      return rowWriter(db, db.insert(shape.table).values(values as never).onConflictDoUpdate({ target: shape.keys.map((k) => columns[k]), set }));
    },
  ]),
);

/**
 * Changes to the three tables, summed in memory and written together. An ingest stores a
 * thousand reports to a transaction and writes their totals once before it commits: the
 * country's, a province's and a county's rows are then written once, not once per report (a
 * report has some 200 values under five keys, a thousand upserts).
 */
export class TotalsDelta {
  private readonly fields = new TableDeltas(FIELD_TOTALS);
  private readonly years = new TableDeltas(YEAR_TOTALS);
  private readonly agencies = new TableDeltas(AGENCY_YEARS);

  addField(regionCode: string, year: number, field: string, total: number, reports: number): void {
    this.fields.add([regionCode, year, field], [total, reports]);
  }

  addYear(regionCode: string, year: number, { reports = 0, synthetic = 0, errors = 0, warnings = 0 }: Partial<Record<"reports" | "synthetic" | "errors" | "warnings", number>>): void {
    this.years.add([regionCode, year], [reports, synthetic, errors, warnings]);
  }

  addAgency(regionCode: string, year: number, previousYear: number, agencies: number): void {
    this.agencies.add([regionCode, year, previousYear], [agencies]);
  }

  merge(other: TotalsDelta): void {
    this.fields.merge(other.fields);
    this.years.merge(other.years);
    this.agencies.merge(other.agencies);
  }

  /** Writes them in the caller's transaction, and starts again from nothing. */
  write(db: NianbaoDb): void {
    for (const table of [this.fields, this.years, this.agencies]) table.write(db);
  }
}

// ---------------------------------------------------------------- one report

const reportFacts = (db: NianbaoDb) =>
  db
    .select({ regionCode: reports.regionCode, year: reports.year, synthetic: reports.synthetic, proactiveItems: reports.proactiveItems })
    .from(reports)
    .where(eq(reports.id, sql.placeholder("id")))
    .prepare();

const reportNumbers = (db: NianbaoDb) =>
  db
    .select({ field: reportValues.field, value: reportValues.value })
    .from(reportValues)
    .where(and(eq(reportValues.reportId, sql.placeholder("id")), isNotNull(reportValues.value)))
    .prepare();

const reportSeverities = (db: NianbaoDb) =>
  db
    .select({ severity: findings.severity, n: sql<number>`count(*)` })
    .from(findings)
    .where(and(eq(findings.reportId, sql.placeholder("id")), inArray(findings.severity, ["error", "warning"])))
    .groupBy(findings.severity)
    .prepare();

/**
 * Adds (sign 1) or takes away (sign -1) one report's share: its count, its values, its
 * narrative figure, its error and warning findings, under each key of its region; and its row
 * of report_figures, written or deleted at once (one row, nothing to gather). The caller
 * says when: as it becomes current, or as it stops being current. A report without a year
 * counts nowhere (no page shows it).
 */
export function addReport(db: NianbaoDb, reportId: number, sign: 1 | -1, delta: TotalsDelta): void {
  const report = prepared(db, reportFacts).get({ id: reportId });
  if (!report || report.year === null) return;
  prepared(db, sign === 1 ? figuresInsert : figuresDelete)({ id: reportId });
  const year = report.year;
  const keys = regionKeys(report.regionCode);
  const numbers = prepared(db, reportNumbers).all({ id: reportId });
  if (report.proactiveItems !== null) numbers.push({ field: PROACTIVE_ITEMS_FIELD, value: report.proactiveItems });
  const severities = new Map(prepared(db, reportSeverities).all({ id: reportId }).map((r) => [r.severity, r.n]));
  const counts = {
    reports: sign,
    synthetic: report.synthetic ? sign : 0,
    errors: sign * (severities.get("error") ?? 0),
    warnings: sign * (severities.get("warning") ?? 0),
  };
  for (const key of keys) {
    for (const { field, value } of numbers) delta.addField(key, year, field, sign * value!, sign);
    delta.addYear(key, year, counts);
  }
}

// ---------------------------------------------------------------- findings

/**
 * Adds (1) or takes away (-1) the error and warning findings `which` selects (a condition on
 * `findings`), counting only those on current reports with a year: call it with -1 just before
 * deleting findings and with +1 just after writing them. Written at once, in the caller's
 * transaction.
 */
export function addFindings(db: NianbaoDb, which: SQL, sign: 1 | -1): void {
  const rows = db
    .select({ regionCode: reports.regionCode, year: reports.year, severity: findings.severity, n: sql<number>`count(*)` })
    .from(findings)
    .innerJoin(reports, eq(reports.id, findings.reportId))
    .where(and(which, eq(reports.current, true), isNotNull(reports.year), inArray(findings.severity, ["error", "warning"])))
    .groupBy(reports.regionCode, reports.year, findings.severity)
    .all();
  const delta = new TotalsDelta();
  for (const r of rows) {
    for (const key of regionKeys(r.regionCode)) delta.addYear(key, r.year!, { [r.severity === "error" ? "errors" : "warnings"]: sign * r.n });
  }
  delta.write(db);
}

// ---------------------------------------------------------------- agencies

const currentYears = (db: NianbaoDb) =>
  db
    .select({ regionCode: reports.regionCode, year: reports.year })
    .from(reports)
    .where(and(eq(reports.agencyId, sql.placeholder("id")), eq(reports.current, true), isNotNull(reports.year)))
    .orderBy(reports.year)
    .prepare();

/** An agency's years with a current report, by region code (one region, as agencies are kept by name and region). */
type AgencyYears = Map<string | null, number[]>;

function agencyYears(db: NianbaoDb, agencyId: number): AgencyYears {
  const years: AgencyYears = new Map();
  for (const { regionCode, year } of prepared(db, currentYears).all({ id: agencyId })) years.set(regionCode, [...(years.get(regionCode) ?? []), year!]);
  return years;
}

/** Counts the agency under each (key, year, previous year) its years put it, with this sign. */
function addAgencyYears(delta: TotalsDelta, years: AgencyYears, sign: 1 | -1): void {
  for (const [code, list] of years) {
    list.forEach((year, i) => {
      for (const key of regionKeys(code)) delta.addAgency(key, year, list[i - 1] ?? 0, sign);
    });
  }
}

/**
 * Notes the agencies' years now; `apply()`, once their reports have changed, moves the
 * distinct-agency counts from what they were to what they are.
 */
export function trackAgencies(db: NianbaoDb, agencyIds: readonly (number | null)[], delta: TotalsDelta): { apply: () => void } {
  const ids = [...new Set(agencyIds.filter((id): id is number => id !== null))];
  const before = ids.map((id) => agencyYears(db, id));
  return {
    apply: () =>
      ids.forEach((id, i) => {
        addAgencyYears(delta, before[i], -1);
        addAgencyYears(delta, agencyYears(db, id), 1);
      }),
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

/** Each selected report's row of report_figures: its REPORT_FIGURES, summed from its value rows as a page would. */
function figuresOf(which: SQL): SQL {
  const figures = REPORT_FIGURES.map(({ column, measure }) => sql`, ${perReportValue(measure)} AS ${sql.identifier(column)}`);
  const fields = valueFields(REPORT_FIGURES.map((f) => f.measure));
  return sql`
    SELECT r.id AS report_id, r.agency_id, r.region_code, r.year, r.synthetic${sql.join(figures)}
    FROM reports r LEFT JOIN report_values v ON v.report_id = r.id AND v.field IN ${fields}
    WHERE ${which} GROUP BY r.id`;
}

const FIGURE_KEYS = ["report_id", "agency_id", "region_code", "year", "synthetic"];
const FIGURES_COLUMNS = sql`(${sql.join([...FIGURE_KEYS, ...REPORT_FIGURES.map((f) => f.column)].map((c) => sql.identifier(c)), sql`, `)})`;

const figuresInsert = (db: NianbaoDb) => rowWriter(db, rawQuery(sql`INSERT INTO report_figures ${FIGURES_COLUMNS} ${figuresOf(sql`r.id = ${sql.placeholder("id")}`)}`));
const figuresDelete = (db: NianbaoDb) => rowWriter(db, db.delete(reportFigures).where(eq(reportFigures.reportId, sql.placeholder("id"))));

/** How each table is computed from the reports, and the columns that identify a row and hold its figures. */
interface Recipe {
  table: string;
  keys: string[];
  figures: string[];
  fresh: SQL;
}

const RECIPES: Recipe[] = [
  {
    table: "report_figures",
    keys: FIGURE_KEYS,
    figures: REPORT_FIGURES.map((f) => f.column),
    fresh: figuresOf(COUNTED),
  },
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
  const same = (a: string, b: string) => sql.join(recipe.keys.map((k) => sql`${sql.identifier(a)}.${sql.identifier(k)} IS ${sql.identifier(b)}.${sql.identifier(k)}`), sql` AND `);
  // a figure may be null (a report without the cell): null and a number differ, two nulls do not
  const differs = sql.join(
    recipe.figures.map((f) => {
      const [stored, expected] = [sql`s.${sql.identifier(f)}`, sql`e.${sql.identifier(f)}`];
      return sql`(${stored} IS NULL) <> (${expected} IS NULL) OR abs(${stored} - ${expected}) > 1e-6 * (1 + abs(${expected}))`;
    }),
    sql` OR `,
  );
  const nonzero = sql.join(recipe.figures.map((f) => sql`s.${sql.identifier(f)} IS NOT 0`), sql` OR `);
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

/**
 * Fills each table that is empty while there are reports to count (a database from before it
 * existed) from the reports, in the caller's transaction. Once anything was counted, rows stay
 * (at 0 if need be), so an empty table means never counted. Cheap when nothing is missing: an
 * indexed lookup per table, at every open.
 */
export function rebuildMissingAggregates(tx: Writer): void {
  for (const recipe of missingRecipes(tx)) {
    const table = sql.identifier(recipe.table);
    tx.run(sql`INSERT INTO ${table} (${columns([...recipe.keys, ...recipe.figures])}) SELECT * FROM (${recipe.fresh}) x`);
  }
}

export function aggregatesMissing(db: Writer): boolean {
  return missingRecipes(db).length > 0;
}

function missingRecipes(db: Writer): Recipe[] {
  if (db.get(sql`SELECT 1 FROM reports r WHERE ${COUNTED} LIMIT 1`) === undefined) return [];
  return RECIPES.filter((recipe) => db.get(sql`SELECT 1 FROM ${sql.identifier(recipe.table)} LIMIT 1`) === undefined);
}
