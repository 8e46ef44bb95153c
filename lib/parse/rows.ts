/**
 * A table's cell stream → the run of cells that belongs to each template row.
 *
 * The template's rows are walked in order: a text cell that carries one of the next few rows'
 * label words opens that row, and the value and blank cells after it (up to the next label)
 * are its run. Columns are then told by position within the run (see fit.ts), so a row that is
 * shifted by merged cells or padded by filler still lands right.
 */
import type { RowDef, TableDef } from "../template/definitions";
import type { BlankCell, Cell, TextCell, ValueCell } from "./cells";
import { readColumnBlocks } from "./columns";
import { isHeaderText, isRowLabel, labelText, rowMatches } from "./labels";

export type RunItem = ValueCell | BlankCell;

export interface RowRun {
  rows: readonly RowDef[];
  label: TextCell;
  items: RunItem[];
  /** a label or the table's end follows the run: a short run is the row as printed, not cut off */
  closed: boolean;
}

export interface TableCells {
  cells: readonly Cell[];
  /** a fragment that starts mid-table: its first row may be any row of the template */
  midTable: boolean;
  /** the document goes on after the table */
  closed: boolean;
}

/** How many rows ahead a label may be found: a row whose label the report misspelt is skipped, not the table. */
const LOOKAHEAD = 4;

/**
 * The run after a label: value and blank cells up to the label of a row that may come next
 * (text that only continues the label, a header cell or a label split over two lines, is passed
 * over while no number has come yet), or to the end of the line when the row sits on one line.
 */
function runAfter(
  cells: readonly Cell[],
  labelIndex: number,
  startsNextRow: (text: string) => boolean,
  tableClosed: boolean,
): { items: RunItem[]; closed: boolean } {
  const label = cells[labelIndex];
  const items: RunItem[] = [];
  let closed = tableClosed;
  for (let i = labelIndex + 1; i < cells.length; i++) {
    const cell = cells[i];
    if (cell.kind !== "text") items.push(cell);
    else if (items.length > 0 || startsNextRow(cell.text)) {
      closed = true;
      break;
    }
  }
  const sameLine = items.filter((item) => item.line === label.line);
  if (!sameLine.some((item) => item.kind === "value")) return { items, closed };
  // a row on one line ends with its line, unless the document ends there too
  const lineGoesOn = closed || cells.slice(labelIndex + 1).some((cell) => cell.line > label.line);
  return { items: sameLine, closed: lineGoesOn };
}

/**
 * A header cell (总计, 其他, 申请人情况) that a table split over two pages prints again among its
 * rows: a column's name or a header word, followed by more text rather than by numbers.
 */
function isRepeatedHeader(table: TableDef, cells: readonly Cell[], index: number): boolean {
  const compact = labelText((cells[index] as TextCell).text);
  const header = table.columns.some((c) => c.label === compact) || table.anchors.some((anchor) => compact.startsWith(anchor));
  return header && cells[index + 1]?.kind === "text";
}

export function findRowRuns(table: TableDef, { cells, midTable, closed }: TableCells): RowRun[] {
  const runs: RowRun[] = [];
  let next = 0;
  cells.forEach((cell, index) => {
    if (cell.kind !== "text" || next >= table.rows.length || isRepeatedHeader(table, cells, index)) return;
    const text = labelText(cell.text, table.groupWords);
    const lookahead = table.independentRows || (runs.length === 0 && midTable) ? table.rows.length : LOOKAHEAD;
    const ahead = table.rows.slice(next, next + lookahead);
    const found = ahead.findIndex((row) => rowMatches(row, text));
    if (found < 0) return;
    next += found + 1;
    const following = table.rows.slice(next, next + LOOKAHEAD);
    // a label of a row that may come next, or the header of the next part of the table (第二十条第(九)项)
    const startsNextRow = (t: string) => {
      const compact = labelText(t, table.groupWords);
      return following.some((row) => rowMatches(row, compact)) || table.anchors.some((anchor) => compact.startsWith(anchor));
    };
    runs.push({ rows: [ahead[found]], label: cell, ...runAfter(cells, index, startsNextRow, closed) });
  });
  return readColumnBlocks(table, cells, runs);
}

/**
 * The reviews table prints its row labels as column headers and then one run of 15 numbers;
 * some print a row of five numbers under each label instead (行政复议 0 0 0 0 0 / 未经复议直接起诉 …).
 * So the runs holding numbers after the first label are joined for as long as the text between
 * them is the table's own words. A table printed without numbers yields an empty run.
 */
export function findSideBySideRun(table: TableDef, { cells, closed }: TableCells): RowRun | null {
  const labelIndex = cells.findIndex((cell) => cell.kind === "text" && isRowLabel(table, cell.text) && isHeaderText(table, cell.text));
  if (labelIndex < 0) return null;
  const label = cells[labelIndex] as TextCell;
  const items: RunItem[] = [];
  let run: RunItem[] = [];
  for (const cell of cells.slice(labelIndex + 1)) {
    if (cell.kind !== "text") {
      run.push(cell);
      continue;
    }
    if (run.some((item) => item.kind === "value")) items.push(...run);
    run = [];
    if (items.length > 0 && !isHeaderText(table, cell.text)) return { rows: table.rows, label, items, closed: true };
  }
  if (run.some((item) => item.kind === "value")) items.push(...run);
  return { rows: table.rows, label, items, closed };
}
