/**
 * Comparing a region's agencies in one year: for each chosen metric, each agency's value, its
 * change against the year before (absolute and %), its rank and its share of the region's total,
 * beside its finding count; and each agency's trend across the years.
 *
 * Rates (share granted, correction rates) carry their numerator and denominator, and an agency
 * whose denominator is under MIN_RATE_BASE is not ranked: 1 granted of 1 is not "100%, first".
 */
import { sql } from "drizzle-orm";
import { z } from "zod";
import type { NianbaoDb } from "@/db/client";
import { aggregate, aggregateFromReports } from "./aggregate";
import { agencyIdsInOrder, fetchAgencyNames, type AgencyName } from "./agencies";
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

/** The measures the metrics are worked out from, with the findings or without. */
function measuresOf(metrics: readonly CompareMetric[], findings = true): m.Measure[] {
  return [...metrics.flatMap((metric) => (metric.kind === "count" ? [metric.measure] : [metric.part, metric.whole])), ...(findings ? FINDINGS : [])];
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
  /** the metric `ranking` is of */
  primary: CompareMetric;
  /** the agencies in the order asked: every one, or the first `limit` of them */
  rows: CompareRow[];
  /** how many agencies the region has with a report of the year */
  total: number;
  /** the agencies ranked on the primary metric, by rank: every one, or the first `limit` */
  ranking: CompareRow[];
  /** how many agencies are ranked on the primary metric */
  ranked: number;
  /** count metric key → the region's total of the year (every report under it) */
  totals: Record<string, number | null>;
}

type Values = Record<string, number | null>;

/**
 * What rows are built from, by agency id. `now` and `ranks` cover every agency of the region;
 * the rest covers every agency or only the rows shown, and holds only what was asked for.
 */
interface Facts {
  /** the metrics' measures in the year */
  now: Map<number, Values>;
  /** metric key → the agencies' ranking on it */
  ranks: Map<string, Ranking>;
  /** measures in the year before (only agencies with a report that year) */
  before: Map<number, Values>;
  /** errors and warnings in the year */
  findings: Map<number, Values>;
  names: Map<number, AgencyName>;
}

/** What to read beyond the year's figures: all of it for the rows shown, what its column needs for the order of every agency. */
interface Needs {
  before: readonly m.Measure[];
  findings: boolean;
  names: boolean;
}

/**
 * The most agencies read by a list of their ids; more (the CSV's rows, an order over every
 * agency) are read with the whole region, which is cheaper than a list that long.
 */
const MOST_LISTED = 1_000;

/** These agencies, as the `only` that reads them: a list of ids, or none (the whole region) when there are too many. */
const listed = (ids: readonly number[]) => (ids.length <= MOST_LISTED ? ids : undefined);

/** Each agency's sums of the measures over its reports in the scope; `only`: these agencies alone. */
function figuresByAgency(db: NianbaoDb, scope: Scope, measures: readonly m.Measure[], only?: readonly number[]): Map<number, Values> {
  if (measures.length === 0 || only?.length === 0) return new Map();
  const narrower = only ? sql`r.agency_id IN ${only}` : undefined;
  return new Map(aggregateFromReports(db, scope, measures, "agency", narrower).map((row) => [Number(row.group), row.values]));
}

/** The facts `needs` names, of every agency of the region or `only` of these. */
function readFacts(db: NianbaoDb, view: CompareView, base: Pick<Facts, "now" | "ranks">, needs: Needs, only?: readonly number[]): Facts {
  const previousYear = previousYearOf(view);
  const before = previousYear === null ? new Map() : figuresByAgency(db, { region: view.region, from: previousYear, to: previousYear }, needs.before, only);
  const findings = needs.findings ? figuresByAgency(db, { region: view.region, from: view.year, to: view.year }, FINDINGS, only) : new Map();
  const names = needs.names ? fetchAgencyNames(db, view.region, only) : [];
  return { ...base, before, findings, names: new Map(names.map((a) => [a.id, a])) };
}

/** The comparison's row of an agency, over these metrics; what the facts lack is blank. */
function compareRow(id: number, metrics: readonly CompareMetric[], facts: Facts): CompareRow {
  const name = facts.names.get(id);
  const last = facts.before.get(id);
  const found = facts.findings.get(id);
  const cell = (metric: CompareMetric): CompareCell => ({
    now: metricValue(metric, facts.now.get(id)!),
    before: last ? metricValue(metric, last) : null,
    rank: facts.ranks.get(metric.key)!.rankOf.get(id) ?? null,
  });
  return {
    id,
    name: name?.name ?? "",
    kind: name?.kind ?? "",
    regionName: name?.regionName ?? null,
    findings: (found?.errors ?? 0) + (found?.warnings ?? 0),
    cells: Object.fromEntries(metrics.map((metric) => [metric.key, cell(metric)])),
  };
}

const previousYearOf = (view: CompareView) => (view.year > view.span.first ? view.year - 1 : null);

/** The metric a column (`received.change`) shows: none for name, kind and findings. */
const metricOf = (metrics: readonly CompareMetric[], column: string) => metrics.filter((metric) => metric.key === column.split(".")[0]);

/** What ordering every agency by this column reads beyond the year's figures. */
function sortNeeds(view: CompareView, column: string): Needs {
  const past = ["previous", "change", "changePct"].includes(column.split(".")[1]);
  return { before: past ? measuresOf(metricOf(view.metrics, column), false) : [], findings: column === "findings", names: column === "name" || column === "kind" };
}

/** Every agency of the region with a report of the year, in gazetteer order (which ties keep), its figures and ranks. */
function everyAgency(db: NianbaoDb, view: CompareView): Pick<Facts, "now" | "ranks"> & { ids: number[] } {
  const now = figuresByAgency(db, { region: view.region, from: view.year, to: view.year }, measuresOf(view.metrics, false));
  const ids = agencyIdsInOrder(db, view.region).filter((id) => now.has(id));
  return { ids, now, ranks: new Map(view.metrics.map((metric) => [metric.key, rankAgencies(metric, ids, now)])) };
}

/** The agencies ranked on a metric, by rank (ties in gazetteer order), and each one's rank. */
interface Ranking {
  byRank: number[];
  /** standard competition ranking (1, 2, 2, 4), highest first; the unranked are absent */
  rankOf: Map<number, number>;
}

/** The agencies' ranking on the metric, over the values that can be ranked: one stable sort, highest first. */
function rankAgencies(metric: CompareMetric, ids: readonly number[], now: Facts["now"]): Ranking {
  const scored = ids
    .map((id) => ({ id, ...metricValue(metric, now.get(id)!) }))
    .filter((v) => v.rankable && v.value != null)
    .sort((a, b) => b.value! - a.value!);
  // a value's rank is one more than the number of values above it: the place of its first holder
  const rankOf = new Map<number, number>();
  scored.forEach(({ id, value }, i) => rankOf.set(id, i > 0 && value === scored[i - 1].value ? rankOf.get(scored[i - 1].id)! : i + 1));
  return { byRank: scored.map((v) => v.id), rankOf };
}

/**
 * The region's agencies compared in the view's year, in the view's order: every one (the CSV),
 * or the first `limit` (a page). Every agency's figures of the year are read once, for the ranks
 * and the order; the year before, the findings and the names only for the rows shown, and for
 * every agency only when the order is by one of them.
 */
export function fetchComparison(db: NianbaoDb, view: CompareView, limit = Infinity): Comparison {
  const { region, year, metrics, primary, order } = view;
  const [all] = aggregate(db, { region, from: year, to: year }, measuresOf(metrics), "all");
  const totals: Comparison["totals"] = Object.fromEntries(metrics.filter((metric) => metric.kind === "count").map((metric) => [metric.key, all.values[metric.key]]));
  const base = everyAgency(db, view);

  const column = sortColumn(compareColumns({ metrics, totals }), order);
  const sortFacts = readFacts(db, view, base, sortNeeds(view, order.key), listed(base.ids));
  const inOrder = sortRows(base.ids.map((id) => compareRow(id, metricOf(metrics, column.key), sortFacts)), column, order.dir).map((row) => row.id);
  const ranked = base.ranks.get(primary.key)!.byRank;

  const [rowIds, rankingIds] = [inOrder.slice(0, limit), ranked.slice(0, limit)];
  const everything: Needs = { before: measuresOf(metrics, false), findings: true, names: true };
  const facts = readFacts(db, view, base, everything, listed([...new Set([...rowIds, ...rankingIds])]));
  const rowOf = (id: number) => compareRow(id, metrics, facts);
  return {
    year,
    previousYear: previousYearOf(view),
    metrics: [...metrics],
    primary,
    rows: rowIds.map(rowOf),
    total: base.ids.length,
    ranking: rankingIds.map(rowOf),
    ranked: ranked.length,
    totals,
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

/** The column sorted on: the one asked, else the first metric's value. */
const sortColumn = (columns: readonly Column[], order: SortOrder) => columns.find((c) => c.key === order.key) ?? columns[2];

/** pinyin order; one collator, as `localeCompare` would build one per comparison */
const PINYIN = new Intl.Collator("zh-CN");

/**
 * Rows in the order asked: numbers by value, names in pinyin order, the blanks always last; ties
 * keep the rows' order. Each row's cell is worked out once, not once per comparison.
 */
function sortRows(rows: readonly CompareRow[], column: Column, dir: SortOrder["dir"]): CompareRow[] {
  const sign = dir === "asc" ? 1 : -1;
  const keyed = rows.map((row) => ({ row, key: column.cell(row) }));
  keyed.sort(({ key: x }, { key: y }) => {
    if (x == null || y == null) return x == null ? (y == null ? 0 : 1) : -1;
    return sign * (typeof x === "number" && typeof y === "number" ? x - y : PINYIN.compare(String(x), String(y)));
  });
  return keyed.map(({ row }) => row);
}

/** The comparison table (the page's and the CSV's), its rows in the order fetched; `keys` names each column for ?sort=. */
export function compareTable(comparison: Comparison): Table & { keys: string[] } {
  const columns = compareColumns(comparison);
  return {
    headers: columns.map((c) => c.header),
    keys: columns.map((c) => c.key),
    rows: comparison.rows.map((row) => columns.map((c) => c.cell(row))),
    links: comparison.rows.map((row) => [agencyHref(row.id)]),
  };
}

// ------------------------------------------------------------------ the charts

/** A metric's header with its unit: rates are shown as percentages. */
export function metricHeader(metric: CompareMetric): string {
  return metric.kind === "rate" ? `${metric.label}（%）` : metric.label;
}

/** The agencies ranked on the primary metric, highest first: the ranked bar chart's rows (rates as %). */
export function rankingTable(comparison: Comparison): Table {
  const { ranking: ranked, primary: metric } = comparison;
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
 * Each compared agency's value of the metric across every year loaded (rates as %): one query a
 * year for the agencies shown (every agency of the region for the CSV), not one per agency.
 */
export function fetchTrends(db: NianbaoDb, comparison: Comparison, metric: CompareMetric, region: RegionName | null, span: YearSpan, limit: number): Trends {
  const shown = comparison.rows.slice(0, limit);
  const only = listed(shown.map((row) => row.id));
  const years = yearRange(span.first, span.last);
  const byYear = years.map((year) => figuresByAgency(db, { region, from: year, to: year }, measuresOf([metric], false), only));
  const points = years.map((year, i) => {
    const point: YearPoint = { year };
    for (const row of shown) {
      const values = byYear[i].get(row.id);
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
  const keys = compareColumns({ metrics, totals: {} }).map((c) => c.key);
  if (!keys.includes(order.key)) return { invalid: `无法按“${order.key}”排序：可用 ${keys.join("、")}` };
  const [primary = metrics[0]] = metricOf(metrics, order.key);
  return { ...scope, metrics, order, primary };
}
