/**
 * A sample report printed in a style: its paragraphs and tables → the file's bytes, and the line
 * of the source text the parser reads (the rendered page for HTML) that holds each field's value
 * and each keyed paragraph, the provenance the answer key states.
 */
import type { SectionId, TemplateVersion } from "../../template/definitions";
import { encodeText } from "../encode";
import { tableFields, tableGrid, tableSpans, type Grid, type SpanTable } from "../grid";
import { printGrid, type FormatValue } from "../layouts";
import { inCharForm, type CharForm } from "./chars";
import { inTextForm, type Line } from "./forms";
import { writePage, type PageBlock } from "./html";
import { formatCell, type CellValue } from "./numbers";
import type { PrintStyle } from "./style";

export type Block =
  /** `stamp`: the sample marker's line, printed as written whatever the character form; `key`: a paragraph whose line the caller needs */
  | { kind: "text"; text: string; role?: "stamp" | "title"; key?: string }
  | { kind: "table"; section: SectionId };

export type TextBlock = Extract<Block, { kind: "text" }>;

export interface SampleDocument {
  template: TemplateVersion;
  blocks: readonly Block[];
  /** what each field's cell holds; a field left out prints as an empty cell */
  cells: Readonly<Record<string, CellValue>>;
  /** the document stops right after this field's cell (a page saved before it had loaded) */
  cutAfter?: string | null;
}

export interface PrintedDocument {
  /** the file's text: a page's HTML, or the report's text */
  text: string;
  bytes: Uint8Array;
  /** field keys and paragraph keys → 1-based line of the source text the parser reads */
  lines: Record<string, number>;
}

/** The blocks the document reaches and the value format that stops at its cut (fields print table by table, row by row). */
function reached(doc: SampleDocument, style: PrintStyle): { blocks: readonly Block[]; format: FormatValue } {
  const fieldsOf = (block: Block) => (block.kind === "table" ? tableFields(block.section, doc.template) : []);
  const order = doc.blocks.flatMap(fieldsOf);
  const cut = doc.cutAfter ? order.indexOf(doc.cutAfter) : -1;
  const beyond = new Set(cut < 0 ? [] : order.slice(cut + 1));
  const format: FormatValue = (field) => (beyond.has(field) ? null : inCharForm(formatCell(doc.cells[field] ?? null, style.numbers), style.chars));
  if (cut < 0) return { blocks: doc.blocks, format };
  const last = doc.blocks.findIndex((block) => fieldsOf(block).includes(order[cut]));
  return { blocks: doc.blocks.slice(0, last + 1), format };
}

const localText = (block: TextBlock, chars: CharForm) => (block.role === "stamp" ? block.text : inCharForm(block.text, chars));

const localGrid = (grid: Grid, chars: CharForm): Grid => grid.map((row) => row.map((c) => (typeof c === "string" ? inCharForm(c, chars) : c)));

const localSpans = (spans: SpanTable, chars: CharForm): SpanTable =>
  spans.map((row) => row.map((c) => ({ ...c, content: typeof c.content === "string" ? inCharForm(c.content, chars) : c.content })));

function textLines(doc: SampleDocument, style: PrintStyle, layout: NonNullable<PrintStyle["layout"]>): Line[] {
  const { blocks, format } = reached(doc, style);
  return blocks.flatMap((block): Line[] => {
    if (block.kind === "text") return [{ text: localText(block, style.chars), keys: block.key ? [block.key] : [] }];
    const printed = printGrid(localGrid(tableGrid(block.section, doc.template), style.chars), layout, format);
    const lines: Line[] = printed.lines.map((text) => ({ text, keys: [] }));
    for (const [field, index] of Object.entries(printed.fieldLines)) lines[index].keys.push(field);
    return lines;
  });
}

function pageBlocks(doc: SampleDocument, style: PrintStyle): PageBlock[] {
  const { blocks, format } = reached(doc, style);
  return blocks.map((block) =>
    block.kind === "text"
      ? { ...block, text: localText(block, style.chars) }
      : { kind: "table", spans: localSpans(tableSpans(block.section, doc.template), style.chars), format },
  );
}

export function printDocument(doc: SampleDocument, style: PrintStyle): PrintedDocument {
  if (style.form === "html-page") {
    const page = writePage(pageBlocks(doc, style));
    return { text: page.html, bytes: encodeText(page.html, style.encoding), lines: page.lines };
  }
  if (style.layout === null) throw new Error(`a ${style.form} text needs a table layout`);
  const lines = inTextForm(textLines(doc, style, style.layout), style.form);
  const keyLines: Record<string, number> = {};
  lines.forEach((line, i) => line.keys.forEach((key) => (keyLines[key] = i + 1)));
  const text = `${lines.map((l) => l.text).join("\n")}\n`;
  return { text, bytes: encodeText(text, style.encoding), lines: keyLines };
}
