/**
 * The overview: key figures, charts across years and the agency table for a region and a range
 * of years, all read from the database on the server; the browser only draws the charts.
 */
import Link from "next/link";
import { AGENCY_ROWS_SHOWN, fetchAgencyPage } from "@/lib/queries/agencies";
import { getDatabase } from "@/lib/queries/db";
import { readParams, regionYearsParams, type SearchParams } from "@/lib/queries/filter-params";
import { fetchKeyFigures } from "@/lib/queries/key-figures";
import { csvHref, regionHref } from "@/lib/queries/links";
import { fetchRegionLevels } from "@/lib/queries/regions";
import { fetchYearSpan, resolveScope, scopeFilters, yearRange } from "@/lib/queries/scope";
import { agencyTable, viewTitle } from "@/lib/queries/tables";
import { fetchYearlyCharts } from "@/lib/queries/yearly";
import { DataTable } from "./ui/data-table";
import { Filters } from "./ui/filters";
import { KeyFigures } from "./ui/key-figures";
import { NoData } from "./ui/no-data";
import { NotFoundNotice } from "./ui/not-found-notice";
import { Panel } from "./ui/panel";
import { SyntheticBanner } from "./ui/synthetic-banner";
import { YearCharts } from "./ui/year-charts";

export default async function OverviewPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const db = getDatabase();
  if (!db) return <NoData reason="no-database" />;
  const span = fetchYearSpan(db);
  if (!span) return <NoData reason="no-reports" />;
  const read = readParams(regionYearsParams, await searchParams);
  if (!read.ok) return <NotFoundNotice title="链接中的参数有误" detail={read.error} />;

  const scope = resolveScope(db, read.value, span);
  const shown = scopeFilters(scope);
  const figures = fetchKeyFigures(db, scope);
  const agencies = fetchAgencyPage(db, scope, AGENCY_ROWS_SHOWN);

  return (
    <>
      <Filters levels={fetchRegionLevels(db, scope.region?.code ?? null, scope)} years={yearRange(span.first, span.last)} page="/" current={{ ...shown }} />
      <h1 className="scope-title">
        {scope.region?.name ?? "全国"} · {scope.from === scope.to ? scope.from : `${scope.from}–${scope.to}`}年
      </h1>
      <p className="page-links">
        <Link href={regionHref(scope.region?.code, shown)}>查看{scope.region?.name ?? "全国"}的地区页（下级地区对比）</Link>
      </p>
      <SyntheticBanner synthetic={figures.syntheticReports} reports={figures.reports} />
      <KeyFigures figures={figures} />
      <YearCharts charts={fetchYearlyCharts(db, scope)} csvParams={{ ...shown }} />
      <Panel id="agencies" title={viewTitle("agencies")} csv={csvHref("agencies", { ...shown })}>
        <DataTable table={agencyTable(agencies.rows)} total={agencies.total} empty="所选地区和年度没有年报。" caption="机关一览：各机关的年报份数和主要数字" />
      </Panel>
    </>
  );
}
