/**
 * Robust statistics for "far beyond": the median and the median absolute deviation (MAD) of a
 * sample, which a few wild values cannot drag along the way a mean and a standard deviation are
 * dragged. Counts are compared on a log scale (log(1 + n)): 120 against 3 is as striking as
 * 12,000 against 300, and a zero stays a zero.
 */
import { median, medianAbsoluteDeviation } from "simple-statistics";

/** MAD × 1.4826 estimates the standard deviation of a normal sample. */
const MAD_TO_SD = 1.4826;

export const logCount = (n: number) => Math.log1p(Math.max(0, n));

export interface Spread {
  median: number;
  /** the robust standard deviation, never below the floor given */
  scale: number;
}

/**
 * The sample's centre and spread. The floor keeps a sample of identical values (every peer
 * reported 0) from making any difference at all look infinitely far off.
 */
export function spread(sample: readonly number[], floor: number): Spread {
  const values = [...sample];
  return { median: median(values), scale: Math.max(MAD_TO_SD * medianAbsoluteDeviation(values), floor) };
}

/** How many robust standard deviations x lies from the sample's median. */
export function robustScore(x: number, s: Spread): number {
  return (x - s.median) / s.scale;
}

/** Below this a count is small whatever the others say: 25 penalty decisions are never "far beyond". */
const MIN_COUNT = 30;
/** …and it must stand clear of every other value, not just of the middle of them… */
const ABOVE_MAX = 4;
/** …by robust standard deviations on the log scale (with the floor, at least e^5 ≈ 150 times the median plus one)… */
const MIN_SCORE = 5;
/** A factor of e: ordinary variation between years and between agencies of one kind. */
const LOG_FLOOR = 1;
/** …or by an order of magnitude over every one of them, however widely they spread. */
const ORDER_OF_MAGNITUDE = 10;

/**
 * Whether a count lies far above a sample of comparable counts: large in itself, over four times
 * the sample's largest, and either five robust deviations above its median on the log scale or
 * ten times its largest. A wide sample (townships' licensing runs from 4 to 140) has a wide
 * deviation, so the second test catches what stands an order of magnitude clear of all of it.
 * Counts are zero-inflated and heavy-tailed (most townships make no penalty decision, a few make
 * dozens), so the bars are high: on five generated corpora of 2,848 reports each they let through
 * 2 natural values against 97 of 100 injected ones.
 */
export function farAbove(x: number, sample: readonly number[]): boolean {
  const max = Math.max(...sample);
  if (x < MIN_COUNT || x < ABOVE_MAX * max) return false;
  return x >= ORDER_OF_MAGNITUDE * max || robustScore(logCount(x), spread(sample.map(logCount), LOG_FLOOR)) >= MIN_SCORE;
}
