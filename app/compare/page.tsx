/**
 * Compare a region's agencies in one year: a sortable table of the chosen metrics (value, change
 * against last year, rank, share of the region's total, findings), a ranked bar chart and each
 * agency's trend of the metric sorted on. Every choice is in the URL.
 */
import { notFound } from "next/navigation";
import { RankedBars } from "@/app/ui/charts/ranked-bars";
import { SmallMultiples } from "@/app/ui/charts/small-multiples";
import { DataTable, type SortState } from "@/app/ui/data-table";
import { Filters } from "@/app/ui/filters";
import { MetricPicker } from "@/app/ui/metric-picker";
import { NoData } from "@/app/ui/no-data";
import { NotFoundNotice } from "@/app/ui/not-found-notice";
import { Panel } from "@/app/ui/panel";
import { SyntheticBanner } from "@/app/ui/synthetic-banner";
import { AGENCY_ROWS_SHOWN } from "@/lib/queries/agencies";
import { COMPARE_METRICS, compareParams, compareTable, fetchComparison, fetchTrends, metricHeader, MIN_RATE_BASE, rankingTable, resolveCompare, type CompareView } from "@/lib/queries/compare";
import { getDatabase } from "@/lib/queries/db";
import { readParams, type SearchParams } from "@/lib/queries/filter-params";
import { countSyntheticReports } from "@/lib/queries/key-figures";
import { csvHref, pageHref, type ParamValue } from "@/lib/queries/links";
import { fetchRegionLevels } from "@/lib/queries/regions";
import { isMissing, yearRange } from "@/lib/queries/scope";

export const metadata = { title: "机关对比 · 年报分析工作台" };

/** bars and small charts beyond these are unreadable and costly to draw */
const BARS_SHOWN = 40;
const TRENDS_SHOWN = 40;

/** The URL of this view, as shown. */
function viewParams(view: CompareView): Record<string, ParamValue> {
  return { region: view.region?.code, year: view.year, metric: view.metrics.map((m) => m.key), sort: view.order.key, dir: view.order.dir };
}

/** Sorting on a new column starts highest first (text columns: in order); on the same column, turns round. */
function nextDirection(view: CompareView, key: string): "asc" | "desc" {
  if (key === view.order.key) return view.order.dir === "desc" ? "asc" : "desc";
  return key === "name" || key === "kind" ? "asc" : "desc";
}

export default async function ComparePage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const db = getDatabase();
  if (!db) return <NoData reason="no-database" />;
  const read = readParams(compareParams, await searchParams);
  if (!read.ok) return <NotFoundNotice title="链接中的参数有误" detail={read.error} />;
  const view = resolveCompare(db, read.value);
  if ("invalid" in view) return <NotFoundNotice title="链接中的参数有误" detail={view.invalid} />;
  if (isMissing(view)) notFound();

  const params = viewParams(view);
  const comparison = fetchComparison(db, view, AGENCY_ROWS_SHOWN);
  const table = compareTable(comparison);
  const sort: SortState = {
    column: table.keys.indexOf(view.order.key),
    dir: view.order.dir,
    href: (i) => pageHref("/compare", { ...params, sort: table.keys[i], dir: nextDirection(view, table.keys[i]) }),
  };
  const ranking = rankingTable(comparison);
  const bars = ranking.rows.slice(0, BARS_SHOWN).map(([, agency, value]) => ({ name: String(agency), value: Number(value) }));
  const trends = fetchTrends(db, comparison, view.primary, view.region, view.span, TRENDS_SHOWN);
  const name = view.region?.name ?? "全国";
  const scope = { region: view.region, from: view.year, to: view.year };

  return (
    <>
      <Filters levels={fetchRegionLevels(db, view.region?.code ?? null, scope)} years={yearRange(view.span.first, view.span.last)} page="/compare" yearMode="single" current={params} />
      <MetricPicker options={COMPARE_METRICS.map((m) => ({ key: m.key, label: m.label, rate: m.kind === "rate" }))} chosen={view.metrics.map((m) => m.key)} keep={{ region: params.region, year: params.year }} />
      <h1 className="scope-title">
        {name} · {view.year}年 · 机关对比
      </h1>
      <SyntheticBanner synthetic={countSyntheticReports(db, scope)} reports={comparison.total} />
      {comparison.total === 0 ? (
        <p className="empty-state" role="status">
          {name}在{view.year}年没有已导入的年报，无可比较。可在“发布情况”中查看哪些机关未发布。
        </p>
      ) : (
        <>
          <Panel
            id="compare"
            title="机关对比表"
            csv={csvHref("compare", params)}
            note={`点击表头排序。增减与${comparison.previousYear ? `${comparison.previousYear}年` : "上年（未导入）"}相比；比率列出分子和分母，分母少于 ${MIN_RATE_BASE} 的不参与排名。`}
          >
            <DataTable table={table} total={comparison.total} empty="" sort={sort} caption={`${name}${view.year}年各机关的比较`} />
          </Panel>
          <Panel
            id="compare-ranking"
            title={`${metricHeader(view.primary)}排名`}
            csv={csvHref("compare-ranking", params)}
            note={comparison.ranked > BARS_SHOWN ? `共 ${comparison.ranked} 个机关参与排名，图中列出前 ${BARS_SHOWN} 个。` : undefined}
          >
            {bars.length === 0 ? (
              <p className="panel-note">没有机关可以排名{view.primary.kind === "rate" ? `（分母都少于 ${MIN_RATE_BASE}）` : ""}。</p>
            ) : (
              <RankedBars data={bars} label={metricHeader(view.primary)} />
            )}
          </Panel>
          <Panel
            id="compare-trends"
            title={`${metricHeader(view.primary)}：各机关逐年`}
            csv={csvHref("compare-trends", params)}
            note={`每个机关一张小图，纵轴各自独立${comparison.total > TRENDS_SHOWN ? `；图中列出前 ${TRENDS_SHOWN} 个机关，CSV 含全部` : ""}。`}
          >
            <SmallMultiples data={trends.points} series={trends.series} />
          </Panel>
        </>
      )}
    </>
  );
}
