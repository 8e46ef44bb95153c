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

export function writeCsv(headers: readonly string[], rows: readonly (readonly Cell[])[]): string {
  return BOM + Papa.unparse({ fields: [...headers], data: rows.map((row) => [...row]) }, { escapeFormulae: FORMULA_START, newline: "\r\n" });
}
