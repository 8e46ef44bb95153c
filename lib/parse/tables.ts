/**
 * One table of the template read from the cells of its section: a value (or null) for every
 * field of the table, the line each came from, and what the reading noticed on the way (blank
 * cells, ambiguous glued digits, the last row read).
 */
import type { RowDef, TableDef } from "../template/definitions";
import { fieldKey, rowColumns } from "../template/fields";
import type { Cell } from "./cells";
import { fitRun, type Slot, type SlotReading } from "./fit";
import { findRowRuns, findSideBySideRun, type RunItem } from "./rows";

export interface TableReading {
  values: Record<string, number | null>;
  provenance: Record<string, number>;
  /** rows whose label was found, in table order */
  rowsRead: RowDef[];
  /** fields whose cell is there but holds no number */
  blank: string[];
  /** fields whose glued digits admit several readings */
  ambiguous: string[];
  /** every column of the last row read has a cell (a truncated report may stop inside a row) */
  lastRowComplete: boolean;
}

function rowSlots(table: TableDef, row: RowDef, offset = 0): Slot[] {
  const columns = rowColumns(table, row);
  return columns.map((column) => ({
    key: fieldKey(row, column),
    unit: column.unit ?? "count",
    parts: column.sumOf?.map((id) => offset + columns.findIndex((c) => c.id === id)),
  }));
}

/** The slots of several rows side by side, their sums shifted to each row's place. */
function sideBySideSlots(table: TableDef): Slot[] {
  const slots: Slot[] = [];
  for (const row of table.rows) slots.push(...rowSlots(table, row, slots.length));
  return slots;
}

export function emptyReading(): TableReading {
  return { values: {}, provenance: {}, rowsRead: [], blank: [], ambiguous: [], lastRowComplete: true };
}

function record(reading: TableReading, slots: readonly Slot[], readings: readonly SlotReading[]): void {
  slots.forEach((slot, i) => {
    const r = readings[i];
    reading.values[slot.key] = r.value;
    if (r.cell) reading.provenance[slot.key] = r.cell.line;
    if (r.blank) reading.blank.push(slot.key);
    if (r.ambiguous) reading.ambiguous.push(slot.key);
  });
  reading.lastRowComplete = readings.every((r) => r.cell !== null);
}

export function readTable(table: TableDef, cells: readonly Cell[]): TableReading {
  const reading = emptyReading();
  if (table.layout === "sideBySide") {
    const run: RunItem[] = findSideBySideRun(cells);
    if (run.length > 0) {
      const slots = sideBySideSlots(table);
      record(reading, slots, fitRun(run, slots));
      reading.rowsRead = [...table.rows];
    }
    return reading;
  }
  for (const { row, items } of findRowRuns(table, cells)) {
    const slots = rowSlots(table, row);
    record(reading, slots, fitRun(items, slots));
    reading.rowsRead.push(row);
  }
  return reading;
}
