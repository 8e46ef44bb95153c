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
