/**
 * How a text cell is compared with the template's row labels: spaces, bracketed years
 * (本年(2021)新收), section headings and group words (三、本年度办理结果, (三)不予公开) are
 * taken out, then a row matches when the cell holds one of its label words.
 */
import type { RowDef, TableDef } from "../template/definitions";
import { withoutHeadings } from "./headings";

export function labelText(text: string, groupWords: readonly string[] = []): string {
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
  const words = [...table.rows.flatMap((row) => row.labels), ...table.columns.map((c) => c.label), ...table.anchors];
  let rest = labelText(text, table.groupWords);
  if (!words.some((word) => rest.includes(word))) return false;
  for (const word of [...words].sort((a, b) => b.length - a.length)) rest = rest.split(word).join("");
  const leftover = rest.replace(HEADER_LEFTOVER, "");
  const headerCharacters = new Set(words.join(""));
  return leftover.length <= 2 || [...leftover].every((c) => headerCharacters.has(c));
}
