/**
 * Anomalies: every problem found in the current reports of a region and a range of years, from
 * the tables' own arithmetic to text copied between agencies. Filters by region, years, kind and
 * severity; counts by sub-region as a heat table (which county has the most problems); each
 * finding leads to its report at the line of its evidence; the filtered list downloads as CSV.
 */
import { notFound } from "next/navigation";
import { HeatTable } from "@/app/ui/anomalies/heat-table";
import { RuleFilters } from "@/app/ui/anomalies/rule-filters";
import { DataTable } from "@/app/ui/data-table";
import { Filters } from "@/app/ui/filters";
import { formatNumber } from "@/app/ui/format";
import { NoData } from "@/app/ui/no-data";
import { NotFoundNotice } from "@/app/ui/not-found-notice";
import { Panel } from "@/app/ui/panel";
import { SyntheticBanner } from "@/app/ui/synthetic-banner";
import { ALL_RULES, RULE_BY_ID } from "@/lib/anomalies/registry";
import {
  anomaliesHref,
  anomalyParams,
  anomalyTable,
  fetchAnomalies,
  fetchAnomalyHeat,
  resolveAnomalyView,
  rulesTable,
  viewParams,
} from "@/lib/queries/anomalies";
import { getDatabase } from "@/lib/queries/db";
import { readParams, type SearchParams } from "@/lib/queries/filter-params";
import { queryString } from "@/lib/queries/links";
import { fetchRegionLevels } from "@/lib/queries/regions";
import { SEVERITY_LABELS } from "@/lib/queries/report-tables";
import { fetchYearSpan, isMissing, yearRange, yearsText } from "@/lib/queries/scope";

export const metadata = { title: "异常 · 年报分析工作台" };

/** a county's findings fit on the page; a province's are in the CSV */
const ROWS_SHOWN = 500;

const RULE_OPTIONS = ALL_RULES.map((r) => ({ value: r.id, label: r.title }));
const SEVERITY_OPTIONS = Object.entries(SEVERITY_LABELS).map(([value, label]) => ({ value, label }));

export default async function AnomaliesPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const db = getDatabase();
  if (!db) return <NoData reason="no-database" />;
  const span = fetchYearSpan(db);
  if (!span) return <NoData reason="no-reports" />;
  const read = readParams(anomalyParams, await searchParams);
  if (!read.ok) return <NotFoundNotice title="链接中的参数有误" detail={read.error} />;
  const view = resolveAnomalyView(db, read.value);
  if (isMissing(view)) notFound();

  const shown = viewParams(view);
  const { scope } = view;
  const rows = fetchAnomalies(db, view);
  const heat = fetchAnomalyHeat(db, view);
  const reports = new Set(rows.map((r) => r.reportId));
  const synthetic = new Set(rows.filter((r) => r.synthetic).map((r) => r.reportId));
  const rule = view.rule ? RULE_BY_ID.get(view.rule) : undefined;
  const csv = (params: Record<string, string | number | undefined>) => `/api/anomalies.csv${queryString({ ...shown, ...params })}`;

  return (
    <>
      <Filters levels={fetchRegionLevels(db, scope.region?.code ?? null, scope)} years={yearRange(span.first, span.last)} page="/anomalies" current={shown} />
      <RuleFilters rules={RULE_OPTIONS} severities={SEVERITY_OPTIONS} current={shown} />
      <h1 className="scope-title">
        {scope.region?.name ?? "全国"} · {yearsText(scope.from, scope.to)}年 · 异常与问题
      </h1>
      <SyntheticBanner synthetic={synthetic.size} reports={reports.size} />
      <p className="panel-note">
        共 {formatNumber(rows.length)} 个问题，涉及 {formatNumber(reports.size)} 份年报。
        {rule && `${rule.title}：${rule.explanation}`}
      </p>

      <Panel id="anomaly-heat" title="各地区问题数" csv={csv({ view: "heat" })}>
        {heat.rows.length === 0 ? (
          <p className="panel-note">所选范围内没有发现问题。</p>
        ) : (
          <HeatTable heat={heat} regionHref={(code) => anomaliesHref({ ...shown, region: code })} ruleHref={(id) => anomaliesHref({ ...shown, rule: id })} />
        )}
      </Panel>
      <Panel id="anomalies" title="问题清单" csv={csv({})} note="点击“问题”打开年报并标亮依据所在的原文行；“依据”列出比较所用的其他年报、往年数字或同类机关。">
        <DataTable table={anomalyTable(rows)} empty="所选范围内没有发现问题。" limit={ROWS_SHOWN} caption="问题清单" />
      </Panel>
      <Panel id="anomaly-rules" title="检查规则" csv={csv({ view: "rules" })}>
        <DataTable table={rulesTable()} empty="" caption="各检查规则的说明" />
      </Panel>
    </>
  );
}
