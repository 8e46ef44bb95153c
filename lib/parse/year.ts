/**
 * The year a report covers (not the year it was published): its title's year, else its
 * statistics period (统计期限自2025年1月1日起), else a title quoted in its sentences (现公布…2024年
 * 政府信息公开工作年度报告; a quote may be of last year's report, so the period comes first), else
 * the year its text speaks of most.
 */
import { plainLine, proseClauses } from "./prose";
import type { Title, Titles } from "./title";

export interface YearReading {
  year: number;
  /** 1-based line the year was read from */
  line: number;
}

export function readYear(lines: readonly string[], titles: Titles): YearReading | null {
  return fromTitles(titles.standing) ?? fromStatisticsPeriod(lines) ?? fromTitles(titles.quoted) ?? dominantYear(lines);
}

function fromTitles(titles: Title[]): YearReading | null {
  const title = titles.find((t) => t.year !== null);
  return title?.year ? { year: title.year, line: title.line } : null;
}

// 本报告所列数据统计期限自2025年1月1日起, 数据统计时限为2024年1月1日至…, 数据统计截至2023年12月31日
const STATISTICS_PERIOD =
  /统计[^。]{0,20}?(?:((?:19|20)\d{2})\s*年\s*1\s*月\s*1\s*日|(?:至|止)\s*((?:19|20)\d{2})\s*年\s*12\s*月\s*31\s*日)/;

function fromStatisticsPeriod(lines: readonly string[]): YearReading | null {
  for (let i = 0; i < lines.length; i++) {
    const m = STATISTICS_PERIOD.exec(plainLine(lines[i]));
    if (m) return { year: Number(m[1] ?? m[2]), line: i + 1 };
  }
  return null;
}

const YEAR_MENTION = /((?:19|20)\d{2})\s*年/g;

/** The most mentioned year of the prose; on a tie, the one mentioned first. */
function dominantYear(lines: readonly string[]): YearReading | null {
  const tally = new Map<number, { count: number; line: number }>();
  for (const clause of proseClauses(lines)) {
    for (const m of clause.text.matchAll(YEAR_MENTION)) {
      const year = Number(m[1]);
      const seen = tally.get(year) ?? { count: 0, line: clause.line };
      tally.set(year, { count: seen.count + 1, line: seen.line });
    }
  }
  let best: YearReading | null = null;
  let bestCount = 0;
  for (const [year, { count, line }] of tally) {
    if (count > bestCount) [best, bestCount] = [{ year, line }, count];
  }
  return best;
}
