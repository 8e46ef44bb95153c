/**
 * A region's combined report for a year (the 汇总 a county office must publish), in the official
 * layout: every cell summed over the reports under the region, with the count of reports behind
 * it and the ones left out because their checks found errors.
 */
import Link from "next/link";
import { notFound } from "next/navigation";
import { DataTable } from "@/app/ui/data-table";
import { Filters } from "@/app/ui/filters";
import { NoData } from "@/app/ui/no-data";
import { NotFoundNotice } from "@/app/ui/not-found-notice";
import { OfficialTable } from "@/app/ui/official-table";
import { Panel } from "@/app/ui/panel";
import { SyntheticBanner } from "@/app/ui/synthetic-banner";
import { getDatabase } from "@/lib/queries/db";
import { readParams, regionYearParams, type SearchParams } from "@/lib/queries/filter-params";
import { csvHref, pageHref } from "@/lib/queries/links";
import { officialLayout } from "@/lib/queries/official-layout";
import { fetchRegionLevels } from "@/lib/queries/regions";
import { isMissing, resolveRegionYear, yearRange } from "@/lib/queries/scope";
import { fetchRegionSummary, summaryReportsTable } from "@/lib/queries/summary";
import { TEMPLATES } from "@/lib/template/definitions";

export const metadata = { title: "汇总表 · 年报分析工作台" };

/** a county's reports fit; a province's list is in the CSV */
const REPORT_ROWS_SHOWN = 500;

export default async function SummaryPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const db = getDatabase();
  if (!db) return <NoData reason="no-database" />;
  const read = readParams(regionYearParams, await searchParams);
  if (!read.ok) return <NotFoundNotice title="链接中的参数有误" detail={read.error} />;
  const view = resolveRegionYear(db, read.value);
  if (isMissing(view)) notFound();

  const params = { region: view.region?.code, year: view.year };
  const scope = { region: view.region, from: view.year, to: view.year };
  const filters = <Filters levels={fetchRegionLevels(db, view.region?.code ?? null, scope)} years={yearRange(view.span.first, view.span.last)} page="/summary" yearMode="single" current={params} />;
  if (!view.region) {
    return (
      <>
        {filters}
        <h1 className="scope-title">汇总表</h1>
        <p className="empty-state">请先选择一个地区（省、市、县或乡镇），查看其下各机关年报的汇总表。</p>
      </>
    );
  }

  const summary = fetchRegionSummary(db, view.region, view.year);
  const reports = summary.included.length + summary.excluded.length;
  const synthetic = [...summary.included, ...summary.excluded].filter((r) => r.synthetic).length;
  return (
    <>
      {filters}
      <h1 className="scope-title">
        {view.region.name}
        {view.year}年政府信息公开工作年度报告汇总表
      </h1>
      <SyntheticBanner synthetic={synthetic} reports={reports} />
      {reports === 0 ? (
        <p className="empty-state" role="status">
          {view.region.name}在{view.year}年没有已导入的年报，无从汇总。可在<Link href={pageHref("/coverage", { region: view.region.code, from: view.year, to: view.year })}>发布情况</Link>中查看哪些机关未发布。
        </p>
      ) : (
        <>
          <p className="summary-count" role="status">
            汇总了 <strong>{summary.included.length}</strong> 份年报；另有 <strong>{summary.excluded.length}</strong> 份因检查发现错误未计入（见下方清单）。按{TEMPLATES[summary.template].source}的表式汇总，其他表式的年报只计入两种表式共有的栏目。
          </p>
          <Panel id="summary" title="汇总统计表" csv={csvHref("summary", params)}>
            {officialLayout(summary.template).map((table) => (
              <OfficialTable key={table.section} table={table} valueOf={(field) => ({ value: summary.sums.get(field) ?? null })} />
            ))}
          </Panel>
          <Panel id="summary-reports" title="汇总所依据的年报" csv={csvHref("summary-reports", params)}>
            <DataTable table={summaryReportsTable(summary)} empty="" limit={REPORT_ROWS_SHOWN} caption="计入和未计入汇总的年报" />
          </Panel>
        </>
      )}
    </>
  );
}
