/** The bench's printing, pure: numbers rounded for reading, and plain aligned text tables. */

/** 1234.5 → "1,235"; 12.34 → "12.3"; 0.123 → "0.12": three significant figures at most below 100, none after above. */
export function num(x: number): string {
  if (!Number.isFinite(x)) return "–";
  if (Math.abs(x) >= 100) return Math.round(x).toLocaleString("en-US");
  if (Math.abs(x) >= 10) return x.toFixed(1);
  return x.toFixed(2);
}

/** A table of text, columns padded to their widest cell: numbers right-aligned, text left. */
export function textTable(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const all = [header, ...rows];
  const widths = header.map((_, c) => Math.max(...all.map((row) => width(row[c] ?? ""))));
  const numeric = header.map((_, c) => rows.length > 0 && rows.every((row) => /^[–\d,.x%-]+$/.test(row[c] ?? "")));
  const line = (row: readonly string[]) => row.map((cell, c) => pad(cell, widths[c], numeric[c])).join("  ").trimEnd();
  return [line(header), widths.map((w) => "-".repeat(w)).join("  "), ...rows.map(line)].join("\n");
}

/** Display width: a Chinese character takes two columns. */
function width(text: string): number {
  let w = 0;
  for (const ch of text) w += /[\u2e80-\uffef]/.test(ch) ? 2 : 1;
  return w;
}

function pad(text: string, to: number, right: boolean): string {
  const fill = " ".repeat(Math.max(0, to - width(text)));
  return right ? fill + text : text + fill;
}
