/**
 * A report whose prose speaks mostly of another year than its own: typically last year's text
 * under this year's title. A report naturally mentions next year's plans and earlier years now and
 * then, so only another year mentioned more often than its own, and at least three times, counts.
 */
import { yearMentions } from "../text/years";
import type { ReportRule } from "../types";

/** Fewer mentions than this are plans and comparisons, not a text about another year. */
const MIN_MENTIONS = 3;

export const otherYear: ReportRule = {
  id: "narrative.otherYear",
  title: "正文年度不符",
  severity: "warning",
  category: "structural",
  scope: "report",
  explanation: "报告正文主要讲述的是另一个年度,可能沿用了其他年度的报告而未更新。",
  evidence: "text",
  concerns: [],
  detect: (doc) => {
    if (doc.year === null) return [];
    const mentions = yearMentions(doc.lines);
    const own = mentions.find((m) => m.year === doc.year)?.count ?? 0;
    const other = mentions.find((m) => m.year !== doc.year);
    if (!other || other.count < MIN_MENTIONS || other.count <= own) return [];
    return [
      {
        message: `这是${doc.year}年度报告,但正文提到${other.year}年${other.count}次,提到${doc.year}年仅${own}次。`,
        fields: [],
        line: other.line,
      },
    ];
  },
};
