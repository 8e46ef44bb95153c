/**
 * One colour per figure, chosen by meaning (disclosed: green, refused: red, corrected: red),
 * so a colour means the same thing in every chart.
 */
const BY_KEY: Record<string, string> = {
  granted: "#2e7d32",
  partiallyGranted: "#81c784",
  denied: "#c62828",
  unavailable: "#ef6c00",
  notProcessed: "#6a1b9a",
  otherHandling: "#90a4ae",
  upheld: "#1565c0",
  corrected: "#c62828",
  other: "#90a4ae",
  pending: "#f9a825",
};

const FALLBACK = "#1565c0";

export function colorOf(key: string): string {
  return BY_KEY[key] ?? FALLBACK;
}
