/**
 * The scope every figure of the dashboard is summed over: the current reports of a region and
 * everything under it, in a range of years. Older versions of a report (current = 0) never count.
 */
import { and, eq, gt, max, min, sql, type SQL } from "drizzle-orm";
import { COUNTRY } from "@/db/aggregates";
import type { NianbaoDb } from "@/db/client";
import { regionYearTotals } from "@/db/schema";
import type { Filters } from "./filters";
import { findRegion, type RegionName } from "./regions";

export interface Scope {
  /** null: the whole country, reports whose region is unknown included */
  region: RegionName | null;
  /** one agency's reports only (its page) */
  agencyId?: number;
  from: number;
  to: number;
}

/**
 * A region code column within a region: codes nest by prefix, so a region and everything under
 * it is the range [code, code + "~"), which an index on the column reads as a range.
 */
export function underRegion(column: SQL, code: string): SQL {
  return sql`${column} >= ${code} AND ${column} < ${code + "~"}`;
}

/** The condition on `reports r` that selects the scope, read from the index reports(current, region_code, year). */
export function inScope(scope: Scope): SQL {
  return sql`r.current = 1 AND ${inYearsAndRegion(scope)}`;
}

/** The scope's years, region and agency on `r`, a table of current reports alone (report_figures) or with `inScope`. */
export function inYearsAndRegion(scope: Scope): SQL {
  const region = scope.region ? sql` AND ${underRegion(sql`r.region_code`, scope.region.code)}` : sql``;
  // an agency's reports are read from the index on (agency_id, year)
  const agency = scope.agencyId !== undefined ? sql` AND r.agency_id = ${scope.agencyId}` : sql``;
  return sql`r.year BETWEEN ${scope.from} AND ${scope.to}${region}${agency}`;
}

export interface YearSpan {
  first: number;
  last: number;
}

/**
 * The first and last year of any current report; null when no report is loaded. Read from the
 * country's row of the region totals: a report without a year is in no page's years anyway.
 */
export function fetchYearSpan(db: NianbaoDb): YearSpan | null {
  const t = regionYearTotals;
  const span = db
    .select({ first: min(t.year), last: max(t.year) })
    .from(t)
    .where(and(eq(t.regionCode, COUNTRY), gt(t.reports, 0)))
    .get();
  return span?.first != null && span.last != null ? { first: span.first, last: span.last } : null;
}

/**
 * Fill in what the filters leave open: the years default to (and are held within) the years
 * loaded, a reversed range is turned round, and an unknown region code means the whole country
 * (callers that must reject it compare `scope.region` with `filters.region`).
 */
export function resolveScope(db: NianbaoDb, filters: Filters, span: YearSpan): Scope {
  const clamp = (year: number) => Math.min(Math.max(year, span.first), span.last);
  const a = clamp(filters.from ?? span.first);
  const b = clamp(filters.to ?? span.last);
  const region = filters.region ? (findRegion(db, filters.region) ?? null) : null;
  return { region, from: Math.min(a, b), to: Math.max(a, b) };
}

/** Every year from `from` to `to`, both included. */
export function yearRange(from: number, to: number): number[] {
  return Array.from({ length: to - from + 1 }, (_, i) => from + i);
}

/** The filters that name this scope exactly, for links (CSV downloads) that must show the same figures. */
export function scopeFilters(scope: Scope): Filters {
  return { region: scope.region?.code, agency: scope.agencyId, from: scope.from, to: scope.to };
}

/** What a URL names that is not there (a region, an agency, a year): said in Chinese, answered 404. */
export interface Missing {
  missing: string;
}

export function isMissing<T extends object>(value: T | Missing): value is Missing {
  return "missing" in value;
}

/** "2021–2025" or "2024" */
export function yearsText(from: number, to: number): string {
  return from === to ? `${from}` : `${from}–${to}`;
}

/** A year the loaded reports do not cover is not there, the same as an unknown region. */
export function checkYears(span: YearSpan, ...years: (number | undefined)[]): Missing | null {
  const outside = years.find((year) => year !== undefined && (year < span.first || year > span.last));
  return outside === undefined ? null : { missing: `没有${outside}年的年报（已导入${yearsText(span.first, span.last)}年）` };
}

/**
 * The scope a URL names exactly, for the pages and downloads that must not guess: an unknown
 * region or agency, or a year outside those loaded, is missing (the overview instead falls back to
 * its defaults). The years default to every year loaded; a reversed range is turned round.
 */
export function resolveExactScope(db: NianbaoDb, filters: Filters): Scope | Missing {
  const span = fetchYearSpan(db);
  if (!span) return { missing: "尚未导入年报数据" };
  if (filters.region && !findRegion(db, filters.region)) return { missing: `未知的地区代码：${filters.region}` };
  if (filters.agency !== undefined && !db.get(sql`SELECT 1 FROM agencies WHERE id = ${filters.agency}`)) {
    return { missing: `没有编号为 ${filters.agency} 的机关` };
  }
  const outside = checkYears(span, filters.from, filters.to);
  if (outside) return outside;
  return { ...resolveScope(db, filters, span), ...(filters.agency !== undefined && { agencyId: filters.agency }) };
}

export interface RegionYear {
  /** null: the whole country */
  region: RegionName | null;
  year: number;
  span: YearSpan;
}

/** A region (or the whole country) and one year, the latest loaded unless named; unknown ones are missing. */
export function resolveRegionYear(db: NianbaoDb, params: { region?: string; year?: number }): RegionYear | Missing {
  const span = fetchYearSpan(db);
  if (!span) return { missing: "尚未导入年报数据" };
  const region = params.region ? findRegion(db, params.region) : null;
  if (region === undefined) return { missing: `未知的地区代码：${params.region}` };
  return checkYears(span, params.year) ?? { region, year: params.year ?? span.last, span };
}
