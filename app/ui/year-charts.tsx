/**
 * The charts across years of a scope, each in its panel with its CSV: the proactive figures as
 * small multiples (their units differ), request outcomes, reviews and lawsuits as stacked bars.
 * The overview, a region's page and an agency's page show the same four.
 */
import { csvHref, type ParamValue } from "@/lib/queries/links";
import { YEARLY_VIEWS, type YearlyCharts, type YearlyViewId } from "@/lib/queries/yearly";
import { SmallMultiples } from "./charts/small-multiples";
import { StackedYearBars } from "./charts/stacked-year-bars";
import { Panel } from "./panel";

const STACKED: YearlyViewId[] = ["requests", "reviews", "litigation"];

const series = (id: YearlyViewId) => YEARLY_VIEWS[id].measures.map(({ key, label }) => ({ key, label }));

/** `csvParams`: the params that name the same scope for the CSV route. */
export function YearCharts({ charts, csvParams }: { charts: YearlyCharts; csvParams: Record<string, ParamValue> }) {
  return (
    <>
      <Panel
        id="proactive"
        title={YEARLY_VIEWS.proactive.title}
        csv={csvHref("proactive", csvParams)}
        note="各图纵轴单位不同；2019、2020年模板的“本年新制作数量”计入规范性文件制发。"
      >
        <SmallMultiples data={charts.proactive} series={series("proactive")} />
      </Panel>
      <div className="panel-grid">
        {STACKED.map((id) => (
          <Panel key={id} id={id} title={YEARLY_VIEWS[id].title} csv={csvHref(id, csvParams)}>
            <StackedYearBars data={charts[id]} series={series(id)} />
          </Panel>
        ))}
      </div>
    </>
  );
}
