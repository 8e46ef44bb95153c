/**
 * Who published: for a region and a range of years, every agency × year as published, published
 * with errors, or missing; townships of the gazetteer with no report at all are listed as missing.
 */
import { notFound } from "next/navigation";
import { DataTable } from "@/app/ui/data-table";
import { Filters } from "@/app/ui/filters";
import { NoData } from "@/app/ui/no-data";
import { NotFoundNotice } from "@/app/ui/not-found-notice";
import { Panel } from "@/app/ui/panel";
import { coverageTable, coverageYearsTable, fetchCoverage } from "@/lib/queries/coverage";
import { getDatabase } from "@/lib/queries/db";
import { readParams, regionYearsParams, type SearchParams } from "@/lib/queries/filter-params";
import { csvHref } from "@/lib/queries/links";
import { fetchRegionLevels } from "@/lib/queries/regions";
import { fetchYearSpan, isMissing, resolveExactScope, scopeFilters, yearRange, yearsText } from "@/lib/queries/scope";

export const metadata = { title: "发布情况 · 年报分析工作台" };

/** a county's agencies and townships fit; a province's are in the CSV */
const ROWS_SHOWN = 500;

export default async function CoveragePage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const db = getDatabase();
  if (!db) return <NoData reason="no-database" />;
  const span = fetchYearSpan(db);
  if (!span) return <NoData reason="no-reports" />;
  const read = readParams(regionYearsParams, await searchParams);
  if (!read.ok) return <NotFoundNotice title="链接中的参数有误" detail={read.error} />;
  const scope = resolveExactScope(db, read.value);
  if (isMissing(scope)) notFound();

  const shown = { ...scopeFilters(scope) };
  const filters = <Filters levels={fetchRegionLevels(db, scope.region?.code ?? null, scope)} years={yearRange(span.first, span.last)} page="/coverage" current={shown} />;
  if (!scope.region) {
    return (
      <>
        {filters}
        <h1 className="scope-title">发布情况</h1>
        <p className="empty-state">请先选择一个地区（省、市、县或乡镇），查看其下各机关、各乡镇逐年的年报发布情况。</p>
      </>
    );
  }

  const coverage = fetchCoverage(db, { ...scope, region: scope.region });
  return (
    <>
      {filters}
      <h1 className="scope-title">
        {scope.region.name} · {yearsText(scope.from, scope.to)}年 · 发布情况
      </h1>
      <p className="panel-note">
        “有错误”：年报已发布，但检查发现了错误，数字不宜直接采用。统计用区划代码中的乡镇（街道）如果没有任何年报，也列为“未发布”。
      </p>
      <Panel id="coverage-years" title="各年度合计" csv={csvHref("coverage-years", shown)}>
        <DataTable table={coverageYearsTable(coverage)} empty="" caption="各年度已发布、有错误、未发布的机关数" />
      </Panel>
      <Panel id="coverage" title="机关 × 年度" csv={csvHref("coverage", shown)}>
        <DataTable table={coverageTable(coverage)} empty="该地区没有任何机关或乡镇。" limit={ROWS_SHOWN} caption="各机关逐年的年报发布情况" />
      </Panel>
    </>
  );
}
