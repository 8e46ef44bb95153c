/**
 * The overview: key figures, charts across years and the agency table for a region and a range
 * of years, all read from the database on the server; the browser only draws the charts.
 */
import { getDatabase } from "@/lib/queries/db";
import { parseFilters, type SearchParams } from "@/lib/queries/filter-params";
import { filtersQuery } from "@/lib/queries/filters";
import { fetchKeyFigures } from "@/lib/queries/key-figures";
import { fetchRegionLevels } from "@/lib/queries/regions";
import { fetchYearSpan, resolveScope, scopeFilters, yearRange } from "@/lib/queries/scope";
import { fetchTable } from "@/lib/queries/tables";
import { fetchYearly, YEARLY_VIEWS, type YearlyViewId } from "@/lib/queries/yearly";
import { SmallMultiples } from "./ui/charts/small-multiples";
import { StackedYearBars } from "./ui/charts/stacked-year-bars";
import { DataTable } from "./ui/data-table";
import { Filters } from "./ui/filters";
import { KeyFigures } from "./ui/key-figures";
import { NoData } from "./ui/no-data";
import { Panel } from "./ui/panel";
import { SyntheticBanner } from "./ui/synthetic-banner";

const STACKED: YearlyViewId[] = ["requests", "reviews", "litigation"];

/** a city's agencies fit; a province's are in the CSV */
const AGENCY_ROWS_SHOWN = 500;

export default async function OverviewPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const filters = parseFilters(await searchParams);
  const db = getDatabase();
  if (!db) return <NoData reason="no-database" />;
  const span = fetchYearSpan(db);
  if (!span) return <NoData reason="no-reports" />;

  const scope = resolveScope(db, filters, span);
  const shown = scopeFilters(scope);
  const query = filtersQuery(shown);
  const figures = fetchKeyFigures(db, scope);
  const series = (id: YearlyViewId) => YEARLY_VIEWS[id].measures.map(({ key, label }) => ({ key, label }));

  return (
    <>
      <Filters levels={fetchRegionLevels(db, scope.region?.code ?? null, scope)} years={yearRange(span.first, span.last)} current={shown} />
      <h1 className="scope-title">
        {scope.region?.name ?? "全国"} · {scope.from === scope.to ? scope.from : `${scope.from}–${scope.to}`}年
      </h1>
      <SyntheticBanner synthetic={figures.syntheticReports} reports={figures.reports} />
      <KeyFigures figures={figures} />

      <Panel view="proactive" query={query} note="各图纵轴单位不同；2019、2020年模板的“本年新制作数量”计入规范性文件制发。">
        <SmallMultiples data={fetchYearly(db, scope, YEARLY_VIEWS.proactive)} series={series("proactive")} />
      </Panel>
      <div className="panel-grid">
        {STACKED.map((id) => (
          <Panel key={id} view={id} query={query}>
            <StackedYearBars data={fetchYearly(db, scope, YEARLY_VIEWS[id])} series={series(id)} />
          </Panel>
        ))}
      </div>
      <Panel view="agencies" query={query}>
        <DataTable table={fetchTable(db, scope, "agencies")} empty="所选地区和年度没有年报。" limit={AGENCY_ROWS_SHOWN} />
      </Panel>
    </>
  );
}
