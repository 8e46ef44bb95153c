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
   * The digits before any decimal point, when nothing (a sign, a thousands separator) marks the
   * cell as one number: they may be several numbers glued together (规章000 → 000,
   * 13575394432.52元 → 135 | 75394432.52元), or null.
   */
  digits: string | null;
  /** the decimals that follow `digits` (".52" or ""): they belong to the last number cut from them */
  fraction: string;
}

const UNIT_WORDS = /(?:万元|元|件|条|项|个|宗)$/;

export function readValue(raw: string): CellValue {
  const unit = raw.endsWith("万元") ? "万元" : raw.endsWith("元") ? "元" : null;
  const number = raw.replace(UNIT_WORDS, "");
  const plain = /^(\d+)(\.\d+)?$/.exec(number);
  const signed = number.replace(/,/g, "").replace(/^增加?/, "").replace(/^减少?/, "-");
  return { raw, value: Number(signed), unit, digits: plain ? plain[1] : null, fraction: plain?.[2] ?? "" };
}

/** A plain number, as one cell may print it: no leading zero unless it is 0 itself. */
export function isWellFormed(digits: string): boolean {
  return digits === "0" || !digits.startsWith("0");
}

/** The value in the field's unit: amounts printed in 元 are stored in 万元. */
export function inFieldUnit(value: number, printed: CellValue["unit"], field: Unit): number {
  return field === "wan" && printed === "元" ? value / 10000 : value;
}
