/**
 * A report's figures as the tables its page draws and its CSV downloads hold: the official
 * layout, the long list of values with their source lines, and the findings.
 */
import type { Cell } from "@/lib/csv/write";
import { FIELD_BY_KEY } from "@/lib/template/fields";
import type { TemplateVersion } from "@/lib/template/definitions";
import { reportHref } from "./links";
import { layoutCsvRows } from "./official-layout";
import type { ReportFinding, ReportHead, TracedValue } from "./report";
import type { Table } from "./tables";

export const SEVERITY_LABELS: Readonly<Record<string, string>> = { error: "错误", warning: "警告", info: "提示" };

const SECTION_LABELS = { proactive: "二、主动公开", requests: "三、依申请公开", reviews: "四、复议诉讼" } as const;

/** Each finding's number within its report (1…, in the order given), as the report page marks its cells. */
function numberWithinReport(findings: readonly ReportFinding[]): number[] {
  const seen = new Map<number, number>();
  return findings.map((f) => {
    const n = (seen.get(f.reportId) ?? 0) + 1;
    seen.set(f.reportId, n);
    return n;
  });
}

/** The findings, numbered within their report, each leading to the source line it points at. */
export function findingsTable(findings: readonly (ReportFinding & { year?: number | null })[], withYear = false): Table {
  const numbers = numberWithinReport(findings);
  return {
    headers: [...(withYear ? ["年度"] : []), "编号", "严重程度", "问题", "规则", "原文行"],
    rows: findings.map((f, i) => [...(withYear ? [f.year ?? null] : []), numbers[i], SEVERITY_LABELS[f.severity] ?? f.severity, f.message, f.rule, f.line]),
    links: findings.map((f) => {
      const toLine = f.line ? reportHref(f.reportId, f.line) : null;
      return [...(withYear ? [reportHref(f.reportId)] : []), null, null, toLine, null, toLine];
    }),
  };
}

export interface CellFindings {
  /** the numbers (1…) of the findings that concern the cell, as the findings table numbers them */
  numbers: number[];
  /** the worst of their severities */
  severity: string;
  /** their messages, one a line */
  text: string;
}

const SEVERITIES = ["error", "warning", "info"];

/** field → the findings of one report that concern it (the findings in the order their table lists them) */
export function findingsByCell(findings: readonly ReportFinding[]): Map<string, CellFindings> {
  const cells = new Map<string, CellFindings>();
  findings.forEach((finding, i) => {
    const line = `问题${i + 1}（${SEVERITY_LABELS[finding.severity] ?? finding.severity}）：${finding.message}`;
    for (const field of finding.fields) {
      const known = cells.get(field);
      const worse = known && SEVERITIES.indexOf(known.severity) <= SEVERITIES.indexOf(finding.severity) ? known.severity : finding.severity;
      cells.set(field, { numbers: [...(known?.numbers ?? []), i + 1], severity: worse, text: known ? `${known.text}\n${line}` : line });
    }
  });
  return cells;
}

type Traced = TracedValue & { section: string; row: string; column: string; field: string };

/** The figures the text states in words, beside the tables' cells. */
function narrativeValues(report: ReportHead): Traced[] {
  const row = (field: string, label: string, unit: string, value: number | null, line: number | null): Traced => ({ section: "一、总体情况", row: label, column: unit, field, value, line });
  return [
    row("narrative.proactiveItems", "主动公开政府信息", "条", report.proactiveItems, report.proactiveItemsLine),
    row("narrative.requestsReceived", "收到政府信息公开申请", "件", report.requestsReceived, report.requestsReceivedLine),
  ];
}

/** Every figure the report holds, one row each (the text's, then the tables' in template order), with the line it was read from. */
export function reportValuesTable(report: ReportHead, values: ReadonlyMap<string, TracedValue>): Table {
  const cells = [...FIELD_BY_KEY.values()]
    .filter((f) => values.has(f.key))
    .map((f): Traced => ({ section: SECTION_LABELS[f.section], row: f.rowLabel, column: f.columnLabel, field: f.key, ...values.get(f.key)! }));
  const all = [...narrativeValues(report), ...cells];
  return {
    headers: ["栏目", "项目", "列", "字段", "数值", "原文行"],
    rows: all.map((t) => [t.section, t.row, t.column, t.field, t.value, t.line]),
    links: all.map((t) => {
      const source = t.line ? reportHref(report.id, t.line) : null;
      return [null, null, null, null, source, source];
    }),
  };
}

/** The report's three tables in the official layout, as CSV rows. */
export function reportLayoutRows(template: TemplateVersion, values: ReadonlyMap<string, TracedValue>): Cell[][] {
  return layoutCsvRows(template, (field) => values.get(field)?.value ?? null);
}
