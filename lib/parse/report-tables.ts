/**
 * All the tables of a report: where they are, which template they follow, and every field of
 * that template read (null where the report has no cell), with the facts the checks need.
 */
import type { TableFacts } from "../checks";
import { TEMPLATES, TEMPLATE_VERSIONS, templateForYear, type TableDef, type TemplateVersion } from "../template/definitions";
import { fieldsOf } from "../template/fields";
import { tokenizeLines, type Cell, type TextCell } from "./cells";
import { findHeadings } from "./headings";
import { locateTables, type TableRegion } from "./sections";
import { emptyReading, readTable, type TableReading } from "./tables";
import { templateOfTables } from "./template";

/** The template most reports of unknown year follow, for the keys of a report without tables. */
const CURRENT_TEMPLATE: TemplateVersion = "2021";

/** Every field of each template, null, in table order: each report's values start as a copy. */
const NO_VALUES = Object.fromEntries(
  TEMPLATE_VERSIONS.map((version) => [version, Object.fromEntries(fieldsOf(version).map((field) => [field.key, null]))]),
) as Record<TemplateVersion, Record<string, number | null>>;

export interface ReportTables {
  template: TemplateVersion | null;
  /** every field of the template (of the year's template when there are no tables) */
  values: Record<string, number | null>;
  provenance: Record<string, number>;
  facts: TableFacts[];
  blank: string[];
  ambiguous: string[];
  unplaced: string[];
}

interface RegionReading {
  table: TableDef;
  region: TableRegion;
  reading: TableReading;
}

function cellsIn(cells: readonly Cell[], region: TableRegion): Cell[] {
  return cells.filter((cell) => cell.offset >= region.start && cell.offset < region.end);
}

/** `regionCells`: the cells of each region, picked out of the document's once. */
function readRegions(version: TemplateVersion, regionCells: ReadonlyMap<TableRegion, readonly Cell[]>, regions: readonly TableRegion[]): RegionReading[] {
  return TEMPLATES[version].tables.flatMap((table) => {
    const region = regions.find((r) => r.section === table.section);
    if (!region) return [];
    const reading = readTable(table, { cells: regionCells.get(region)!, midTable: region.midTable, closed: region.closed });
    return [{ table, region, reading }];
  });
}

/** What a table's reading says about the table as a whole, for table.missing and table.truncated. */
function tableFacts({ table, region, reading }: RegionReading): TableFacts {
  const facts = { section: table.section, line: region.line };
  if (reading.rowsRead.length === 0) return { ...facts, state: region.closed ? "missing" : "truncated" };
  const lastRow = reading.rowsRead[reading.rowsRead.length - 1];
  const whole = lastRow === table.rows[table.rows.length - 1] && reading.lastRowComplete;
  if (region.closed || whole) return { ...facts, state: "complete" };
  const lastKey = [...reading.provenance.keys()].find((key) => key.startsWith(`${lastRow.stem}.`));
  return {
    ...facts,
    state: "truncated",
    lastRow: lastRow.label,
    lastRowCut: !reading.lastRowComplete,
    lastRowLine: lastKey ? reading.provenance.get(lastKey) : undefined,
  };
}

/** The tables' readings added into one, in table order: a later table's field replaces an earlier one's in place. */
function mergeReadings(readings: readonly TableReading[]): TableReading {
  const all = emptyReading();
  for (const reading of readings) {
    for (const [key, value] of reading.values) all.values.set(key, value);
    for (const [key, line] of reading.provenance) all.provenance.set(key, line);
    all.rowsRead.push(...reading.rowsRead);
    all.blank.push(...reading.blank);
    all.ambiguous.push(...reading.ambiguous);
    all.unplaced.push(...reading.unplaced);
    all.lastRowComplete = reading.lastRowComplete;
  }
  return all;
}

/** The length of the lines joined by "\n", plus one: where a table that nothing follows ends. */
function documentEnd(lines: readonly string[]): number {
  // a "\n" between each two lines, and one past the end
  let length = Math.max(lines.length - 1, 0) + 1;
  for (const line of lines) length += line.length;
  return length;
}

export function readReportTables(lines: readonly string[], year: number | null): ReportTables {
  const headings = findHeadings(lines);
  const cells = tokenizeLines(lines, headings.map((h) => h.offset));
  const regions = locateTables(headings, cells, documentEnd(lines));
  const regionCells = new Map(regions.map((r) => [r, cellsIn(cells, r)]));
  const tableText = regions.flatMap((r) => regionCells.get(r)!).filter((c): c is TextCell => c.kind === "text");
  const yearTemplate = year === null ? null : templateForYear(year);
  const marked = templateOfTables(tableText);
  const readings = readRegions(marked ?? yearTemplate ?? CURRENT_TEMPLATE, regionCells, regions);
  const hasTables = readings.some((r) => r.reading.rowsRead.length > 0);
  // tables that look alike in both templates (the reviews table alone) follow the one the year prescribes
  const template = marked ?? (hasTables ? yearTemplate : null);

  const values = { ...NO_VALUES[template ?? yearTemplate ?? CURRENT_TEMPLATE] };
  const merged = mergeReadings(readings.map((r) => r.reading));
  for (const [key, value] of merged.values) if (key in values) values[key] = value;

  return {
    template,
    values,
    provenance: Object.fromEntries(merged.provenance),
    facts: readings.map(tableFacts),
    blank: merged.blank,
    ambiguous: merged.ambiguous,
    unplaced: merged.unplaced,
  };
}
