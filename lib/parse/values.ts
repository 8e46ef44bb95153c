/**
 * The number in one value cell, as printed: thousands separators dropped, decimals kept, a sign
 * kept (本年增/减 may be negative), and the unit noted when the cell carries its own (251000元).
 */
import type { Unit } from "../template/definitions";

export interface CellValue {
  /** the cell's characters */
  raw: string;
  value: number;
  /** the unit printed in the cell, if any */
  unit: "元" | "万元" | null;
  /**
   * Plain digits that may be several numbers glued together (规章000 → 000), or null when the
   * cell cannot be cut (a decimal, a separator, a sign or a unit marks it as one number).
   */
  digits: string | null;
}

export function readValue(raw: string): CellValue {
  const unit = raw.endsWith("万元") ? "万元" : raw.endsWith("元") ? "元" : null;
  const number = raw.replace(/万?元$/, "").replace(/,/g, "");
  return { raw, value: Number(number), unit, digits: /^\d+$/.test(raw) ? raw : null };
}

/** A plain number, as one cell may print it: no leading zero unless it is 0 itself. */
export function isWellFormed(digits: string): boolean {
  return digits === "0" || !digits.startsWith("0");
}

/** The value in the field's unit: amounts printed in 元 are stored in 万元. */
export function inFieldUnit(cell: CellValue, unit: Unit): number {
  return unit === "wan" && cell.unit === "元" ? cell.value / 10000 : cell.value;
}
