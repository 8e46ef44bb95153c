/**
 * Which years a report's text speaks of: every 2023年 of its prose, counted. A report copied
 * from last year with only its title changed still speaks of last year throughout.
 */
import { proseClauses } from "../../parse/prose";

export interface YearMentions {
  year: number;
  count: number;
  /** 1-based line of the first mention */
  line: number;
}

const YEAR = /((?:19|20)\d{2})\s*年/g;

/** Each year mentioned in the prose, most mentioned first. */
export function yearMentions(lines: readonly string[]): YearMentions[] {
  const tally = new Map<number, YearMentions>();
  for (const clause of proseClauses(lines)) {
    for (const match of clause.text.matchAll(YEAR)) {
      const year = Number(match[1]);
      const seen = tally.get(year) ?? { year, count: 0, line: clause.line };
      seen.count++;
      tally.set(year, seen);
    }
  }
  return [...tally.values()].sort((a, b) => b.count - a.count || a.line - b.line);
}
