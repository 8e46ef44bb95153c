/**
 * A figure far beyond the agency's own history: 1,200 penalty decisions from an agency that made
 * 3 to 5 a year. Compared with every other year the agency reported (before and after), on the
 * log scale, robustly (see ../stats.ts). Only upward: a quiet year is common, an inflated figure
 * is a typing or copying error.
 */
import { COUNT_MEASURES, measureLine, total, type CountMeasure } from "../measures";
import { farAbove } from "../stats";
import type { AgencyHistory, AgencyRule, Detection, StoredReport } from "../types";

/** Fewer other years than this are no history to speak of. */
const MIN_YEARS = 3;

function jump(report: StoredReport, others: readonly StoredReport[], measure: CountMeasure): Detection[] {
  const value = total(report.values, measure.fields);
  if (value === null) return [];
  const history = others.flatMap((o) => {
    const v = total(o.values, measure.fields);
    return v === null ? [] : [{ year: o.year, value: v }];
  });
  if (history.length < MIN_YEARS || !farAbove(value, history.map((h) => h.value))) return [];
  const past = history.map((h) => `${h.year}年${h.value}件`).join("、");
  return [
    {
      reportId: report.id,
      message: `${measure.label}为${value}件,远超本机关其他年度(${past})。`,
      fields: [...measure.fields],
      line: measureLine(report.provenance, measure.fields),
      evidence: { measure: measure.label, value, history },
    },
  ];
}

export const figureJump: AgencyRule = {
  id: "figure.jump",
  title: "数字较往年突增",
  severity: "warning",
  category: "statistical",
  scope: "agency",
  explanation: "某项数字远超本机关其他年度的水平,可能多填了数位或填错了栏目。",
  evidence: "history",
  concerns: COUNT_MEASURES.flatMap((m) => m.fields),
  detect: (history: AgencyHistory) => {
    const current = history.reports.filter((r) => r.current);
    return current.flatMap((report) => {
      const others = current.filter((o) => o !== report);
      return COUNT_MEASURES.flatMap((measure) => jump(report, others, measure));
    });
  },
};
