/**
 * Carry-over continuity: the requests an agency carried into this year (二、上年结转) are the ones
 * its last year's report carried forward (四、结转下年度继续办理), column by column. Only
 * consecutive years are compared; a missing year is report.yearMissing's.
 */
import { APPLICANT_COLUMNS } from "../../template/definitions";
import type { AgencyRule, Detection, StoredReport } from "../types";

const FORWARD = "requests.carriedForward";
const OVER = "requests.carriedOver";

function breaks(agency: string, previous: StoredReport, report: StoredReport): Detection[] {
  const columns = APPLICANT_COLUMNS.filter((c) => {
    const [forward, over] = [previous.values[`${FORWARD}.${c.id}`], report.values[`${OVER}.${c.id}`]];
    return typeof forward === "number" && typeof over === "number" && forward !== over;
  });
  if (columns.length === 0) return [];
  const list = (stem: string, values: StoredReport["values"]) => columns.map((c) => `${c.label}${values[`${stem}.${c.id}`]}件`).join("、");
  const fields = columns.map((c) => `${OVER}.${c.id}`);
  return [
    {
      reportId: report.id,
      message: `${previous.year}年度报告“结转下年度继续办理”为${list(FORWARD, previous.values)},本年度“上年结转”却为${list(OVER, report.values)}。`,
      fields,
      line: report.provenance[fields[0]],
      evidence: { related: [{ id: previous.id, agency, year: previous.year }] },
    },
  ];
}

export const carryOver: AgencyRule = {
  id: "carryover.mismatch",
  title: "结转数前后不接",
  severity: "error",
  category: "arithmetic",
  scope: "agency",
  explanation: "本年度“上年结转”应等于上一年度报告的“结转下年度继续办理”,逐列相等。",
  evidence: "reports",
  concerns: [OVER, FORWARD],
  detect: (history) => {
    const current = history.reports.filter((r) => r.current);
    return current.flatMap((report) => {
      const previous = current.find((r) => r.year === report.year - 1);
      return previous ? breaks(history.agency, previous, report) : [];
    });
  },
};
