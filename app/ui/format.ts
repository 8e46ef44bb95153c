/** Numbers as the dashboard prints them, the same on the server and in the browser. */

const NUMBER = new Intl.NumberFormat("zh-CN", { maximumFractionDigits: 2 });

/** 12,345.6; a dash when no report has the figure (never a 0 it did not print) */
export function formatNumber(value: number | null | undefined): string {
  return value == null ? "—" : NUMBER.format(value);
}

/** 83.3% */
export function formatShare(value: number | null): string {
  return value == null ? "—" : `${(value * 100).toFixed(1)}%`;
}

const COMPACT = new Intl.NumberFormat("zh-CN", { notation: "compact", maximumFractionDigits: 1 });

/** Axis ticks, short enough for a narrow axis: 2,800 → 2800, 330,000 → 33万 */
export function formatTick(value: number): string {
  return COMPACT.format(value);
}
