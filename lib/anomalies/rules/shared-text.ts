/**
 * 内容雷同 between agencies: the narrative of one agency's report nearly the same as another's
 * of the same year (a template filled in by several townships, or one copying its neighbour).
 * Every report in such a group gets one finding naming the others, most similar first. The
 * texts compared are the pairs whose signatures share a band and suggest a similarity near the
 * threshold (text/similar.ts worthComparing); the rest are not alike enough to read.
 */
import { percent } from "../format";
import { signaturePairs } from "../text/minhash";
import { jaccard } from "../text/shingles";
import { comparable, SIMILAR, worthComparing } from "../text/similar";
import type { CorpusReport, CorpusRule, Detection, RelatedReport } from "../types";

/** The others named in a finding; the count says how many there are in all. */
const NAMED = 5;

/** Same agency: one agency's reports stored twice under its name (one without a region) are not two agencies. */
const sameAgency = (a: CorpusReport, b: CorpusReport) => a.agencyId === b.agencyId || a.agency === b.agency;

function similarPairs(reports: readonly CorpusReport[]): Map<CorpusReport, RelatedReport[]> {
  const texts = reports.filter((r) => comparable(r.narrative));
  const related = new Map<CorpusReport, RelatedReport[]>();
  const link = (from: CorpusReport, to: CorpusReport, similarity: number) =>
    related.set(from, [...(related.get(from) ?? []), { id: to.id, agency: to.agency, year: to.year, similarity }]);
  for (const [i, j] of signaturePairs(texts.map((t) => t.signature))) {
    const [a, b] = [texts[i], texts[j]];
    if (sameAgency(a, b) || !worthComparing(a.signature, b.signature)) continue;
    const similarity = jaccard(a.narrative.all, b.narrative.all);
    if (similarity < SIMILAR) continue;
    link(a, b, similarity);
    link(b, a, similarity);
  }
  return related;
}

export const sharedText: CorpusRule = {
  id: "text.sharedAcrossAgencies",
  title: "与其他机关雷同",
  severity: "warning",
  category: "similarity",
  scope: "corpus",
  explanation: "正文与同年度其他机关的年报几乎相同,疑似套用模板或相互抄袭。",
  evidence: "reports",
  concerns: [],
  detect: (reports) =>
    [...similarPairs(reports)].map(([report, others]): Detection => {
      const sorted = others.sort((a, b) => (b.similarity ?? 0) - (a.similarity ?? 0));
      const top = sorted[0];
      return {
        reportId: report.id,
        message: `正文第一、五部分与同年度${sorted.length}个其他机关的年报高度雷同,与${top.agency}的相似度达${percent(top.similarity ?? 0)}。`,
        fields: [],
        line: report.narrative.line,
        evidence: { similarity: top.similarity, related: sorted.slice(0, NAMED) },
      };
    }),
};
