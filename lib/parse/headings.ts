/**
 * The numbered section headings 二 … 六 of the template, found on their own line or inside a
 * report flattened onto one line.
 */
import type { SectionId } from "../template/definitions";

export type HeadingId = SectionId | "problems" | "other";

/** Lazy, so that a heading glued to the table's header (…行政诉讼情况行政复议行政诉讼结果维持) ends at its own words. */
const HEADINGS: ReadonlyArray<{ id: HeadingId; pattern: RegExp }> = [
  { id: "proactive", pattern: /二\s*[、.,]\s*主动公开政府信息情况/ },
  { id: "requests", pattern: /三\s*[、.,]\s*(?:收到和处理|收到及处理)政府信息公开申请(?:情况)?/ },
  { id: "reviews", pattern: /四\s*[、.,]\s*[^。\n]{0,16}?复议[^。\n]{0,10}?诉讼(?:的?情况)?/ },
  // a report cut off right after the heading's first words still ends the table before it
  { id: "problems", pattern: /五\s*[、.,]\s*[^。\n]{0,12}?存在/ },
  { id: "other", pattern: /六\s*[、.,]\s*其他需要报告的事项/ },
];

export interface Heading {
  id: HeadingId;
  /** position in the document (lines joined by "\n") */
  offset: number;
  /** 1-based line */
  line: number;
}

/** The first occurrence of each heading, in document order. */
export function findHeadings(lines: readonly string[]): Heading[] {
  const found = new Map<HeadingId, Heading>();
  let offset = 0;
  lines.forEach((line, index) => {
    for (const { id, pattern } of HEADINGS) {
      const match = found.has(id) ? null : pattern.exec(line);
      if (match) found.set(id, { id, offset: offset + match.index, line: index + 1 });
    }
    offset += line.length + 1;
  });
  return [...found.values()].sort((a, b) => a.offset - b.offset);
}

/** The text without its heading words: 四、政府信息公开行政复议、行政诉讼情况 names no row of the table. */
export function withoutHeadings(text: string): string {
  return HEADINGS.reduce((rest, { pattern }) => rest.replace(pattern, " "), text);
}
