/**
 * Three ways real reports print a table once it has been copied out of a web page, as the seeds
 * show them:
 * - `cell-per-line` (seed 000): each row opens with a lone `|` line, then one line per filled
 *   cell ending in ` |`, then a line of `|` for the row's blank cells;
 * - `pipe-cells` (seed 001): the same without the lone `|` lines;
 * - `tab-rows` (seed 002): one line per row, cells separated by tabs, blank cells kept (so rows
 *   start with empty cells and end with an extra one).
 */
import type { Cell, Grid } from "./grid";

export type LayoutName = "cell-per-line" | "pipe-cells" | "tab-rows";
export const LAYOUTS: readonly LayoutName[] = ["cell-per-line", "pipe-cells", "tab-rows"];

export interface Printed {
  lines: string[];
  /** field key → index in `lines` of the line that holds its value */
  fieldLines: Record<string, number>;
}

/** How a value cell is printed: its number, or nothing at all for a cell left empty. */
export type FormatValue = (field: string) => string;

export function printGrid(grid: Grid, layout: LayoutName, format: FormatValue): Printed {
  return layout === "tab-rows" ? printTabRows(grid, format) : printPipeCells(grid, format, layout === "cell-per-line");
}

function text(cell: Cell, format: FormatValue): string {
  return typeof cell === "string" ? cell : format(cell.field);
}

function printPipeCells(grid: Grid, format: FormatValue, rowMarks: boolean): Printed {
  const printed: Printed = { lines: [], fieldLines: {} };
  for (const row of grid) {
    if (rowMarks) printed.lines.push("|");
    let blank = 0;
    for (const cell of row) {
      const shown = text(cell, format);
      if (shown === "") {
        blank++;
        continue;
      }
      if (typeof cell !== "string") printed.fieldLines[cell.field] = printed.lines.length;
      printed.lines.push(`${shown} |`);
    }
    // a single blank (the trailing cell) leaves no trace; wider gaps print as a filler line
    if (blank >= 2) printed.lines.push("|".repeat(blank));
  }
  return printed;
}

function printTabRows(grid: Grid, format: FormatValue): Printed {
  const printed: Printed = { lines: [], fieldLines: {} };
  for (const row of grid) {
    for (const cell of row) if (typeof cell !== "string") printed.fieldLines[cell.field] = printed.lines.length;
    printed.lines.push(row.map((cell) => text(cell, format)).join("\t"));
  }
  return printed;
}
