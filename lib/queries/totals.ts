/**
 * The figures of a whole region read from the region totals (db/aggregates.ts) instead of its
 * reports: a few rows per year whatever the region's size. Same rows, same meaning as
 * `aggregate` over the reports (tests/queries-totals.test.ts compares the two): counts of
 * reports and distinct agencies, sums (null when no report has the figure), findings.
 */
import { and, between, eq, inArray, isNull, lt, sql, type SQL } from "drizzle-orm";
import type { SQLiteColumn } from "drizzle-orm/sqlite-core";
import type { NianbaoDb } from "@/db/client";
import { COUNTRY, PROACTIVE_ITEMS_FIELD } from "@/db/aggregates";
import { regionAgencyYears, regionFieldTotals, regionYearTotals, regions } from "@/db/schema";
import type { AggregateRow, Grouping } from "./aggregate";
import type { Measure } from "./measures";
import type { Scope } from "./scope";

/** The groupings the totals answer: the scope's region whole, by year, or by its children. */
export type TotalsGrouping = Exclude<Grouping, "agency">;

type Group = number | string | null;

/** Sums of 万元 amounts carry binary noise (0.1 + 0.2 ≠ 0.3); four decimals of 万元 is one 元, as in `aggregate`. */
const round4 = (value: number) => Math.round(value * 10_000) / 10_000;

/** The field a measure's figure is summed from in region_field_totals; findings come from region_year_totals. */
function fieldsOf(measure: Measure): readonly string[] {
  const source = measure.source;
  if ("fields" in source) return source.fields;
  return "narrative" in source ? [PROACTIVE_ITEMS_FIELD] : [];
}

/** What the three tables share: a region key and a year. */
interface Keyed {
  regionCode: SQLiteColumn;
  year: SQLiteColumn;
}

interface Rows {
  /** which rows of a table the grouping reads, and what each row's group is */
  where: (table: Keyed) => SQL | undefined;
  group: (row: { regionCode: string; year: number }) => Group;
}

/**
 * The rows of the scope: its own key (the region's code, "" for the whole country) grouped
 * whole or by year, or its children's keys (the gazetteer's children of the region).
 */
function rowsOf(scope: Scope, grouping: TotalsGrouping): Rows {
  const key = scope.region?.code ?? COUNTRY;
  const years = (t: Keyed) => between(t.year, scope.from, scope.to);
  if (typeof grouping === "object") {
    const parent = scope.region ? eq(regions.parentCode, scope.region.code) : isNull(regions.parentCode);
    const children = sql`(SELECT ${regions.code} FROM ${regions} WHERE ${parent})`;
    return { where: (t) => and(inArray(t.regionCode, children), years(t)), group: (row) => row.regionCode };
  }
  return { where: (t) => and(eq(t.regionCode, key), years(t)), group: (row) => (grouping === "year" ? row.year : null) };
}

interface Sums {
  reports: number;
  agencies: number;
  synthetic: number;
  errors: number;
  warnings: number;
  /** field → [sum, reports with a number] */
  fields: Map<string, [number, number]>;
}

const emptySums = (): Sums => ({ reports: 0, agencies: 0, synthetic: 0, errors: 0, warnings: 0, fields: new Map() });

/** Everything the totals hold for the scope's rows, summed per group. */
function readSums(db: NianbaoDb, scope: Scope, grouping: TotalsGrouping, fields: readonly string[]): Map<Group, Sums> {
  const rows = rowsOf(scope, grouping);
  const sums = new Map<Group, Sums>();
  const of = (row: { regionCode: string; year: number }) => {
    const group = rows.group(row);
    const entry = sums.get(group) ?? emptySums();
    sums.set(group, entry);
    return entry;
  };
  for (const row of db.select().from(regionYearTotals).where(rows.where(regionYearTotals)).all()) {
    const entry = of(row);
    entry.reports += row.reports;
    entry.synthetic += row.synthetic;
    entry.errors += row.errors;
    entry.warnings += row.warnings;
  }
  // an agency counts once over the years read: at the first of them it has a report in
  const first = grouping === "year" ? sql`true` : lt(regionAgencyYears.previousYear, scope.from);
  const agencies = db.select().from(regionAgencyYears).where(and(rows.where(regionAgencyYears), first)).all();
  for (const row of agencies) of(row).agencies += row.agencies;
  if (fields.length > 0) {
    const values = db.select().from(regionFieldTotals).where(and(rows.where(regionFieldTotals), inArray(regionFieldTotals.field, [...fields]))).all();
    for (const row of values) {
      const entry = of(row);
      const [total, reports] = entry.fields.get(row.field) ?? [0, 0];
      entry.fields.set(row.field, [total + row.total, reports + row.reports]);
    }
  }
  return sums;
}

/** A measure's figure from a group's sums: null when no report has it (or, for findings, when there are no reports). */
function measureValue(measure: Measure, sums: Sums): number | null {
  const source = measure.source;
  if ("findings" in source) return sums.reports === 0 ? null : source.findings === "error" ? sums.errors : sums.warnings;
  let total = 0;
  let counted = 0;
  for (const field of fieldsOf(measure)) {
    const [sum, reports] = sums.fields.get(field) ?? [0, 0];
    total += sum;
    counted += reports;
  }
  return counted === 0 ? null : round4(total);
}

function toRow(group: Group, sums: Sums, measures: readonly Measure[]): AggregateRow {
  return {
    group,
    reports: sums.reports,
    agencies: sums.agencies,
    syntheticReports: sums.synthetic,
    values: Object.fromEntries(measures.map((m) => [m.key, measureValue(m, sums)])),
  };
}

/**
 * A region's own share: its total less its children's. A county's own offices; for the whole
 * country, the reports of unknown region.
 */
function ownShare(whole: Sums, children: Iterable<Sums>): Sums {
  const own = { ...whole, fields: new Map(whole.fields) };
  for (const child of children) {
    own.reports -= child.reports;
    own.agencies -= child.agencies;
    own.synthetic -= child.synthetic;
    own.errors -= child.errors;
    own.warnings -= child.warnings;
    for (const [field, [total, reports]] of child.fields) {
      const [t, r] = own.fields.get(field) ?? [0, 0];
      own.fields.set(field, [t - total, r - reports]);
    }
  }
  return own;
}

const byGroup = (a: AggregateRow, b: AggregateRow) => (a.group === null ? -1 : b.group === null ? 1 : a.group < b.group ? -1 : a.group > b.group ? 1 : 0);

/** `aggregate` for a whole region (no agency): the same rows, from the region totals. */
export function aggregateFromTotals(db: NianbaoDb, scope: Scope, measures: readonly Measure[], grouping: TotalsGrouping): AggregateRow[] {
  const fields = [...new Set(measures.flatMap(fieldsOf))];
  const sums = readSums(db, scope, grouping, fields);
  if (grouping === "all") return [toRow(null, sums.get(null) ?? emptySums(), measures)];
  const rows = [...sums].filter(([, s]) => s.reports > 0).map(([group, s]) => toRow(group, s, measures));
  if (typeof grouping === "object") {
    // reports filed at the region itself (or of no known region, for the whole country)
    const own = ownShare(readSums(db, scope, "all", fields).get(null) ?? emptySums(), sums.values());
    if (own.reports > 0) rows.push(toRow(scope.region?.code ?? null, own, measures));
  }
  return rows.sort(byGroup);
}
