/**
 * The running text of a report, as the metadata and narrative readers see it: lines without
 * markup, table rows left out, cut into clauses that remember their line, and the counts
 * written in them (3702条, (1386)条, 21 条, 两件, 2535余条).
 */

import { rememberedByText, rememberedForLastLines } from "./memo";

const MARKUP = /<[^>]*>|&(?:nbsp|ensp|emsp|amp|lt|gt|quot|#\d+);|\\(?=["'/])/g;

const SPACES = /\s+/g;

/** A line as a reader sees it: HTML tags and entities (also inside a JS string) removed. */
export const plainLine: (line: string) => string = rememberedByText((line) => line.replace(MARKUP, " ").replace(SPACES, " ").trim());

// pipe rows of a text table, or the cells of an HTML table
const TABLE_ROW = /\||<t[dhr][\s>]/i;

export function isTableLine(line: string): boolean {
  return TABLE_ROW.test(line);
}

export interface Clause {
  text: string;
  /** 1-based line of the source text */
  line: number;
  /** which sentence of the text the clause belongs to, counting from 0 */
  sentence: number;
}

const SENTENCE_BREAK = /[。;!?]+/;
// a comma between a digit and three more is a thousands separator (1,234条), not a clause break
const CLAUSE_BREAK = /:+|(?<!\d),+|,+(?!\d{3}(?!\d))/;

/**
 * The prose clauses of the text in reading order; table rows are not prose. A line ends a sentence.
 * Remembered for the last lines: the year, the narrative and two anomaly rules each ask for them.
 */
export const proseClauses: (lines: readonly string[]) => readonly Clause[] = rememberedForLastLines(cutClauses);

function cutClauses(lines: readonly string[]): Clause[] {
  const clauses: Clause[] = [];
  let sentence = 0;
  lines.forEach((raw, index) => {
    if (isTableLine(raw)) return;
    for (const sentenceText of plainLine(raw).split(SENTENCE_BREAK)) {
      for (const text of sentenceText.split(CLAUSE_BREAK)) {
        const trimmed = text.trim();
        if (trimmed) clauses.push({ text: trimmed, line: index + 1, sentence });
      }
      sentence++;
    }
  });
  return clauses;
}

export interface Count {
  value: number;
  /** 条, 件, 篇…; empty when the number follows 数量 without a unit (信息数量304) */
  unit: string;
  /** 2535余条, 约3000条, 800多条: a round figure, not a count */
  approximate: boolean;
  /** where the count starts and ends in the clause */
  start: number;
  end: number;
}

const CHINESE_DIGITS: Record<string, number> = {
  零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9,
};
const CHINESE_UNITS: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };

/** 十二 → 12, 一百零五 → 105, 两 → 2; digits pass through. */
export function numberValue(written: string): number {
  if (/^[\d,]+$/.test(written)) return Number(written.replace(/,/g, ""));
  let total = 0;
  let digit = 0;
  for (const ch of written) {
    if (ch in CHINESE_DIGITS) digit = CHINESE_DIGITS[ch];
    else {
      total += (digit || 1) * CHINESE_UNITS[ch];
      digit = 0;
    }
  }
  return total + digit;
}

const NUMBER = String.raw`(\d+(?:,\d{3})*|[零〇一二两三四五六七八九十百千]+)`;
// a count never continues another number, nor is it an ordinal (第二十条, 第(一)项)
const COUNT = new RegExp(
  String.raw`(?<![第\d零〇一二两三四五六七八九十百千(])(约|近|超过|逾)?\s*\(?\s*${NUMBER}\s*\)?\s*(余|多)?\s*(条|件|篇|份|次|宗|项)`,
  "g",
);
// 信息数量304, 信息总数为171: a number after 数量 needs no unit (but is no date: 数量2024年)
const COUNT_AFTER_QUANTITY = /(?:数量|总数|条数)(?:为|是|达|共)?\s*(\d+)(?![\d年月日.])/g;

/**
 * Every count in a clause, in order: a number with a unit of items, or a number after 数量.
 * Remembered by the clause's text: the narrative readers ask it of the same clauses again.
 */
export const countsIn: (clause: string) => readonly Count[] = rememberedByText(readCounts);

function readCounts(clause: string): Count[] {
  const withUnit = [...clause.matchAll(COUNT)].map((m) => ({
    value: numberValue(m[2]),
    unit: m[4],
    approximate: Boolean(m[1] || m[3]),
    start: m.index,
    end: m.index + m[0].length,
  }));
  const afterQuantity = [...clause.matchAll(COUNT_AFTER_QUANTITY)]
    .map((m) => ({ value: Number(m[1]), unit: "", approximate: false, start: m.index + m[0].length - m[1].length, end: m.index + m[0].length }))
    .filter((c) => !withUnit.some((u) => u.start <= c.start && c.start < u.end));
  // more than 300 digits overflow to Infinity, which no report printed
  return [...withUnit, ...afterQuantity].filter((c) => Number.isFinite(c.value)).sort((a, b) => a.start - b.start);
}
