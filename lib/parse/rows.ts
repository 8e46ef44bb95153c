/**
 * A table's cell stream → the runs of numbers that belong to each template row.
 *
 * The template's rows are walked in order: a text cell that carries one of the next few rows'
 * label words opens that row, and the value and blank cells after it (up to the next label)
 * are its run. Columns are then told by position within the run (see fit.ts), so a row that is
 * shifted by merged cells or padded by filler still lands right.
 */
import type { RowDef, TableDef } from "../template/definitions";
import type { BlankCell, Cell, TextCell, ValueCell } from "./cells";

export type RunItem = ValueCell | BlankCell;

export interface RowRun {
  row: RowDef;
  label: TextCell;
  items: RunItem[];
}

/** How many rows ahead a label may be found: a row whose label the report misspelt is skipped, not the table. */
const LOOKAHEAD = 4;

/** A label as compared: no spaces, no bracketed years (本年(2021)新收), no group words. */
export function labelText(text: string, groupWords: readonly string[] = []): string {
  let compact = text.replace(/\s+/g, "").replace(/\(\d{4}\)/g, "");
  for (const word of groupWords) compact = compact.split(word).join("");
  return compact;
}

function rowMatches(row: RowDef, text: string): boolean {
  return row.labels.some((label) => text.includes(label));
}

/** The run of numbers after a label: to the next text cell, or to the end of the line when the row sits on one line. */
function runAfter(cells: readonly Cell[], labelIndex: number): RunItem[] {
  const label = cells[labelIndex];
  const items: RunItem[] = [];
  for (let i = labelIndex + 1; i < cells.length; i++) {
    const cell = cells[i];
    if (cell.kind === "text") break;
    items.push(cell);
  }
  const sameLine = items.filter((item) => item.line === label.line);
  return sameLine.some((item) => item.kind === "value") ? sameLine : items;
}

export function findRowRuns(table: TableDef, cells: readonly Cell[]): RowRun[] {
  const runs: RowRun[] = [];
  let next = 0;
  cells.forEach((cell, index) => {
    if (cell.kind !== "text" || next >= table.rows.length) return;
    const text = labelText(cell.text, table.groupWords);
    const ahead = table.rows.slice(next, next + LOOKAHEAD);
    const found = ahead.findIndex((row) => rowMatches(row, text));
    if (found < 0) return;
    runs.push({ row: ahead[found], label: cell, items: runAfter(cells, index) });
    next += found + 1;
  });
  return runs;
}

/**
 * The reviews table prints its row labels as column headers and then one run of 15 numbers:
 * the first run of cells after the headers that holds a number.
 */
export function findSideBySideRun(cells: readonly Cell[]): RunItem[] {
  let run: RunItem[] = [];
  for (const cell of cells) {
    if (cell.kind === "text") {
      if (run.some((item) => item.kind === "value")) break;
      run = [];
    } else run.push(cell);
  }
  return run.some((item) => item.kind === "value") ? run : [];
}
