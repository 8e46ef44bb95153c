/**
 * The numbered section headings 二 … 六 of the template, found on their own line or inside a
 * report flattened onto one line.
 */
import type { SectionId } from "../template/definitions";
import { rememberedForLastLines } from "./memo";

export type HeadingId = SectionId | "problems" | "other";

/** Lazy, so that a heading glued to the table's header (…行政诉讼情况行政复议行政诉讼结果维持) ends at its own words. */
const HEADINGS: ReadonlyArray<{ id: HeadingId; pattern: RegExp }> = [
  { id: "proactive", pattern: /二\s*[、.,]\s*主动公开政府信息情况/g },
  { id: "requests", pattern: /三\s*[、.,]\s*(?:收到和处理|收到及处理)政府信息公开申请(?:情况)?/g },
  { id: "reviews", pattern: /四\s*[、.,]\s*[^。\n]{0,16}?复议[^。\n]{0,10}?诉讼(?:的?情况)?/g },
  // a report cut off right after the heading's first words still ends the table before it
  { id: "problems", pattern: /五\s*[、.,]\s*[^。\n]{0,12}?存在/g },
  { id: "other", pattern: /六\s*[、.,]\s*其他需要报告的事项/g },
];

/** Every heading starts with its numeral: a line or text without one holds none (most lines, cheaply). */
const NUMERALS = /[二三四五六]/;

export interface Heading {
  id: HeadingId;
  /** position in the document (lines joined by "\n") */
  offset: number;
  /** 1-based line */
  line: number;
}

/**
 * Each heading where it stands, in document order. A heading opens its line; where none does
 * (a report flattened onto one line) the last mention wins, since an outline in the
 * introduction (本报告包括…二、主动公开政府信息情况…) comes before the heading itself.
 */
export const findHeadings: (lines: readonly string[]) => readonly Heading[] = rememberedForLastLines(headingsIn);

/** (findHeadings, remembered for the last lines: the tables and the document kind both ask.) */
function headingsIn(lines: readonly string[]): Heading[] {
  const mentions = new Map<HeadingId, Array<Heading & { opensLine: boolean }>>();
  let offset = 0;
  lines.forEach((line, index) => {
    if (!NUMERALS.test(line)) {
      offset += line.length + 1;
      return;
    }
    for (const { id, pattern } of HEADINGS) {
      for (const match of line.matchAll(pattern)) {
        const opensLine = !/[\p{Script=Han}\d]/u.test(line.slice(0, match.index));
        const list = mentions.get(id) ?? [];
        list.push({ id, offset: offset + (match.index ?? 0), line: index + 1, opensLine });
        mentions.set(id, list);
      }
    }
    offset += line.length + 1;
  });
  const chosen = [...mentions.values()].map((list) => {
    const { id, offset: at, line } = list.find((m) => m.opensLine) ?? list[list.length - 1];
    return { id, offset: at, line };
  });
  return chosen.sort((a, b) => a.offset - b.offset);
}

/** The text without its heading words: 四、政府信息公开行政复议、行政诉讼情况 names no row of the table. */
export function withoutHeadings(text: string): string {
  if (!NUMERALS.test(text)) return text;
  return HEADINGS.reduce((rest, { pattern }) => rest.replace(pattern, " "), text);
}
