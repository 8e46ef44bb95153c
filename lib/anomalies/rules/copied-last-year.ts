/**
 * 内容雷同 with oneself: sections 一 and 五 nearly the same as the agency's previous report, the
 * figures aside (../text/shingles.ts). Real reports of one agency share 2–8% of their wording from
 * one year to the next (平潭, 2019–2025); a copy with new figures shares over 90%.
 */
import type { AgencyRule, StoredReport } from "../types";
import { jaccard } from "../text/shingles";
import { percent } from "../format";
import { comparable, SIMILAR } from "../text/similar";

/** The agency's latest current report before this one, whatever the gap. */
function previousOf(current: readonly StoredReport[], report: StoredReport): StoredReport | undefined {
  return current.filter((r) => r.year < report.year).sort((a, b) => b.year - a.year)[0];
}

export const copiedLastYear: AgencyRule = {
  id: "text.copiedLastYear",
  title: "照抄往年",
  severity: "warning",
  category: "similarity",
  scope: "agency",
  explanation: "“一、总体情况”和“五、存在的主要问题及改进情况”与本机关上一年度报告几乎相同,疑似照抄往年。",
  evidence: "reports",
  concerns: [],
  detect: (history) => {
    const current = history.reports.filter((r) => r.current);
    return current.flatMap((report) => {
      const previous = previousOf(current, report);
      if (!previous?.narrative || !report.narrative || !comparable(previous.narrative) || !comparable(report.narrative)) return [];
      const similarity = jaccard(report.narrative.all, previous.narrative.all);
      if (similarity < SIMILAR) return [];
      const sections = { overview: jaccard(report.narrative.overview, previous.narrative.overview), problems: jaccard(report.narrative.problems, previous.narrative.problems) };
      return [
        {
          reportId: report.id,
          message: `正文第一、五部分与本机关${previous.year}年度报告相似度达${percent(similarity)}(总体情况${percent(sections.overview)},存在的问题${percent(sections.problems)})。`,
          fields: [],
          line: report.narrative.line,
          evidence: { similarity, sections, related: [{ id: previous.id, agency: history.agency, year: previous.year, similarity }] },
        },
      ];
    });
  },
};
