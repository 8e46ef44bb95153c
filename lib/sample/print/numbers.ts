/**
 * How a value cell prints its number: as is (1300, 160.5964, -3), or with thousands separators
 * (1,300), as spreadsheets exported to the web print them (corpus 015's 12,077). A mark for a
 * cell left empty (/, -, 无) prints as it is.
 */

export const NUMBER_FORMS = ["plain", "grouped"] as const;
export type NumberForm = (typeof NUMBER_FORMS)[number];

/** What a value cell holds: a number, a mark printed in place of one, or null for no text at all. */
export type CellValue = number | string | null;

function grouped(value: number): string {
  const [whole, fraction] = String(Math.abs(value)).split(".");
  const digits = whole.replace(/\B(?=(\d{3})+$)/g, ",");
  return `${value < 0 ? "-" : ""}${digits}${fraction === undefined ? "" : `.${fraction}`}`;
}

export function formatCell(value: CellValue, form: NumberForm): string {
  if (value === null) return "";
  if (typeof value === "string") return value;
  return form === "grouped" ? grouped(value) : String(value);
}
