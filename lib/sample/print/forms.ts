/**
 * The shapes a report's text takes as a whole, line by line, each after the corpus files that
 * show it: as written (one paragraph a line); with a blank line between paragraphs and between
 * cells (corpus 004, 122); flattened onto one line, headings and all (corpus 039, 127); text
 * taken out of a PDF, a page marker `- 4 -` after each page and a form feed opening the next
 * (corpus 010, 042). Every line keeps the keys of what it prints, so provenance follows it.
 */

export const TEXT_FORMS = ["lines", "paragraphs", "one-line", "pdf-pages"] as const;
export type TextForm = (typeof TEXT_FORMS)[number];

export interface Line {
  text: string;
  /** the fields (and marked paragraphs) printed on the line */
  keys: string[];
}

/** Lines on a page of the PDF a report was extracted from: an A4 page of a table holds about this many. */
const PAGE_LINES = 36;

const FORMS: Record<TextForm, (lines: readonly Line[]) => Line[]> = {
  lines: (lines) => [...lines],
  paragraphs: (lines) => lines.flatMap((line, i) => (i === lines.length - 1 ? [line] : [line, { text: "", keys: [] }])),
  "one-line": (lines) => [{ text: lines.map((l) => l.text).join(" "), keys: lines.flatMap((l) => l.keys) }],
  "pdf-pages": inPages,
};

export function inTextForm(lines: readonly Line[], form: TextForm): Line[] {
  return FORMS[form](lines);
}

function inPages(lines: readonly Line[]): Line[] {
  const out: Line[] = [];
  lines.forEach((line, i) => {
    const page = Math.floor(i / PAGE_LINES);
    const opensPage = i > 0 && i % PAGE_LINES === 0;
    if (opensPage) out.push({ text: `- ${page} -`, keys: [] });
    out.push(opensPage ? { ...line, text: `\f${line.text}` } : line);
  });
  return out;
}
