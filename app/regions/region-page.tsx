/**
 * A region's page (the whole country without a code): its figures across the years (the
 * overview's key figures and charts, scoped to it), its sub-regions side by side, and its agencies.
 */
import Link from "next/link";
import { notFound } from "next/navigation";
import { Breadcrumb } from "@/app/ui/breadcrumb";
import { DataTable } from "@/app/ui/data-table";
import { Filters } from "@/app/ui/filters";
import { KeyFigures } from "@/app/ui/key-figures";
import { NoData } from "@/app/ui/no-data";
import { NotFoundNotice } from "@/app/ui/not-found-notice";
import { Panel } from "@/app/ui/panel";
import { SyntheticBanner } from "@/app/ui/synthetic-banner";
import { YearCharts } from "@/app/ui/year-charts";
import { AGENCY_ROWS_SHOWN, fetchAgencyPage } from "@/lib/queries/agencies";
import { getDatabase } from "@/lib/queries/db";
import { readParams, type SearchParams } from "@/lib/queries/filter-params";
import { fetchKeyFigures } from "@/lib/queries/key-figures";
import { regionPageParams } from "@/lib/queries/page-params";
import { csvHref, pageHref } from "@/lib/queries/links";
import { fetchRegionLevels, lineage } from "@/lib/queries/regions";
import { fetchYearSpan, isMissing, resolveExactScope, scopeFilters, yearRange, yearsText } from "@/lib/queries/scope";
import { fetchSubregionRows, subregionTable } from "@/lib/queries/subregions";
import { agencyTable, viewTitle } from "@/lib/queries/tables";
import { fetchYearlyCharts } from "@/lib/queries/yearly";

export async function RegionPage({ code, searchParams }: { code?: string; searchParams: SearchParams }) {
  const db = getDatabase();
  if (!db) return <NoData reason="no-database" />;
  const span = fetchYearSpan(db);
  if (!span) return <NoData reason="no-reports" />;
  const read = readParams(regionPageParams, searchParams);
  if (!read.ok) return <NotFoundNotice title="链接中的参数有误" detail={read.error} />;
  const scope = resolveExactScope(db, { region: code, ...read.value });
  if (isMissing(scope)) notFound();

  const shown = scopeFilters(scope);
  const figures = fetchKeyFigures(db, scope);
  const agencies = fetchAgencyPage(db, scope, AGENCY_ROWS_SHOWN);
  const name = scope.region?.name ?? "全国";
  const subregions = fetchSubregionRows(db, scope);
  const here = { region: scope.region?.code };

  return (
    <>
      <Breadcrumb chain={lineage(db, scope.region?.code ?? null)} years={shown} />
      <Filters levels={fetchRegionLevels(db, scope.region?.code ?? null, scope)} years={yearRange(span.first, span.last)} page="/regions" current={{ ...shown }} />
      <h1 className="scope-title">
        {name} · {yearsText(scope.from, scope.to)}年
      </h1>
      <p className="page-links">
        <Link href={pageHref("/coverage", { ...shown })}>发布情况（谁未发布）</Link>
        <Link href={pageHref("/compare", { ...here, year: scope.to })}>{scope.to}年机关对比</Link>
        <Link href={pageHref("/summary", { ...here, year: scope.to })}>{scope.to}年汇总表</Link>
      </p>
      <SyntheticBanner synthetic={figures.syntheticReports} reports={figures.reports} />
      {figures.reports === 0 ? (
        <p className="empty-state" role="status">
          {name}在{yearsText(scope.from, scope.to)}年没有已导入的年报，因此没有图表。可在“发布情况”中查看哪些机关和乡镇未发布。
        </p>
      ) : (
        <>
          <KeyFigures figures={figures} />
          <YearCharts charts={fetchYearlyCharts(db, scope)} csvParams={{ ...shown }} />
        </>
      )}
      {subregions.length > 0 && (
        <Panel id="subregions" title="下级地区对比" csv={csvHref("subregions", { ...shown })} note="各下级地区在所选年度的合计；没有年报的地区也列出。">
          <DataTable table={subregionTable(subregions, scope)} empty="" caption={`${name}的下级地区`} />
        </Panel>
      )}
      {figures.reports > 0 && (
        <Panel id="agencies" title={viewTitle("agencies")} csv={csvHref("agencies", { ...shown })}>
          <DataTable table={agencyTable(agencies.rows)} total={agencies.total} empty="" caption={`${name}的机关`} />
        </Panel>
      )}
    </>
  );
}
