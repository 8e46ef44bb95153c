/**
 * A report: its tables in the official layout beside its source text. Every number links to the
 * source line it was read from (#L{n}, highlighted by :target); the cells a finding concerns
 * carry its number; the findings table leads to their lines too.
 */
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Breadcrumb } from "@/app/ui/breadcrumb";
import { DataTable } from "@/app/ui/data-table";
import { formatNumber } from "@/app/ui/format";
import { NoData } from "@/app/ui/no-data";
import { OfficialTable, type ValueView } from "@/app/ui/official-table";
import { Panel } from "@/app/ui/panel";
import { SourceText } from "@/app/ui/report/source-text";
import { SyntheticBanner } from "@/app/ui/synthetic-banner";
import type { NianbaoDb } from "@/db/client";
import { getDatabase } from "@/lib/queries/db";
import { recordId } from "@/lib/queries/filter-params";
import { agencyHref, csvHref, reportHref } from "@/lib/queries/links";
import { officialLayout } from "@/lib/queries/official-layout";
import { lineage } from "@/lib/queries/regions";
import { fetchReportFindings, fetchReportHead, fetchReportValues, fetchReportVersions, type ReportHead } from "@/lib/queries/report";
import { findingsByCell, findingsTable } from "@/lib/queries/report-tables";
import { TEMPLATES } from "@/lib/template/definitions";

type Params = { params: Promise<{ id: string }> };

const STATUS_LABELS: Record<string, string> = { ok: "统计表完整", partial: "部分读取或有问题", empty: "未读到统计表" };

function title(report: ReportHead): string {
  return `${report.agencyName ?? "机关不明"}${report.year ?? ""}年政府信息公开工作年度报告`;
}

/** The report the URL names; undefined for an unknown or malformed id. */
function findReport(db: NianbaoDb, id: string): ReportHead | undefined {
  const parsed = recordId.safeParse(id);
  return parsed.success ? fetchReportHead(db, parsed.data) : undefined;
}

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const db = getDatabase();
  const report = db ? findReport(db, (await params).id) : undefined;
  return { title: report ? `${title(report)} · 年报分析工作台` : "年报 · 年报分析工作台" };
}

function Facts({ report }: { report: ReportHead }) {
  return (
    <dl className="facts">
      <div>
        <dt>机关</dt>
        <dd>{report.agencyId ? <Link href={agencyHref(report.agencyId)}>{report.agencyName}</Link> : "未能识别"}</dd>
      </div>
      <div>
        <dt>年度</dt>
        <dd>{report.year ?? "未能识别"}</dd>
      </div>
      <div>
        <dt>模板</dt>
        <dd>{report.template ? `${report.template}年版（${TEMPLATES[report.template].source}）` : "未能识别"}</dd>
      </div>
      <div>
        <dt>解析</dt>
        <dd>{STATUS_LABELS[report.parseStatus] ?? report.parseStatus}</dd>
      </div>
      <div>
        <dt>来源文件</dt>
        <dd>
          {report.sourceUrl ? (
            <a href={report.sourceUrl} rel="noreferrer noopener" target="_blank">
              {report.sourcePath}
            </a>
          ) : (
            report.sourcePath
          )}
          {report.publishedDate && `（发布于 ${report.publishedDate}）`}
        </dd>
      </div>
    </dl>
  );
}

/** The figures the text states in words (主动公开政府信息N条), traced like the table cells. */
function NarrativeFigures({ report }: { report: ReportHead }) {
  const figures = [
    { label: "主动公开政府信息（条）", value: report.proactiveItems, line: report.proactiveItemsLine },
    { label: "收到政府信息公开申请（件）", value: report.requestsReceived, line: report.requestsReceivedLine },
  ];
  return (
    <dl className="narrative-figures">
      {figures.map((f) => (
        <div key={f.label}>
          <dt>{f.label}</dt>
          <dd>{f.line ? <a href={`#L${f.line}`} className="trace-link">{formatNumber(f.value)}</a> : formatNumber(f.value)}</dd>
        </div>
      ))}
    </dl>
  );
}

export default async function ReportPage({ params }: Params) {
  const db = getDatabase();
  if (!db) return <NoData reason="no-database" />;
  const report = findReport(db, (await params).id);
  if (!report) notFound();

  const values = fetchReportValues(db, report.id);
  const findings = fetchReportFindings(db, report.id);
  const onCells = findingsByCell(findings);
  const versions = fetchReportVersions(db, report);
  const replacement = versions.find((v) => v.current);
  const earlier = versions.filter((v) => !v.current);
  // a number links to its line on this page; the findings that concern it mark it
  const valueOf = (field: string): ValueView => {
    const traced = values.get(field);
    const flagged = onCells.get(field);
    return { value: traced?.value ?? null, href: traced?.line ? `#L${traced.line}` : undefined, flag: flagged?.severity, marks: flagged?.numbers, title: flagged?.text };
  };
  const csv = { report: report.id };

  return (
    <article className="report-page">
      <Breadcrumb chain={lineage(db, report.regionCode)} last={`${report.year ?? ""}年度报告`} />
      <h1 className="scope-title">{title(report)}</h1>
      <Facts report={report} />
      <SyntheticBanner synthetic={report.synthetic ? 1 : 0} reports={1} />
      {!report.current && (
        <p className="notice-inline" role="note">
          这是一份已被替换的旧版本，统计时不计入。
          {replacement && <Link href={reportHref(replacement.id)}>查看现行版本</Link>}
        </p>
      )}
      {report.current && earlier.length > 0 && (
        <p className="notice-inline" role="note">
          本年报有修订：此为现行版本，另存{earlier.length}个旧版本（不计入统计）：
          {earlier.map((v) => (
            <Link key={v.id} href={reportHref(v.id)}>
              {v.sourcePath}
            </Link>
          ))}
        </p>
      )}
      <p className="panel-note">点击表中的数字，右侧原文中读出该数字的那一行会被标亮；标有“问题”编号的单元格见下方问题列表。</p>

      <div className="report-layout">
        <div className="report-tables">
          <Panel id="report-narrative" title="正文中的数字" csv={csvHref("report-values", csv)}>
            <NarrativeFigures report={report} />
          </Panel>
          <Panel id="report-findings" title={`问题（${findings.length}）`} csv={csvHref("report-findings", csv)}>
            <DataTable table={findingsTable(findings)} empty="检查未发现问题。" caption="本年报的检查问题" />
          </Panel>
          <Panel
            id="report-tables"
            title="统计表"
            csv={[
              { label: "下载 CSV（官方表式）", href: csvHref("report-tables", csv) },
              { label: "下载 CSV（逐项明细）", href: csvHref("report-values", csv) },
            ]}
          >
            {report.template ? (
              officialLayout(report.template).map((table) => <OfficialTable key={table.section} table={table} valueOf={valueOf} />)
            ) : (
              <p className="panel-note">未能识别本年报所用的模板，没有读到统计表。原文见右侧。</p>
            )}
          </Panel>
        </div>
        <aside className="report-source" aria-label="年报原文">
          <h2>原文</h2>
          <SourceText text={report.sourceText} />
        </aside>
      </div>
    </article>
  );
}
