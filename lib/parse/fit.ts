/**
 * A run of cells → the values of a row's columns.
 *
 * Usually the run has a number for every column and they are taken in order. When it has
 * fewer, either some cells are blank (kept as blanks, by position), or digits of several cells
 * were glued together (规章000, 5845546): then every way of cutting the digits into numbers
 * without a leading zero is tried, and the table's own arithmetic (总计 = the sum of its parts)
 * picks among them. Where several readings survive, the cells they disagree on stay null and
 * are marked ambiguous; where the row simply has too few cells, none is placed: a guess is
 * never printed.
 */
import type { Unit } from "../template/definitions";
import type { RunItem } from "./rows";
import { inFieldUnit, isWellFormed } from "./values";

export interface Slot {
  key: string;
  unit: Unit;
  /** for a total: the indexes of the slots it adds up */
  parts?: readonly number[];
}

export interface SlotReading {
  value: number | null;
  /** 1-based line of the cell the value came from, null when the run had no cell for this slot */
  line: number | null;
  /** the cell is there but holds no number */
  blank: boolean;
  /** glued digits admit several readings that disagree on this slot */
  ambiguous: boolean;
  /** the row printed fewer cells than it has columns, and nothing tells which are missing */
  unplaced: boolean;
}

/** Beyond this many readings a run is not worth untangling: its cells are left ambiguous. */
const MAX_READINGS = 20000;
/**
 * Cuts tried before giving up the same way: most cuts of a long run lead nowhere (too few
 * pieces left for the slots), so counting readings alone let 26 glued digits run for minutes.
 */
const MAX_CUTS = 100_000;

const empty = (cell?: RunItem): SlotReading => ({ value: null, line: cell?.line ?? null, blank: false, ambiguous: false, unplaced: false });

/**
 * `closed`: the run ends at another label, not at the end of the document. A closed run with no
 * number at all is a row printed empty; one too short for its columns printed fewer cells than
 * the table has; a run cut off by the document's end holds the row's first cells. `labelLine`
 * places the cells of a row printed without any.
 */
export function fitRun(items: readonly RunItem[], slots: readonly Slot[], closed: boolean, labelLine: number): SlotReading[] {
  const values = items.filter((item) => item.kind === "value");
  if (values.length === 0 && closed) return slots.map((_, i) => ({ ...empty(items[i]), line: items[i]?.line ?? labelLine, blank: true }));
  if (values.length >= slots.length) return slots.map((slot, i) => read(values[i], slot));
  if (items.length >= slots.length) return byPosition(items, slots);
  // the document stops inside the row: numbers printed apart are its first cells, not glued digits
  if (!closed && values.length > 1) return byPosition(items, slots);
  return untangle(items, slots) ?? (closed ? slots.map(() => ({ ...empty(items[0]), unplaced: true })) : byPosition(items, slots));
}

function read(item: RunItem | undefined, slot: Slot): SlotReading {
  if (!item) return empty();
  if (item.kind === "blank") return { ...empty(item), blank: true };
  if (tooLong(item.value)) return { ...empty(item), ambiguous: true };
  return { ...empty(item), value: inFieldUnit(item.value, item.unit, slot.unit) };
}

/** Blank cells hold their column's place; leading blanks beyond the columns are merged-cell padding. */
function byPosition(items: readonly RunItem[], slots: readonly Slot[]): SlotReading[] {
  let start = 0;
  while (items.length - start > slots.length && items[start].kind === "blank") start++;
  return slots.map((slot, i) => read(items[start + i], slot));
}

type Piece = { item: RunItem; value: number | null };

/** The reading of the run with exactly one piece per slot, or null when the digits cannot make one. */
function untangle(items: readonly RunItem[], slots: readonly Slot[]): SlotReading[] | null {
  const readings = cuttings(items, slots.length);
  if (readings === null) return slots.map(() => ({ ...empty(items[0]), ambiguous: true }));
  if (readings.length === 0) return null;
  const balanced = readings.filter((reading) => addsUp(reading, slots));
  const pool = balanced.length > 0 ? balanced : readings;
  return slots.map((slot, i) => {
    const first = pool[0][i];
    const agreed = pool.every((reading) => reading[i].value === first.value);
    if (!agreed || tooLong(first.value)) return { ...empty(first.item), ambiguous: true };
    if (first.value === null || first.item.kind === "blank") return { ...empty(first.item), blank: true };
    return { ...empty(first.item), value: inFieldUnit(first.value, first.item.unit, slot.unit) };
  });
}

/** More than 300 digits read as one number overflow to Infinity: no number the report printed. */
function tooLong(value: number | null): boolean {
  return value === Infinity;
}

function addsUp(reading: readonly Piece[], slots: readonly Slot[]): boolean {
  return slots.every((slot, i) => {
    if (!slot.parts) return true;
    const parts = slot.parts.map((p) => reading[p].value);
    const total = reading[i].value;
    if (total === null || parts.some((v) => v === null)) return true;
    return parts.reduce<number>((sum, v) => sum + (v ?? 0), 0) === total;
  });
}

/**
 * All ways to read the items as `count` pieces, cutting plain digit runs where needed; null when
 * there are too many to weigh (more than MAX_READINGS readings, or MAX_CUTS cuts tried).
 */
function cuttings(items: readonly RunItem[], count: number): Piece[][] | null {
  const results: Piece[][] = [];
  let cuts = 0;
  const tooMany = () => results.length > MAX_READINGS || cuts > MAX_CUTS;
  const walk = (index: number, acc: Piece[]) => {
    if (tooMany()) return;
    const remainingItems = items.length - index;
    if (remainingItems === 0) {
      if (acc.length === count) results.push(acc);
      return;
    }
    const room = count - acc.length - (remainingItems - 1);
    if (room < 1) return;
    const item = items[index];
    if (item.kind === "blank" || item.digits === null) {
      walk(index + 1, [...acc, { item, value: item.kind === "blank" ? null : item.value }]);
      return;
    }
    // the last item must fill every slot left
    for (let n = remainingItems === 1 ? room : 1; n <= Math.min(room, item.digits.length); n++) {
      for (const numbers of cutDigits(item.digits, n)) {
        cuts++;
        if (tooMany()) return;
        // the decimals stay with the last number: 13575394432.52 → 135 | 75394432.52
        const values = numbers.map((digits, i) => Number(i === numbers.length - 1 ? digits + item.fraction : digits));
        walk(index + 1, [...acc, ...values.map((value) => ({ item, value }))]);
      }
    }
  };
  walk(0, []);
  return tooMany() ? null : results;
}

/** The ways to cut a digit string into n well-formed numbers, one at a time (a long run has very many). */
export function* cutDigits(digits: string, n: number): Generator<string[]> {
  if (n === 1) {
    if (isWellFormed(digits)) yield [digits];
    return;
  }
  for (let len = 1; len <= digits.length - (n - 1); len++) {
    const head = digits.slice(0, len);
    if (!isWellFormed(head)) continue;
    for (const rest of cutDigits(digits.slice(len), n - 1)) yield [head, ...rest];
  }
}
