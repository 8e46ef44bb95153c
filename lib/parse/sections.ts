/**
 * Where each table's section starts and ends, found by the numbered headings 二 … 六 (which
 * may stand on their own line or inside a report flattened onto one line).
 */
import type { SectionId } from "../template/definitions";

type HeadingId = SectionId | "problems" | "other";

/** The numbered headings; a table section runs from its heading to whichever heading comes next. */
const HEADINGS: ReadonlyArray<{ id: HeadingId; pattern: RegExp }> = [
  { id: "proactive", pattern: /二\s*[、.,]\s*主动公开政府信息情况/ },
  { id: "requests", pattern: /三\s*[、.,]\s*(?:收到和处理|收到及处理)政府信息公开申请/ },
  { id: "reviews", pattern: /四\s*[、.,]\s*[^。\n]{0,12}行政复议[^。\n]{0,8}行政诉讼/ },
  { id: "problems", pattern: /五\s*[、.,]\s*[^。\n]{0,12}存在的(?:主要)?问题/ },
  { id: "other", pattern: /六\s*[、.,]\s*其他需要报告的事项/ },
];

export interface Section {
  id: SectionId;
  /** document offsets [start, end) */
  start: number;
  end: number;
  /** 1-based line of the heading */
  line: number;
  /** a later heading closes the section: the document did not stop inside it */
  closed: boolean;
}

interface Heading {
  id: HeadingId;
  offset: number;
  line: number;
}

function findHeadings(lines: readonly string[]): Heading[] {
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

/** The table sections the text has, in document order. */
export function findSections(lines: readonly string[]): Section[] {
  const headings = findHeadings(lines);
  const documentEnd = lines.reduce((sum, line) => sum + line.length + 1, 0);
  const sections: Section[] = [];
  headings.forEach((heading, i) => {
    if (heading.id === "problems" || heading.id === "other") return;
    const next = headings[i + 1];
    sections.push({
      id: heading.id,
      start: heading.offset,
      end: next ? next.offset : documentEnd,
      line: heading.line,
      closed: next !== undefined,
    });
  });
  return sections;
}
