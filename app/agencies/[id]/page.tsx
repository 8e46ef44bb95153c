/**
 * An agency across the years: which years it published and which not, the charts across years,
 * every figure of each section year beside year (each leading to its source line), and the
 * findings of each year's report.
 */
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import type { NianbaoDb } from "@/db/client";
import { Breadcrumb } from "@/app/ui/breadcrumb";
import { DataTable } from "@/app/ui/data-table";
import { NoData } from "@/app/ui/no-data";
import { Panel } from "@/app/ui/panel";
import { SyntheticBanner } from "@/app/ui/synthetic-banner";
import { YearCharts } from "@/app/ui/year-charts";
import { agencyKindLabel, agencyYearsTable, fetchAgency, fetchAgencyFindings, fetchAgencyReports, fetchAgencyValues, SECTIONS, sectionYearsTable, type Agency } from "@/lib/queries/agency";
import { getDatabase } from "@/lib/queries/db";
import { recordId } from "@/lib/queries/filter-params";
import { csvHref, regionHref } from "@/lib/queries/links";
import { lineage } from "@/lib/queries/regions";
import { findingsTable } from "@/lib/queries/report-tables";
import { fetchYearSpan, yearRange, yearsText } from "@/lib/queries/scope";
import { fetchYearlyCharts } from "@/lib/queries/yearly";

type Params = { params: Promise<{ id: string }> };

/** The agency the URL names; undefined for an unknown or malformed id. */
function findAgency(db: NianbaoDb, id: string): Agency | undefined {
  const parsed = recordId.safeParse(id);
  return parsed.success ? fetchAgency(db, parsed.data) : undefined;
}

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const db = getDatabase();
  const agency = db ? findAgency(db, (await params).id) : undefined;
  return { title: `${agency?.name ?? "机关"} · 年报分析工作台` };
}

export default async function AgencyPage({ params }: Params) {
  const db = getDatabase();
  if (!db) return <NoData reason="no-database" />;
  const agency = findAgency(db, (await params).id);
  const span = fetchYearSpan(db);
  if (!agency || !span) notFound();

  const reports = fetchAgencyReports(db, agency.id);
  const years = yearRange(span.first, span.last);
  const missing = years.filter((year) => !reports.some((r) => r.year === year));
  const values = fetchAgencyValues(db, agency.id);
  const synthetic = reports.filter((r) => r.synthetic).length;
  const csv = { agency: agency.id };
  const charts = { agency: agency.id, from: span.first, to: span.last };

  return (
    <>
      <Breadcrumb chain={lineage(db, agency.regionCode)} last={agency.name} />
      <h1 className="scope-title">{agency.name}</h1>
      <dl className="facts">
        <div>
          <dt>类型</dt>
          <dd>{agencyKindLabel(agency.kind)}</dd>
        </div>
        <div>
          <dt>所在地区</dt>
          <dd>{agency.regionCode ? <Link href={regionHref(agency.regionCode)}>{agency.regionName}</Link> : "未能识别"}</dd>
        </div>
        <div>
          <dt>已发布</dt>
          <dd>
            {reports.length} / {years.length} 年（{yearsText(span.first, span.last)}）
          </dd>
        </div>
        <div>
          <dt>未发布年度</dt>
          <dd className={missing.length ? "missing-years" : undefined}>{missing.length ? missing.map((y) => `${y}年`).join("、") : "无"}</dd>
        </div>
      </dl>
      <SyntheticBanner synthetic={synthetic} reports={reports.length} />

      <Panel id="agency-reports" title="各年度年报" csv={csvHref("agency-reports", csv)}>
        <DataTable table={agencyYearsTable(reports, span)} empty="" caption="各年度年报的发布情况" />
      </Panel>
      {reports.length === 0 ? (
        <p className="empty-state">该机关在已导入的年度中没有现行年报，无从绘制图表。</p>
      ) : (
        <>
          <YearCharts charts={fetchYearlyCharts(db, { region: null, agencyId: agency.id, from: span.first, to: span.last })} csvParams={charts} />
          {SECTIONS.map((section) => (
            <Panel key={section.id} id={`agency-${section.id}`} title={section.title} csv={csvHref("agency-section", { ...csv, section: section.id })} note="点击数字可查看它在年报原文中的出处。">
              <DataTable table={sectionYearsTable(section.id, values, years)} empty="各年年报都没有这一部分的数字。" caption={section.title} />
            </Panel>
          ))}
          <Panel id="agency-findings" title="各年度问题" csv={csvHref("agency-findings", csv)}>
            <DataTable table={findingsTable(fetchAgencyFindings(db, agency.id), true)} empty="各年年报的检查都未发现问题。" caption="各年度年报的检查问题" />
          </Panel>
        </>
      )}
    </>
  );
}
