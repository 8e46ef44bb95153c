/**
 * Fees reported in 元 under the 万元 heading: the amount comes out ten thousand times too large.
 * Told two ways. Against the agency's level: no township charges 5 million 元 of administrative
 * fees, and a county-level area's largest seen are a few hundred million (平潭 2021: 24,252万元),
 * so the caps leave room for the busiest. Against the agency's own history: an amount about a
 * thousand times or more its usual one is a unit, not a busy year.
 */
import { median } from "simple-statistics";
import type { AgencyRule, Detection, StoredReport } from "../types";

const FEES = "proactive.fees.amount";

/** Most 万元 a year an agency of this level can charge in fees, by region code length; none for provinces. */
const CAP_BY_CODE_LENGTH: Record<number, number> = { 9: 500, 6: 100_000, 4: 1_000_000 };
const LEVEL_NAME: Record<number, string> = { 9: "乡镇", 6: "县级", 4: "市级" };

/** An amount this many times the agency's usual one is in the wrong unit (the error makes it 10,000). */
const HISTORY_RATIO = 1_000;

const wan = (x: number) => `${Number(x.toFixed(4))}万元`;

function wrongUnit(report: StoredReport, others: readonly StoredReport[], codeLength: number): Detection[] {
  const amount = report.values[FEES];
  if (typeof amount !== "number" || amount <= 0) return [];
  const history = others.flatMap((o) => {
    const v = o.values[FEES];
    return typeof v === "number" && v > 0 ? [{ year: o.year, value: v }] : [];
  });
  const usual = history.length > 0 ? median(history.map((h) => h.value)) : null;
  const cap = CAP_BY_CODE_LENGTH[codeLength];
  const reason =
    usual !== null && amount >= HISTORY_RATIO * usual
      ? `约为本机关其他年度(中位数${wan(usual)})的${Math.round(amount / usual)}倍`
      : cap !== undefined && amount > cap
        ? `远超${LEVEL_NAME[codeLength]}机关的合理规模(${wan(cap)})`
        : null;
  if (!reason) return [];
  return [
    {
      reportId: report.id,
      message: `行政事业性收费本年收费金额填报为${wan(amount)},${reason},疑似把“元”当作“万元”填报(按元计为${wan(amount / 10_000)})。`,
      fields: [FEES],
      line: report.provenance[FEES],
      evidence: { measure: "本年收费金额(万元)", value: amount, history },
    },
  ];
}

export const feesUnit: AgencyRule = {
  id: "fees.unit",
  title: "收费金额单位疑误",
  severity: "warning",
  category: "statistical",
  scope: "agency",
  explanation: "行政事业性收费金额应以万元填报;金额大得不合常理时,多半是按元填报了。",
  evidence: "history",
  concerns: [FEES],
  detect: (history) => {
    const current = history.reports.filter((r) => r.current);
    const codeLength = history.regionCode?.length ?? 0;
    return current.flatMap((report) => wrongUnit(report, current.filter((o) => o !== report), codeLength));
  },
};
