/**
 * Where each table is. Mostly the numbered headings 二 … 六 tell: a table runs from its
 * heading to whatever comes next. A fragment or a page that prints the tables without headings
 * shows a table by its header words (信息内容, 申请人情况, 结果维持) or by a row label standing
 * alone in its cell.
 */
import { TEMPLATES, TEMPLATE_VERSIONS, type SectionId, type TableDef } from "../template/definitions";
import type { Cell } from "./cells";
import type { Heading } from "./headings";
import { labelText } from "./labels";

/** The tables in the order every report prints them. */
const TABLE_SECTIONS: readonly SectionId[] = TEMPLATES["2021"].tables.map((t) => t.section);

export interface TableRegion {
  section: SectionId;
  /** document offsets [start, end) */
  start: number;
  end: number;
  /** 1-based line where the table (or its heading) starts */
  line: number;
  /** the region opens on a row label, not on a heading or a header: a fragment that starts mid-table */
  midTable: boolean;
  /** something follows the table: the document did not stop inside it */
  closed: boolean;
}

/** The section's tables in both templates: their header words and row labels are the signs of the table. */
function tablesOf(section: SectionId): TableDef[] {
  return TEMPLATE_VERSIONS.flatMap((v) => TEMPLATES[v].tables.filter((t) => t.section === section));
}

/** Each section's header words and row labels, worked out once: every text cell of a report is held against them. */
const SIGNS = new Map(
  TABLE_SECTIONS.map((section) => {
    const tables = tablesOf(section);
    const anchors = tables.flatMap((table) => table.anchors);
    const rowLabels = new Set(tables.flatMap((table) => table.rows.map((row) => labelText(row.label))));
    return [section, { anchors, rowLabels }];
  }),
);

function opensWithHeader(text: string, section: SectionId): boolean {
  return SIGNS.get(section)!.anchors.some((anchor) => text.startsWith(anchor));
}

function isWholeRowLabel(text: string, section: SectionId): boolean {
  return SIGNS.get(section)!.rowLabels.has(text);
}

interface TableStart extends Heading {
  midTable: boolean;
}

/**
 * Where a table without a heading starts: the first cell between `from` and `until` that starts
 * with a header word, or that is a row label and nothing else followed by its numbers (a
 * fragment opening mid-table).
 */
function findUnheaded(section: SectionId, cells: readonly Cell[], from: number, until: number): TableStart | null {
  for (const [index, cell] of cells.entries()) {
    if (cell.kind !== "text" || cell.offset < from || cell.offset >= until) continue;
    const text = labelText(cell.text);
    const header = opensWithHeader(text, section);
    const row = isWholeRowLabel(text, section) && cells[index + 1]?.kind === "value";
    if (header || row) return { id: section, offset: cell.offset, line: cell.line, midTable: !header };
  }
  return null;
}

/** `documentEnd`: the length of the lines joined, where a table that nothing follows ends. */
export function locateTables(headings: readonly Heading[], cells: readonly Cell[], documentEnd: number): TableRegion[] {
  const starts: TableStart[] = [];
  let from = 0;
  for (const section of TABLE_SECTIONS) {
    const heading = headings.find((h) => h.id === section);
    const nextHeading = headings.find((h) => h.offset > from);
    const start = heading ? { ...heading, midTable: false } : findUnheaded(section, cells, from, nextHeading?.offset ?? documentEnd);
    if (!start) continue;
    starts.push(start);
    from = start.offset;
  }
  const boundaries = [...headings.map((h) => h.offset), ...starts.map((s) => s.offset)];
  return starts.map((start) => {
    const end = Math.min(documentEnd, ...boundaries.filter((offset) => offset > start.offset));
    return {
      section: start.id as SectionId,
      start: start.offset,
      end,
      line: start.line,
      midTable: start.midTable,
      closed: end < documentEnd,
    };
  });
}
