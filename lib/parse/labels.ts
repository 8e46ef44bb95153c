/**
 * How a text cell is compared with the template's row labels: spaces, bracketed years
 * (本年(2021)新收), section headings and group words (三、本年度办理结果, (三)不予公开) are
 * taken out, then a row matches when the cell holds one of its label words.
 */
import type { RowDef, TableDef } from "../template/definitions";
import { withoutHeadings } from "./headings";
import { rememberedByText } from "./memo";

const NO_GROUP_WORDS: readonly string[] = [];

/**
 * The compacting of cells, remembered per list of group words (a table's own list): every text
 * cell is compacted again and again (each table's rows, the next rows' labels, the header checks,
 * the template's markers).
 */
const compactings = new Map<readonly string[], (text: string) => string>();
/** The templates' tables have a handful of lists; a caller making its own each time must not pile them up. */
const GROUP_LISTS_KEPT = 64;

export function labelText(text: string, groupWords: readonly string[] = NO_GROUP_WORDS): string {
  let compacting = compactings.get(groupWords);
  if (!compacting) {
    if (compactings.size >= GROUP_LISTS_KEPT) compactings.clear();
    compacting = rememberedByText((t) => compactLabel(t, groupWords));
    compactings.set(groupWords, compacting);
  }
  return compacting(text);
}

function compactLabel(text: string, groupWords: readonly string[]): string {
  let compact = withoutHeadings(text).replace(/\s+/g, "").replace(/\(\d{4}\)/g, "");
  for (const word of groupWords) compact = compact.split(word).join("");
  return compact;
}

export function rowMatches(row: RowDef, compact: string): boolean {
  return row.labels.some((label) => compact.includes(label));
}

/** Does the cell name some row of the table? */
export function isRowLabel(table: TableDef, text: string): boolean {
  const compact = labelText(text, table.groupWords);
  return table.rows.some((row) => rowMatches(row, compact));
}

/** What is left of a header cell once the table's own words are taken out: numbering, brackets. */
const HEADER_LEFTOVER = /[()、.,:;\s一二三四五六七八九十\d]/g;

/**
 * Is the cell made of the table's own words (row labels, column headers, header words) and
 * nothing else? Left over may be a character or two, or the characters of header words printed
 * one per line and read across (结 结 其 尚 / 果 果 他 未); a sentence that mentions the words
 * (共发生行政复议1件) is not.
 */
export function isHeaderText(table: TableDef, text: string): boolean {
  const { words, longestFirst, characters } = headerWords(table);
  let rest = labelText(text, table.groupWords);
  if (!words.some((word) => rest.includes(word))) return false;
  for (const word of longestFirst) rest = rest.split(word).join("");
  const leftover = rest.replace(HEADER_LEFTOVER, "");
  return leftover.length <= 2 || [...leftover].every((c) => characters.has(c));
}

interface HeaderWords {
  words: readonly string[];
  longestFirst: readonly string[];
  characters: ReadonlySet<string>;
}

/** A table's own words, worked out once per table (the template's tables never change). */
const HEADER_WORDS = new Map<TableDef, HeaderWords>();

function headerWords(table: TableDef): HeaderWords {
  let found = HEADER_WORDS.get(table);
  if (!found) {
    const words = [...table.rows.flatMap((row) => row.labels), ...table.columns.map((c) => c.label), ...table.anchors];
    found = { words, longestFirst: [...words].sort((a, b) => b.length - a.length), characters: new Set(words.join("")) };
    HEADER_WORDS.set(table, found);
  }
  return found;
}
