/**
 * Every CSV download of the workbench, by view id (GET /api/csv/{view}?…): the params it reads
 * (with zod, strictly) and how it builds the same rows the page draws. The route handler only
 * dispatches; a new download is a new entry here.
 */
import { z } from "zod";
import type { NianbaoDb } from "@/db/client";
import type { ExportName } from "@/lib/csv/file-name";
import type { Cell } from "@/lib/csv/write";
import type { SectionId } from "@/lib/template/definitions";
import { agencyYearsTable, fetchAgency, fetchAgencyFindings, fetchAgencyReports, fetchAgencyValues, SECTIONS, sectionYearsTable, type Agency } from "./agency";
import { compareParams, compareTable, fetchComparison, fetchTrends, rankingTable, resolveCompare, trendsTable, type Comparison, type CompareView } from "./compare";
import { coverageTable, coverageYearsTable, fetchCoverage } from "./coverage";
import { filterParams, readParams, recordId, regionYearParams } from "./filter-params";
import { countSyntheticReports } from "./key-figures";
import { fetchReportFindings, fetchReportHead, fetchReportValues, type ReportHead } from "./report";
import { findingsTable, reportLayoutRows, reportValuesTable } from "./report-tables";
import { fetchRegionSummary, summaryLayoutRows, summaryReportsTable, type RegionSummary } from "./summary";
import { fetchYearSpan, isMissing, resolveExactScope, resolveRegionYear, yearRange, type Missing, type Scope, type YearSpan } from "./scope";
import type { RegionName } from "./regions";
import { fetchSubregionRows, subregionTable } from "./subregions";
import { fetchTable, viewTitle, type Table, type ViewId } from "./tables";

/** What a download holds: its rows (the header row first) and what its file is named after. */
export interface Export {
  rows: Cell[][];
  name: ExportName;
  /** an ASCII file name for clients that cannot read the Chinese one */
  fallback: string;
}

/** Params that cannot be read: answered 400 with the reason. */
export interface Invalid {
  invalid: string;
}

/** A download: from the request's search params to its rows, or why there are none. */
export type Exporter = (db: NianbaoDb, search: URLSearchParams) => Export | Missing | Invalid;

interface ExportView<P> {
  params: z.ZodType<P>;
  /** Missing: the params name something that is not there (answered 404); Invalid: they do not fit together (400) */
  build(db: NianbaoDb, params: P): Export | Missing | Invalid;
}

/** Binds a view's params to its builder: the params are read strictly, or the download is refused. */
function exportView<P>({ params, build }: ExportView<P>): Exporter {
  return (db, search) => {
    const read = readParams(params, search);
    return read.ok ? build(db, read.value) : { invalid: read.error };
  };
}

export const tableRows = (table: Table): Cell[][] => [table.headers, ...table.rows];

/** What a scope's file is named after: the agency, the region, or 全国. */
function scopeSubject(db: NianbaoDb, scope: Scope): { name: string; code: string } {
  if (scope.agencyId !== undefined) {
    // resolveExactScope has made sure the agency is there
    return { name: fetchAgency(db, scope.agencyId)!.name, code: `agency${scope.agencyId}` };
  }
  return { name: scope.region?.name ?? "全国", code: scope.region?.code ?? "all" };
}

/** A download of a scope (a region or an agency, and years), built by `table`. */
function scopeExport(id: string, title: string, table: (db: NianbaoDb, scope: Scope) => Table | Missing) {
  return exportView({
    params: filterParams,
    build(db, filters) {
      const scope = resolveExactScope(db, filters);
      if (isMissing(scope)) return scope;
      const data = table(db, scope);
      if (isMissing(data)) return data;
      const subject = scopeSubject(db, scope);
      return {
        rows: tableRows(data),
        name: { title, subject: subject.name, from: scope.from, to: scope.to, synthetic: countSyntheticReports(db, scope) > 0 },
        fallback: `nianbao-${id}-${subject.code}-${scope.from}-${scope.to}.csv`,
      };
    },
  });
}

/** A download of one report, named after its agency and year. */
function reportExport(id: string, title: string, rows: (db: NianbaoDb, report: ReportHead) => Cell[][] | Missing) {
  return exportView({
    params: z.object({ report: recordId }),
    build(db, params) {
      const report = fetchReportHead(db, params.report);
      if (!report) return { missing: `没有编号为 ${params.report} 的年报` };
      const data = rows(db, report);
      if (isMissing(data)) return data;
      const year = report.year ?? 0;
      return {
        rows: data,
        name: { title, subject: report.agencyName ?? "机关不明", from: year, to: year, synthetic: report.synthetic },
        fallback: `nianbao-${id}-${report.id}.csv`,
      };
    },
  });
}

/** A download of one agency across every year loaded, named after the agency. */
function agencyExport<P extends { agency: number }>(
  id: string,
  title: (params: P) => string,
  params: z.ZodType<P>,
  rows: (db: NianbaoDb, agency: Agency, span: YearSpan, params: P) => Cell[][],
) {
  return exportView({
    params,
    build(db, p) {
      const agency = fetchAgency(db, p.agency);
      if (!agency) return { missing: `没有编号为 ${p.agency} 的机关` };
      const span = fetchYearSpan(db);
      if (!span) return { missing: "尚未导入年报数据" };
      const synthetic = fetchAgencyReports(db, agency.id).some((r) => r.synthetic);
      return {
        rows: rows(db, agency, span, p),
        name: { title: title(p), subject: agency.name, from: span.first, to: span.last, synthetic },
        fallback: `nianbao-${id}-${agency.id}.csv`,
      };
    },
  });
}

const agencyParams = z.object({ agency: recordId });
const sectionParams = agencyParams.extend({ section: z.enum(SECTIONS.map((s) => s.id) as [SectionId, ...SectionId[]], "栏目应为 proactive、requests 或 reviews") });

/** A download of the comparison of a region's agencies in a year. */
function compareExport(id: string, title: string, table: (db: NianbaoDb, view: CompareView, comparison: Comparison) => Table) {
  return exportView({
    params: compareParams,
    build(db, params) {
      const view = resolveCompare(db, params);
      if ("invalid" in view || isMissing(view)) return view;
      const comparison = fetchComparison(db, view);
      const scope = { region: view.region, from: view.year, to: view.year };
      return {
        rows: tableRows(table(db, view, comparison)),
        name: { title, subject: view.region?.name ?? "全国", from: view.year, to: view.year, synthetic: countSyntheticReports(db, scope) > 0 },
        fallback: `nianbao-${id}-${view.region?.code ?? "all"}-${view.year}.csv`,
      };
    },
  });
}

/** A download of a region's combined report for a year. */
function summaryExport(id: string, title: string, rows: (summary: RegionSummary) => Cell[][]) {
  return exportView({
    params: regionYearParams,
    build(db, params) {
      const view = resolveRegionYear(db, params);
      if (isMissing(view)) return view;
      if (!view.region) return { missing: "请指定地区（region）" };
      const summary = fetchRegionSummary(db, view.region, view.year);
      return {
        rows: rows(summary),
        name: { title, subject: view.region.name, from: view.year, to: view.year, synthetic: [...summary.included, ...summary.excluded].some((r) => r.synthetic) },
        fallback: `nianbao-${id}-${view.region.code}-${view.year}.csv`,
      };
    },
  });
}

/** Views of a region's own agencies and townships need a region: the whole country's would be the gazetteer. */
function withRegion(scope: Scope, table: (scope: Scope & { region: RegionName }) => Table): Table | Missing {
  return scope.region ? table({ ...scope, region: scope.region }) : { missing: "请指定地区（region）" };
}

const OVERVIEW_VIEWS: ViewId[] = ["proactive", "requests", "reviews", "litigation", "agencies"];

export const EXPORTS: Readonly<Record<string, Exporter>> = {
  ...Object.fromEntries(OVERVIEW_VIEWS.map((id) => [id, scopeExport(id, viewTitle(id), (db, scope) => fetchTable(db, scope, id))])),
  subregions: scopeExport("subregions", "下级地区对比", (db, scope) => subregionTable(fetchSubregionRows(db, scope), scope)),
  coverage: scopeExport("coverage", "发布情况", (db, scope) => withRegion(scope, (s) => coverageTable(fetchCoverage(db, s)))),
  "coverage-years": scopeExport("coverage-years", "发布情况各年度合计", (db, scope) => withRegion(scope, (s) => coverageYearsTable(fetchCoverage(db, s)))),
  compare: compareExport("compare", "机关对比", (db, view, comparison) => compareTable(comparison)),
  "compare-ranking": compareExport("compare-ranking", "机关排名", (db, view, comparison) => rankingTable(comparison)),
  "compare-trends": compareExport("compare-trends", "机关逐年", (db, view, comparison) =>
    trendsTable(fetchTrends(db, comparison, view.primary, view.region, view.span, Infinity), view.primary),
  ),
  summary: summaryExport("summary", "年度报告汇总表", summaryLayoutRows),
  "summary-reports": summaryExport("summary-reports", "汇总所依据的年报", (summary) => tableRows(summaryReportsTable(summary))),
  "report-tables": reportExport("report-tables", "年报统计表", (db, report) =>
    report.template ? reportLayoutRows(report.template, fetchReportValues(db, report.id)) : { missing: "未能识别该年报的模板，没有统计表可导出" },
  ),
  "report-values": reportExport("report-values", "年报数字明细", (db, report) => tableRows(reportValuesTable(report, fetchReportValues(db, report.id)))),
  "report-findings": reportExport("report-findings", "年报问题", (db, report) => tableRows(findingsTable(fetchReportFindings(db, report.id)))),
  "agency-reports": agencyExport("agency-reports", () => "各年度年报", agencyParams, (db, agency, span) => tableRows(agencyYearsTable(fetchAgencyReports(db, agency.id), span))),
  "agency-section": agencyExport(
    "agency-section",
    (p) => SECTIONS.find((s) => s.id === p.section)!.title,
    sectionParams,
    (db, agency, span, p) => tableRows(sectionYearsTable(p.section, fetchAgencyValues(db, agency.id), yearRange(span.first, span.last))),
  ),
  "agency-findings": agencyExport("agency-findings", () => "各年度问题", agencyParams, (db, agency) => tableRows(findingsTable(fetchAgencyFindings(db, agency.id), true))),
};
