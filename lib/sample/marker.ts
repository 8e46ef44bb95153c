/**
 * The words that open every generated sample report. The ingest recognises them and stores the
 * report as synthetic, so the app can never pass sample figures off as real ones.
 */
export const SAMPLE_MARKER = "【样例数据】";

/** True when the text's first non-blank line carries the sample marker. */
export function isSampleText(text: string): boolean {
  const firstLine = text.split("\n").find((line) => line.trim() !== "") ?? "";
  return firstLine.includes(SAMPLE_MARKER);
}
