/**
 * A year missing between published years: an agency with reports for 2021 and 2023 owes one for
 * 2022. The finding sits on the report after the gap. Years after the last report are not
 * counted: the next one may simply not be loaded yet.
 */
import type { AgencyRule } from "../types";

export const missingYear: AgencyRule = {
  id: "report.yearMissing",
  title: "年报缺年",
  severity: "warning",
  category: "structural",
  scope: "agency",
  explanation: "本机关前后年度都有年报,中间某一年度的年报缺失(未载入或未发布)。",
  evidence: "reports",
  concerns: [],
  detect: (history) => {
    const current = history.reports.filter((r) => r.current).sort((a, b) => a.year - b.year);
    return current.slice(1).flatMap((report, i) => {
      const before = current[i];
      const missing = Array.from({ length: report.year - before.year - 1 }, (_, k) => before.year + 1 + k);
      if (missing.length === 0) return [];
      return [
        {
          reportId: report.id,
          message: `本机关有${before.year}年度和${report.year}年度的年报,缺少${missing.map((y) => `${y}年度`).join("、")}的年报。`,
          fields: [],
          evidence: { related: [{ id: before.id, agency: history.agency, year: before.year }] },
        },
      ];
    });
  },
};
