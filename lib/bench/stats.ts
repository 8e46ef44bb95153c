/**
 * The bench's arithmetic, pure: corpus sizes as people write them (10k, 1m), latency quantiles,
 * rates. Quantiles come from simple-statistics so p95 of 30 runs means what it means elsewhere.
 */
import { quantileSorted } from "simple-statistics";

const SUFFIXES: Record<string, number> = { "": 1, k: 1_000, m: 1_000_000 };

/** "10k" → 10000, "1.5m" → 1500000, "2500" → 2500. */
export function parseSize(text: string): number {
  const match = /^(\d+(?:\.\d+)?)([km]?)$/i.exec(text.trim());
  if (!match) throw new Error(`not a size: "${text}" (write 10k, 100k, 1m or a number)`);
  const n = Math.round(Number(match[1]) * SUFFIXES[match[2].toLowerCase()]);
  if (n <= 0) throw new Error(`a size must be above 0: "${text}"`);
  return n;
}

/** "10k,100k" → [10000, 100000] */
export function parseSizes(text: string): number[] {
  return text.split(",").filter((s) => s.trim() !== "").map(parseSize);
}

/** 10000 → "10k", 1000000 → "1m", 2500 → "2500": the name of a size in folders and tables. */
export function sizeLabel(n: number): string {
  if (n % 1_000_000 === 0) return `${n / 1_000_000}m`;
  if (n % 1_000 === 0) return `${n / 1_000}k`;
  return String(n);
}

export interface Latency {
  runs: number;
  p50: number;
  p95: number;
  max: number;
}

/** The median, 95th percentile and worst of some timings (ms). */
export function latency(samples: readonly number[]): Latency {
  if (samples.length === 0) return { runs: 0, p50: NaN, p95: NaN, max: NaN };
  const sorted = [...samples].sort((a, b) => a - b);
  return { runs: sorted.length, p50: quantileSorted(sorted, 0.5), p95: quantileSorted(sorted, 0.95), max: sorted[sorted.length - 1] };
}

/** Things per second; NaN when nothing was timed. */
export function perSecond(count: number, seconds: number): number {
  return seconds > 0 ? count / seconds : NaN;
}

export const megabytes = (bytes: number): number => bytes / 1e6;
