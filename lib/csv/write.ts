/**
 * CSV as Excel on a Chinese desktop reads it: UTF-8 with a byte order mark (without it Excel
 * guesses GBK and shows mojibake), CRLF line ends, and no cell that a spreadsheet would run as a
 * formula (CSV injection): text starting with = + - @ tab or CR gets a leading apostrophe.
 * Numbers are written as numbers, so a negative count stays a number.
 */
import Papa from "papaparse";

export type Cell = string | number | null;

const BOM = "\uFEFF";

/** Papa's own default pattern stops at a line break (`.*$`), so "=1\n2" would slip through. */
const FORMULA_START = /^[=+\-@\t\r]/;

/** Rows as they are, the header row included: a table in the official layout has several. */
export function writeCsvRows(rows: readonly (readonly Cell[])[]): string {
  return BOM + Papa.unparse(rows.map((row) => [...row]), { escapeFormulae: FORMULA_START, newline: "\r\n" });
}

export function writeCsv(headers: readonly string[], rows: readonly (readonly Cell[])[]): string {
  return writeCsvRows([headers, ...rows]);
}
