/**
 * Two reports of one agency for one year that say different things: a re-published or corrected
 * report. Only the last loaded counts in the sums, but the office should know that the figures
 * on record changed, and which ones. Versions with the same figures are no finding.
 */
import { FIELD_BY_KEY } from "../../template/fields";
import { listed } from "../format";
import type { AgencyRule, Detection, StoredReport } from "../types";

/** Fields printed differently by the two versions; a cell one of them lacks counts as different. */
function differences(a: StoredReport, b: StoredReport): string[] {
  const keys = new Set([...Object.keys(a.values), ...Object.keys(b.values)]);
  return [...keys].filter((key) => (a.values[key] ?? null) !== (b.values[key] ?? null));
}

function disagreement(agency: string, report: StoredReport, versions: readonly StoredReport[]): Detection[] {
  const others = versions.filter((v) => v !== report);
  const fields = [...new Set(others.flatMap((other) => differences(report, other)))];
  if (fields.length === 0) return [];
  const labels = fields.map((key) => FIELD_BY_KEY.get(key)?.label ?? key);
  return [
    {
      reportId: report.id,
      message: `本机关${report.year}年度共载入${versions.length}份年报,有${fields.length}个数字不一致(${listed(labels)}),统计采用最后载入的一份。`,
      fields,
      line: report.provenance[fields[0]],
      evidence: { related: others.map((o) => ({ id: o.id, agency, year: o.year })) },
    },
  ];
}

export const duplicate: AgencyRule = {
  id: "report.duplicate",
  title: "同年多份年报不一致",
  severity: "warning",
  category: "structural",
  scope: "agency",
  explanation: "同一机关同一年度有多份年报且数字不一致,需确认以哪一份为准。",
  evidence: "reports",
  concerns: ["*"],
  detect: (history) =>
    history.reports
      .filter((r) => r.current)
      .flatMap((report) => disagreement(history.agency, report, history.reports.filter((v) => v.year === report.year))),
};
