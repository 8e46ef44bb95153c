/**
 * One table of the template read from its cells: a value (or null) for every field of the
 * table, the line each came from, and what the reading noticed on the way (blank cells,
 * ambiguous glued digits, the last row read).
 */
import type { RowDef, TableDef } from "../template/definitions";
import { fieldKey, rowColumns } from "../template/fields";
import { fitRun, type Slot, type SlotReading } from "./fit";
import { findRowRuns, findSideBySideRun, type TableCells } from "./rows";

/**
 * Values and lines are kept in Maps while the tables are read: a plain object given a
 * different set of field keys by each report took V8 a new hidden class per key added.
 */
export interface TableReading {
  values: Map<string, number | null>;
  provenance: Map<string, number>;
  /** rows whose label was found, in table order */
  rowsRead: RowDef[];
  /** fields whose cell is there but holds no number */
  blank: string[];
  /** fields whose glued digits admit several readings */
  ambiguous: string[];
  /** fields of rows that printed too few cells to tell which column each number is */
  unplaced: string[];
  /** the last cell of the last row read is there (a truncated report may stop inside a row) */
  lastRowComplete: boolean;
}

/** The slots of one or more rows side by side, each total pointing at its own row's parts. */
function slotsOf(table: TableDef, rows: readonly RowDef[]): Slot[] {
  const slots: Slot[] = [];
  for (const row of rows) {
    const columns = rowColumns(table, row);
    const offset = slots.length;
    slots.push(
      ...columns.map((column) => ({
        key: fieldKey(row, column),
        unit: column.unit ?? "count",
        parts: column.sumOf?.map((id) => offset + columns.findIndex((c) => c.id === id)),
      })),
    );
  }
  return slots;
}

export function emptyReading(): TableReading {
  return { values: new Map(), provenance: new Map(), rowsRead: [], blank: [], ambiguous: [], unplaced: [], lastRowComplete: true };
}

function record(reading: TableReading, slots: readonly Slot[], readings: readonly SlotReading[]): void {
  slots.forEach((slot, i) => {
    const r = readings[i];
    reading.values.set(slot.key, r.value);
    if (r.line !== null) reading.provenance.set(slot.key, r.line);
    if (r.blank) reading.blank.push(slot.key);
    if (r.ambiguous) reading.ambiguous.push(slot.key);
    if (r.unplaced) reading.unplaced.push(slot.key);
  });
  reading.lastRowComplete = readings[readings.length - 1]?.line !== null;
}

export function readTable(table: TableDef, cells: TableCells): TableReading {
  const reading = emptyReading();
  const runs = table.layout === "sideBySide" ? [findSideBySideRun(table, cells)].filter((r) => r !== null) : findRowRuns(table, cells);
  for (const run of runs) {
    const slots = slotsOf(table, run.rows);
    const readings = fitRun(run.items, slots, run.closed, run.label.line);
    record(reading, slots, readings);
    // a row is read when some cell of it is there (the reviews run may stop inside its second group)
    reading.rowsRead.push(...run.rows.filter((row) => slots.some((slot, i) => slot.key.startsWith(`${row.stem}.`) && readings[i].line !== null)));
  }
  return reading;
}
