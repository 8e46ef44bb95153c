/**
 * Tables that text extracted from PDF reads column by column: the row labels of a block first,
 * then each column's header followed by that column's numbers, one per label:
 *
 *   规章 / 行政规范性文件 / 本年制发件数 / 0 / 1 / 本年废止件数 / 0 / 0 / 现行有效件数 / 0 / 3
 *
 * Read row by row, the first labels look printed without numbers. A block of labels is read by
 * columns only when what follows it is exactly that: for each column a header, then one cell
 * per label, and nothing more.
 */
import type { TableDef } from "../template/definitions";
import { rowColumns } from "../template/fields";
import type { Cell } from "./cells";
import { isRowLabel, labelText } from "./labels";
import type { RowRun, RunItem } from "./rows";

/** Runs [start, end] whose labels stand one after the other, all rows having `width` columns. */
function blockEnd(table: TableDef, cells: readonly Cell[], runs: readonly RowRun[], start: number): number {
  const width = rowColumns(table, runs[start].rows[0]).length;
  let end = start;
  while (
    end + 1 < runs.length &&
    runs[end].items.length === 0 &&
    rowColumns(table, runs[end + 1].rows[0]).length === width &&
    cells.indexOf(runs[end + 1].label) === cells.indexOf(runs[end].label) + 1
  ) {
    end++;
  }
  return end;
}

/** A column's header: text that neither names a row nor opens another part of the table. */
function isColumnHeader(table: TableDef, cell: Cell | undefined): boolean {
  if (cell?.kind !== "text") return false;
  const compact = labelText(cell.text);
  return !isRowLabel(table, cell.text) && !table.anchors.some((anchor) => compact.startsWith(anchor));
}

/** The cells of each column after the block's last label, or null when they are not laid out by columns. */
function columnsAfter(table: TableDef, cells: readonly Cell[], from: number, height: number, width: number): RunItem[][] | null {
  const columns: RunItem[][] = [];
  let at = from;
  for (let c = 0; c < width; c++) {
    const headerStart = at;
    while (isColumnHeader(table, cells[at])) at++;
    if (at === headerStart) return null;
    const column = cells.slice(at, at + height);
    if (column.length < height || column.some((cell) => cell.kind === "text")) return null;
    columns.push(column as RunItem[]);
    at += height;
  }
  return cells[at] === undefined || cells[at].kind === "text" ? columns : null;
}

/** The runs, with each block of labels laid out by columns given its row of numbers. */
export function readColumnBlocks(table: TableDef, cells: readonly Cell[], runs: readonly RowRun[]): RowRun[] {
  const read = [...runs];
  for (let start = 0; start < read.length; start++) {
    const end = blockEnd(table, cells, read, start);
    if (end === start) continue;
    const height = end - start + 1;
    const width = rowColumns(table, read[start].rows[0]).length;
    const columns = columnsAfter(table, cells, cells.indexOf(read[end].label) + 1, height, width);
    if (!columns) continue;
    for (let r = 0; r < height; r++) read[start + r] = { ...read[start + r], items: columns.map((column) => column[r]), closed: true };
    start = end;
  }
  return read;
}
