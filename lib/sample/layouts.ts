/**
 * The ways real reports print a table once it has been copied out of a web page or a PDF, each
 * after the seed or corpus file that shows it:
 * - `cell-per-line` (seed 000): each row opens with a lone `|` line, then one line per filled
 *   cell ending in ` |`, then a line of `|` for the row's blank cells;
 * - `pipe-cells` (seed 001, corpus 009): the same without the lone `|` lines;
 * - `tab-rows` (seed 002): one line per row, cells separated by tabs, blank cells kept (so rows
 *   start with empty cells and end with an extra one);
 * - `bare-cells` (corpus 004, 060): one filled cell per line and nothing else;
 * - `markdown-rows` (corpus 054, 055, 072): `| 规章 | 0 | 0 | 0 |`, one row per line, blank cells
 *   kept, a group's label on the line of its first row;
 * - `space-rows` (corpus 010, PDF text): a row's filled cells on one line, separated by spaces;
 * - `glued-rows` (corpus 110, 114, 127): a row's cells run together (规章000) where the digits
 *   can be told apart: every number a single digit, or the row's only number; otherwise the
 *   numbers keep a space between them.
 * A document cut off inside a table (`format` gives null from some cell on) prints what comes
 * before that cell and nothing after it.
 */
import type { Grid } from "./grid";

export const LAYOUTS = ["cell-per-line", "pipe-cells", "tab-rows", "bare-cells", "markdown-rows", "space-rows", "glued-rows"] as const;
export type LayoutName = (typeof LAYOUTS)[number];

export interface Printed {
  lines: string[];
  /** field key → index in `lines` of the line that holds its value */
  fieldLines: Record<string, number>;
}

/** How a value cell is printed: its number, "" for a cell left empty, null for a cell the document stops before. */
export type FormatValue = (field: string) => string | null;

/** A row as far as the document goes: its cells' text, and the fields among them. */
interface RowText {
  cells: Array<{ text: string; field?: string }>;
  /** the document stops inside this row */
  cut: boolean;
}

/** The grid's rows as printed text, up to the first cell the document does not reach. */
function rowsOf(grid: Grid, format: FormatValue): RowText[] {
  const rows: RowText[] = [];
  for (const row of grid) {
    const cells: RowText["cells"] = [];
    for (const cell of row) {
      const text = typeof cell === "string" ? cell : format(cell.field);
      if (text === null) {
        if (cells.some((c) => c.field)) rows.push({ cells: withoutTrailingLabels(cells), cut: true });
        return rows;
      }
      cells.push(typeof cell === "string" ? { text } : { text, field: cell.field });
    }
    rows.push({ cells, cut: false });
  }
  return rows;
}

/** A document cut right after a value ends there, not on a label or blank after it. */
function withoutTrailingLabels(cells: RowText["cells"]): RowText["cells"] {
  let end = cells.length;
  while (end > 0 && !cells[end - 1].field) end--;
  return cells.slice(0, end);
}

const PRINTERS: Record<LayoutName, (rows: RowText[]) => Printed> = {
  "cell-per-line": (rows) => printCells(rows, { rowMarks: true, pipes: true }),
  "pipe-cells": (rows) => printCells(rows, { rowMarks: false, pipes: true }),
  "bare-cells": (rows) => printCells(rows, { rowMarks: false, pipes: false }),
  "tab-rows": (rows) => printRows(rows, (row) => row.cells.map((c) => c.text).join("\t")),
  "markdown-rows": (rows) => printRows(rows, (row) => `| ${row.cells.map((c) => c.text || " ").join(" | ")}${row.cut ? "" : " |"}`),
  "space-rows": (rows) => printRows(rows, (row) => filled(row).map((c) => c.text).join(" ")),
  "glued-rows": (rows) => printRows(rows, gluedRow),
};

export function printGrid(grid: Grid, layout: LayoutName, format: FormatValue): Printed {
  return PRINTERS[layout](rowsOf(grid, format));
}

const filled = (row: RowText) => row.cells.filter((c) => c.text !== "");

function printCells(rows: readonly RowText[], { rowMarks, pipes }: { rowMarks: boolean; pipes: boolean }): Printed {
  const printed: Printed = { lines: [], fieldLines: {} };
  for (const row of rows) {
    if (rowMarks) printed.lines.push("|");
    let blank = 0;
    for (const cell of row.cells) {
      if (cell.text === "") {
        blank++;
        continue;
      }
      if (cell.field) printed.fieldLines[cell.field] = printed.lines.length;
      printed.lines.push(pipes ? `${cell.text} |` : cell.text);
    }
    // a single blank (the trailing cell) leaves no trace; wider gaps print as a filler line
    if (pipes && blank >= 2 && !row.cut) printed.lines.push("|".repeat(blank));
  }
  return printed;
}

function printRows(rows: readonly RowText[], line: (row: RowText) => string): Printed {
  const printed: Printed = { lines: [], fieldLines: {} };
  for (const row of rows) {
    for (const cell of row.cells) if (cell.field) printed.fieldLines[cell.field] = printed.lines.length;
    printed.lines.push(line(row));
  }
  return printed;
}

/**
 * 规章000, 行政许可1300: glued where only one reading is possible, as the answer key demands every
 * number back. A row cut short is never glued: its digits could be read as more cells than it has.
 */
function gluedRow(row: RowText): string {
  const cells = filled(row);
  const labels = cells.filter((c) => !c.field).map((c) => c.text);
  const values = cells.filter((c) => c.field).map((c) => c.text);
  const unsigned = values.every((v) => /^\d/.test(v));
  const oneReading = values.length === 1 || values.every((v) => /^\d$/.test(v));
  if (!row.cut && unsigned && oneReading) return `${labels.join("")}${values.join("")}`;
  return [labels.join(""), ...values].filter((t) => t !== "").join(" ");
}
