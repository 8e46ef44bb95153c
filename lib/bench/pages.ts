/**
 * The queries behind each page, called in-process the way the page calls them (app/**\/page.tsx):
 * the same lib/queries functions in the same order, with the page's own reading of its params,
 * building the same tables, and nothing of the rendering. What a page costs the database.
 */
import type { NianbaoDb } from "../../db/client";
import { AGENCY_ROWS_SHOWN, fetchAgencyPage } from "../queries/agencies";
import { agencyYearsTable, fetchAgency, fetchAgencyFindings, fetchAgencyReports, fetchAgencyValues, SECTIONS, sectionYearsTable } from "../queries/agency";
import { anomalyParams, anomalyTable, fetchAnomalies, fetchAnomalyHeat, resolveAnomalyView } from "../queries/anomalies";
import { compareParams, compareTable, fetchComparison, fetchTrends, rankingTable, resolveCompare } from "../queries/compare";
import { coverageTable, coverageYearsTable, fetchCoverage } from "../queries/coverage";
import { readParams, regionYearParams, regionYearsParams } from "../queries/filter-params";
import { countSyntheticReports, fetchKeyFigures } from "../queries/key-figures";
import { fetchRegionLevels, lineage } from "../queries/regions";
import { fetchReportFindings, fetchReportHead, fetchReportValues, fetchReportVersions } from "../queries/report";
import { findingsByCell, findingsTable } from "../queries/report-tables";
import { fetchYearSpan, resolveExactScope, resolveRegionYear, resolveScope, yearRange, type Scope } from "../queries/scope";
import { fetchSubregionRows, subregionTable } from "../queries/subregions";
import { fetchRegionSummary, summaryReportsTable } from "../queries/summary";
import { agencyTable } from "../queries/tables";
import { fetchYearlyCharts } from "../queries/yearly";
import type { PageCase, PageName } from "./cases";

/** The pages' trend charts and bar charts stop at this many agencies. */
const TRENDS_SHOWN = 40;

/** A case the page would answer with "not found" or "bad link": the bench asked a wrong question. */
function expected<T extends object>(value: T | { missing: string } | { invalid: string }, c: PageCase): T {
  if ("missing" in value || "invalid" in value) throw new Error(`${c.page} ${JSON.stringify(c)}: ${JSON.stringify(value)}`);
  return value;
}

function read<T>(result: { ok: true; value: T } | { ok: false; error: string }, c: PageCase): T {
  if (!result.ok) throw new Error(`${c.page} ${JSON.stringify(c)}: ${result.error}`);
  return result.value;
}

/** What every page with the filters bar asks for it. */
const filterBar = (db: NianbaoDb, scope: Pick<Scope, "region" | "from" | "to">) => fetchRegionLevels(db, scope.region?.code ?? null, scope);

export const PAGE_QUERIES: Record<PageName, (db: NianbaoDb, c: PageCase) => void> = {
  overview(db, c) {
    const span = fetchYearSpan(db)!;
    const scope = resolveScope(db, read(readParams(regionYearsParams, c.params), c), span);
    fetchKeyFigures(db, scope);
    filterBar(db, scope);
    fetchYearlyCharts(db, scope);
    agencyTable(fetchAgencyPage(db, scope, AGENCY_ROWS_SHOWN).rows);
  },
  region(db, c) {
    const years = read(readParams(regionYearsParams, c.params), c);
    const scope = expected(resolveExactScope(db, { ...years, region: c.key }), c);
    lineage(db, scope.region?.code ?? null);
    filterBar(db, scope);
    const figures = fetchKeyFigures(db, scope);
    subregionTable(fetchSubregionRows(db, scope), scope);
    if (figures.reports > 0) {
      fetchYearlyCharts(db, scope);
      agencyTable(fetchAgencyPage(db, scope, AGENCY_ROWS_SHOWN).rows);
    }
  },
  compare(db, c) {
    const view = expected(resolveCompare(db, read(readParams(compareParams, c.params), c)), c);
    const comparison = fetchComparison(db, view, AGENCY_ROWS_SHOWN);
    compareTable(comparison);
    rankingTable(comparison);
    fetchTrends(db, comparison, view.primary, view.region, view.span, TRENDS_SHOWN);
    const scope = { region: view.region, from: view.year, to: view.year };
    filterBar(db, scope);
    countSyntheticReports(db, scope);
  },
  agency(db, c) {
    const agency = fetchAgency(db, Number(c.key));
    const span = fetchYearSpan(db);
    if (!agency || !span) throw new Error(`agency ${c.key} not found`);
    lineage(db, agency.regionCode);
    const reports = fetchAgencyReports(db, agency.id);
    agencyYearsTable(reports, span);
    const values = fetchAgencyValues(db, agency.id);
    const years = yearRange(span.first, span.last);
    if (reports.length === 0) return;
    fetchYearlyCharts(db, { region: null, agencyId: agency.id, from: span.first, to: span.last });
    for (const section of SECTIONS) sectionYearsTable(section.id, values, years);
    findingsTable(fetchAgencyFindings(db, agency.id), true);
  },
  coverage(db, c) {
    const scope = expected(resolveExactScope(db, read(readParams(regionYearsParams, c.params), c)), c);
    filterBar(db, scope);
    if (!scope.region) return;
    const coverage = fetchCoverage(db, { ...scope, region: scope.region });
    coverageYearsTable(coverage);
    coverageTable(coverage);
  },
  anomalies(db, c) {
    const view = expected(resolveAnomalyView(db, read(readParams(anomalyParams, c.params), c)), c);
    filterBar(db, view.scope);
    anomalyTable(fetchAnomalies(db, view));
    fetchAnomalyHeat(db, view);
  },
  summary(db, c) {
    const view = expected(resolveRegionYear(db, read(readParams(regionYearParams, c.params), c)), c);
    filterBar(db, { region: view.region, from: view.year, to: view.year });
    if (!view.region) return;
    summaryReportsTable(fetchRegionSummary(db, view.region, view.year));
  },
  report(db, c) {
    const report = fetchReportHead(db, Number(c.key));
    if (!report) throw new Error(`report ${c.key} not found`);
    lineage(db, report.regionCode);
    fetchReportValues(db, report.id);
    findingsByCell(fetchReportFindings(db, report.id));
    fetchReportVersions(db, report);
  },
};

/** Each case of each page timed in turn (ms), after one untimed run of the page to warm its statements. */
export function timePages(db: NianbaoDb, cases: ReadonlyMap<PageName, readonly PageCase[]>): Map<PageName, number[]> {
  const times = new Map<PageName, number[]>();
  for (const [page, list] of cases) {
    if (list.length > 0) PAGE_QUERIES[page](db, list[0]);
    times.set(page, list.map((c) => {
      const started = performance.now();
      PAGE_QUERIES[page](db, c);
      return performance.now() - started;
    }));
  }
  return times;
}
