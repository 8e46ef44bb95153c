/**
 * A figure far off its peers' (./peers.ts) in the same year: a township with 120 penalty
 * decisions where the other townships of its county have none. Counts are compared upward on the
 * log scale like the agency's own history (../stats.ts); rates both ways, only where the rate
 * rests on enough cases, and only by a wide margin: 40 points from the peers' median and three
 * robust deviations (binomial noise on 20 cases is ±11 points).
 */
import { percent } from "../format";
import { COUNT_MEASURES, RATE_MEASURES, measureLine, rate, total, type CountMeasure, type RateMeasure } from "../measures";
import { countGroup, groupBy, rateGroup, type PeerGroup } from "../peers";
import { farAbove, robustScore, spread } from "../stats";
import type { Detection, PeerReport, PeerRule } from "../types";

/** Fewer comparable agencies than this are no crowd to stand out from. */
const MIN_PEERS = 6;
/** Rates: robust deviations, never counting a spread under 10 points… */
const RATE_SCORE = 3;
const RATE_FLOOR = 0.1;
/** …and at least 40 points from the peers' median. */
const RATE_GAP = 0.4;

/** Each member's value beside the values of the others in its group, when there are enough others. */
function againstOthers<T>(members: readonly PeerReport[], valueOf: (r: PeerReport) => T | null): Array<{ report: PeerReport; value: T; others: T[] }> {
  const valued = members.flatMap((report) => {
    const value = valueOf(report);
    return value === null ? [] : [{ report, value }];
  });
  if (valued.length - 1 < MIN_PEERS) return [];
  return valued.map(({ report, value }) => ({ report, value, others: valued.filter((v) => v.report !== report).map((v) => v.value) }));
}

/** What the finding shows of the peers: who they are, how many, their median and their largest value. */
function summary(group: PeerGroup, others: readonly number[]) {
  return { group: group.label, count: others.length, median: spread(others, 0).median, max: Math.max(...others) };
}

function countOutliers(group: PeerGroup, members: readonly PeerReport[], measure: CountMeasure): Detection[] {
  return againstOthers(members, (r) => total(r.values, measure.fields))
    .filter(({ value, others }) => farAbove(value, others))
    .map(({ report, value, others }) => {
      const peers = summary(group, others);
      return {
        reportId: report.id,
        message: `${measure.label}为${value}件,而${peers.group}(另${peers.count}个)中位数为${peers.median}件、最多为${peers.max}件。`,
        fields: [...measure.fields],
        line: measureLine(report.provenance, measure.fields),
        evidence: { measure: measure.label, value, peers },
      };
    });
}

function rateOutliers(group: PeerGroup, members: readonly PeerReport[], measure: RateMeasure): Detection[] {
  return againstOthers(members, (r) => rate(r.values, measure))
    .filter(({ value, others }) => {
      const s = spread(others, RATE_FLOOR);
      return Math.abs(value - s.median) >= RATE_GAP && Math.abs(robustScore(value, s)) >= RATE_SCORE;
    })
    .map(({ report, value, others }) => {
      const peers = summary(group, others);
      return {
        reportId: report.id,
        message: `${measure.label}为${percent(value)},而${peers.group}(另${peers.count}个)的中位数为${percent(peers.median)}。`,
        fields: [...measure.numerator, ...measure.denominator],
        line: measureLine(report.provenance, measure.denominator),
        evidence: { measure: measure.label, value, peers },
      };
    });
}

export const peerOutlier: PeerRule = {
  id: "figure.peerOutlier",
  title: "数字远离同类机关",
  severity: "warning",
  category: "statistical",
  scope: "peers",
  explanation: "某项数字或比例远离同地区、同年度、同级同类机关的水平。",
  evidence: "peers",
  concerns: [...COUNT_MEASURES.flatMap((m) => m.fields), ...RATE_MEASURES.flatMap((m) => [...m.numerator, ...m.denominator])],
  detect: (reports) => [
    ...groupBy(reports, countGroup).flatMap(({ group, members }) => COUNT_MEASURES.flatMap((m) => countOutliers(group, members, m))),
    ...groupBy(reports, rateGroup).flatMap(({ group, members }) => RATE_MEASURES.flatMap((m) => rateOutliers(group, members, m))),
  ],
};
