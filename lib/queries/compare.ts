/**
 * Comparing a region's agencies in one year: for each chosen metric, each agency's value, its
 * change against the year before (absolute and %), its rank and its share of the region's total,
 * beside its finding count; and each agency's trend across the years.
 *
 * Rates (share granted, correction rates) carry their numerator and denominator, and an agency
 * whose denominator is under MIN_RATE_BASE is not ranked: 1 granted of 1 is not "100%, first".
 */
import { z } from "zod";
import type { NianbaoDb } from "@/db/client";
import { aggregate } from "./aggregate";
import { fetchAgencyRows, type AgencyRow } from "./agencies";
import { optional, regionYearParams } from "./filter-params";
import { share } from "./key-figures";
import { agencyHref } from "./links";
import * as m from "./measures";
import type { RegionName } from "./regions";
import { isMissing, resolveRegionYear, yearRange, type Missing, type Scope, type YearSpan } from "./scope";
import { KIND_LABELS, type Table } from "./tables";
import type { YearPoint } from "./yearly";

/** The smallest denominator a rate is ranked on. */
export const MIN_RATE_BASE = 10;

interface CountMetric {
  kind: "count";
  key: string;
  label: string;
  measure: m.Measure;
}

interface RateMetric {
  kind: "rate";
  key: string;
  label: string;
  part: m.Measure;
  whole: m.Measure;
}

export type CompareMetric = CountMetric | RateMetric;

const count = (key: string, label: string, measure: m.Measure): CountMetric => ({ kind: "count", key, label, measure: m.renamed(measure, key, label) });
const rate = (key: string, label: string, part: m.Measure, whole: m.Measure): RateMetric => ({
  kind: "rate",
  key,
  label,
  part: m.renamed(part, `${key}.part`, part.label),
  whole: m.renamed(whole, `${key}.whole`, whole.label),
});

export const COMPARE_METRICS: readonly CompareMetric[] = [
  count("received", "新收申请", m.received),
  count("handled", "办理总计", m.handled),
  count("granted", "予以公开", m.granted),
  count("denied", "不予公开", m.denied),
  count("proactiveItems", "主动公开信息", m.proactiveItems),
  count("licensing", "行政许可决定", m.licensing),
  count("penalty", "行政处罚决定", m.penalty),
  count("reviews", "行政复议", m.review.total),
  count("lawsuits", "行政诉讼", m.litigation.total),
  rate("grantedShare", "予以公开率", m.granted, m.handled),
  rate("reviewCorrected", "复议纠错率", m.review.corrected, m.review.total),
  rate("lawsuitCorrected", "诉讼纠错率", m.litigation.corrected, m.litigation.total),
];

export const METRIC_KEYS = COMPARE_METRICS.map((metric) => metric.key) as [string, ...string[]];
export const DEFAULT_METRICS = ["received", "grantedShare"];

export function metricsByKey(keys: readonly string[]): CompareMetric[] {
  return keys.map((key) => COMPARE_METRICS.find((metric) => metric.key === key)!);
}

const FINDINGS = [m.errors, m.warnings];

function measuresOf(metrics: readonly CompareMetric[]): m.Measure[] {
  return [...metrics.flatMap((metric) => (metric.kind === "count" ? [metric.measure] : [metric.part, metric.whole])), ...FINDINGS];
}

export interface MetricValue {
  /** a count, or a rate as a fraction */
  value: number | null;
  /** a rate's numerator and denominator */
  part?: number | null;
  whole?: number | null;
  /** false: a rate on too small a denominator, shown but not ranked */
  rankable: boolean;
}

function metricValue(metric: CompareMetric, values: Record<string, number | null>): MetricValue {
  if (metric.kind === "count") return { value: values[metric.key], rankable: values[metric.key] != null };
  const part = values[metric.part.key];
  const whole = values[metric.whole.key];
  return { value: share(part, whole), part, whole, rankable: whole != null && whole >= MIN_RATE_BASE };
}

export interface CompareCell {
  now: MetricValue;
  /** the agency's value the year before; null when it has no report that year */
  before: MetricValue | null;
  /** 1 = highest; null when not ranked */
  rank: number | null;
}

export interface CompareRow {
  id: number;
  name: string;
  kind: string;
  regionName: string | null;
  /** errors and warnings on its report of the year */
  findings: number;
  cells: Record<string, CompareCell>;
}

export interface Comparison {
  year: number;
  /** null when the year before was not loaded */
  previousYear: number | null;
  metrics: CompareMetric[];
  rows: CompareRow[];
  /** count metric key → the region's total of the year (every report under it) */
  totals: Record<string, number | null>;
}

/** Standard competition ranking (1, 2, 2, 4), highest first, over the values that can be ranked. */
function ranks(values: readonly MetricValue[]): (number | null)[] {
  const ranked = values.filter((v) => v.rankable && v.value != null).map((v) => v.value!);
  return values.map((v) => (v.rankable && v.value != null ? 1 + ranked.filter((other) => other > v.value!).length : null));
}

export function fetchComparison(db: NianbaoDb, region: RegionName | null, year: number, metrics: readonly CompareMetric[], span: YearSpan): Comparison {
  const measures = measuresOf(metrics);
  const scope: Scope = { region, from: year, to: year };
  const agencies = fetchAgencyRows(db, scope, measures);
  const previousYear = year > span.first ? year - 1 : null;
  const before = previousYear === null ? new Map<number, AgencyRow>() : new Map(fetchAgencyRows(db, { region, from: previousYear, to: previousYear }, measures).map((a) => [a.id, a]));
  const [all] = aggregate(db, scope, measures, "all");

  const cells = metrics.map((metric) => {
    const now = agencies.map((a) => metricValue(metric, a.values));
    const rank = ranks(now);
    return agencies.map((a, i): CompareCell => {
      const last = before.get(a.id);
      return { now: now[i], before: last ? metricValue(metric, last.values) : null, rank: rank[i] };
    });
  });
  return {
    year,
    previousYear,
    metrics: [...metrics],
    rows: agencies.map((a, i) => ({
      id: a.id,
      name: a.name,
      kind: a.kind,
      regionName: a.regionName,
      findings: (a.values.errors ?? 0) + (a.values.warnings ?? 0),
      cells: Object.fromEntries(metrics.map((metric, j) => [metric.key, cells[j][i]])),
    })),
    totals: Object.fromEntries(metrics.filter((metric) => metric.kind === "count").map((metric) => [metric.key, all.values[metric.key]])),
  };
}

// ------------------------------------------------------------------ as a table

/** A percentage to one decimal (41.7 for 0.41666), the way the table and the CSV both print it. */
const percent = (fraction: number | null) => (fraction == null ? null : Math.round(fraction * 1000) / 10);
const round = (value: number | null) => (value == null ? null : Math.round(value * 10_000) / 10_000);

interface Column {
  /** what ?sort= names it by */
  key: string;
  header: string;
  cell: (row: CompareRow) => number | string | null;
}

function metricColumns(metric: CompareMetric, totals: Comparison["totals"]): Column[] {
  const cell = (row: CompareRow) => row.cells[metric.key];
  const col = (id: string, header: string, value: (c: CompareCell) => number | null): Column => ({ key: `${metric.key}.${id}`, header, cell: (row) => value(cell(row)) });
  if (metric.kind === "count") {
    const change = (c: CompareCell) => (c.before?.value != null && c.now.value != null ? c.now.value - c.before.value : null);
    return [
      col("value", metric.label, (c) => c.now.value),
      col("previous", `${metric.label} 上年`, (c) => c.before?.value ?? null),
      col("change", `${metric.label} 增减`, (c) => round(change(c))),
      col("changePct", `${metric.label} 增减（%）`, (c) => percent(share(change(c), c.before?.value ?? null))),
      col("rank", `${metric.label} 排名`, (c) => c.rank),
      col("share", `${metric.label} 占地区合计（%）`, (c) => percent(share(c.now.value, totals[metric.key]))),
    ];
  }
  const points = (c: CompareCell) => (c.before?.value != null && c.now.value != null ? (c.now.value - c.before.value) * 100 : null);
  return [
    col("value", `${metric.label}（%）`, (c) => percent(c.now.value)),
    col("part", `${metric.label} 分子：${metric.part.label}`, (c) => c.now.part ?? null),
    col("whole", `${metric.label} 分母：${metric.whole.label}`, (c) => c.now.whole ?? null),
    col("previous", `${metric.label} 上年（%）`, (c) => percent(c.before?.value ?? null)),
    col("change", `${metric.label} 增减（百分点）`, (c) => (points(c) == null ? null : Math.round(points(c)! * 10) / 10)),
    col("rank", `${metric.label} 排名`, (c) => c.rank),
  ];
}

export function compareColumns(comparison: Pick<Comparison, "metrics" | "totals">): Column[] {
  return [
    { key: "name", header: "机关", cell: (row) => row.name },
    { key: "kind", header: "类型", cell: (row) => KIND_LABELS[row.kind] ?? row.kind },
    ...comparison.metrics.flatMap((metric) => metricColumns(metric, comparison.totals)),
    { key: "findings", header: "问题数", cell: (row) => row.findings },
  ];
}

export interface SortOrder {
  key: string;
  dir: "asc" | "desc";
}

/** Rows in the order asked: numbers by value, names in pinyin order, the blanks always last. */
function sortRows(rows: readonly CompareRow[], column: Column, dir: SortOrder["dir"]): CompareRow[] {
  const sign = dir === "asc" ? 1 : -1;
  return [...rows].sort((a, b) => {
    const x = column.cell(a);
    const y = column.cell(b);
    if (x == null || y == null) return x == null ? (y == null ? 0 : 1) : -1;
    return sign * (typeof x === "number" && typeof y === "number" ? x - y : String(x).localeCompare(String(y), "zh-CN"));
  });
}

/** The comparison table (the page's and the CSV's), sorted; `keys` names each column for ?sort=. */
export function compareTable(comparison: Comparison, order: SortOrder): Table & { keys: string[] } {
  const columns = compareColumns(comparison);
  const rows = sortRows(comparison.rows, columns.find((c) => c.key === order.key) ?? columns[2], order.dir);
  return {
    headers: columns.map((c) => c.header),
    keys: columns.map((c) => c.key),
    rows: rows.map((row) => columns.map((c) => c.cell(row))),
    links: rows.map((row) => [agencyHref(row.id)]),
  };
}

// ------------------------------------------------------------------ the charts

/** A metric's header with its unit: rates are shown as percentages. */
export function metricHeader(metric: CompareMetric): string {
  return metric.kind === "rate" ? `${metric.label}（%）` : metric.label;
}

/** The ranked agencies of a metric, highest first: the ranked bar chart's rows (rates as %). */
export function rankingTable(comparison: Comparison, metric: CompareMetric): Table {
  const ranked = comparison.rows.filter((row) => row.cells[metric.key].rank !== null).sort((a, b) => a.cells[metric.key].rank! - b.cells[metric.key].rank!);
  const scale = metric.kind === "rate" ? percent : (value: number | null) => value;
  return {
    headers: ["排名", "机关", metricHeader(metric)],
    rows: ranked.map((row) => [row.cells[metric.key].rank, row.name, scale(row.cells[metric.key].now.value)]),
    links: ranked.map((row) => [null, agencyHref(row.id)]),
  };
}

export interface Trends {
  /** one point per year, a key per agency (`a{id}`) */
  points: YearPoint[];
  series: { key: string; label: string }[];
}

/**
 * Each compared agency's value of the metric across every year loaded (rates as %): read per
 * shown agency, by year, from its own reports (an agency's reports are all under its region).
 */
export function fetchTrends(db: NianbaoDb, comparison: Comparison, metric: CompareMetric, region: RegionName | null, span: YearSpan, limit: number): Trends {
  const shown = comparison.rows.slice(0, limit);
  const measures = measuresOf([metric]);
  const byAgency = new Map(
    shown.map((row) => [row.id, new Map(aggregate(db, { region, agencyId: row.id, from: span.first, to: span.last }, measures, "year").map((y) => [y.group, y.values]))]),
  );
  const points = yearRange(span.first, span.last).map((year) => {
    const point: YearPoint = { year };
    for (const row of shown) {
      const values = byAgency.get(row.id)?.get(year);
      const value = values ? metricValue(metric, values).value : null;
      point[`a${row.id}`] = metric.kind === "rate" ? percent(value) : value;
    }
    return point;
  });
  return { points, series: shown.map((row) => ({ key: `a${row.id}`, label: row.name })) };
}

/** The trends, long: one row per agency and year. */
export function trendsTable(trends: Trends, metric: CompareMetric): Table {
  return {
    headers: ["机关", "年度", metricHeader(metric)],
    rows: trends.series.flatMap((s) => trends.points.map((p) => [s.label, p.year, p[s.key]])),
  };
}

// ------------------------------------------------------------------ the URL

const toList = (value: string | string[]) => (Array.isArray(value) ? value : [value]);

/** ?region=&year=&metric=a&metric=b&sort=a.change&dir=asc */
export const compareParams = regionYearParams.extend({
  metric: optional(z.union([z.string(), z.array(z.string())]).transform(toList).pipe(z.array(z.enum(METRIC_KEYS, "未知的指标")))),
  sort: optional(z.string().max(64)),
  dir: optional(z.enum(["asc", "desc"], "排序方向应为 asc 或 desc")),
});

export interface CompareView {
  region: RegionName | null;
  year: number;
  metrics: CompareMetric[];
  order: SortOrder;
  /** the metric the charts draw: the one sorted on, else the first */
  primary: CompareMetric;
  span: YearSpan;
}

/** What the params name, filled in (the latest year, the default metrics, sorted on the first metric's value, highest first). */
export function resolveCompare(db: NianbaoDb, params: z.infer<typeof compareParams>): CompareView | Missing | { invalid: string } {
  const scope = resolveRegionYear(db, params);
  if (isMissing(scope)) return scope;
  const metrics = metricsByKey([...new Set(params.metric ?? DEFAULT_METRICS)]);
  const order: SortOrder = { key: params.sort ?? `${metrics[0].key}.value`, dir: params.dir ?? "desc" };
  const [sortMetric, column] = order.key.split(".");
  const keys = compareColumns({ metrics, totals: {} }).map((c) => c.key);
  if (!keys.includes(order.key)) return { invalid: `无法按“${order.key}”排序：可用 ${keys.join("、")}` };
  const primary = metrics.find((metric) => metric.key === sortMetric && column) ?? metrics[0];
  return { ...scope, metrics, order, primary };
}
