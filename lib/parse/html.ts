/**
 * An HTML page → readable text, one line per paragraph and one line per table row.
 *
 * Tables are read as a grid: rowspan and colspan are expanded so that every cell has its row
 * and column, and each row is then written as `| cell | cell |` with each cell once, in column
 * order, an empty cell written as a blank one. That text is the report's source text: the
 * table reader reads it like any pipe-row report, and provenance lines point into it.
 */
import * as cheerio from "cheerio";
import type { AnyNode, Element } from "domhandler";

const SKIPPED = new Set(["script", "style", "noscript", "template", "iframe", "svg", "select", "option", "button"]);
const BLOCKS = new Set([
  "address", "article", "aside", "blockquote", "br", "center", "dd", "div", "dl", "dt", "fieldset", "figcaption",
  "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li", "main", "nav", "ol", "p",
  "pre", "section", "table", "tbody", "thead", "tfoot", "tr", "td", "th", "title", "ul",
]);

/** The end of a block element, on the render walk's stack. */
const CLOSE = Symbol("close");

const MARKUP = /<(?:html|body|div|p|table|br|span)[\s>/]/i;

/** Is this text a page to render: an .html file with markup, or any file holding a table's markup (a .txt with HTML inside a JS string)? */
export function isHtml(fileName: string, text: string): boolean {
  return (/\.html?$/i.test(fileName) && MARKUP.test(text)) || /<t[dr][\s>]/i.test(text);
}

/** HTML kept in a JavaScript string literal escapes its quotes: `colspan=\"2\"`. */
function unescapeScriptString(html: string): string {
  return html.replace(/\\(["'/])/g, "$1");
}

export function renderHtml(html: string): string {
  const $ = cheerio.load(unescapeScriptString(html));
  const lines: string[] = [];
  let current = "";
  const flush = () => {
    const line = current.replace(/\s+/g, " ").trim();
    if (line) lines.push(line);
    current = "";
  };
  // An explicit stack, not recursion: a page nested thousands of tags deep must not overflow
  // the call stack. CLOSE marks where a block element ends.
  const stack: (AnyNode | typeof CLOSE)[] = [$.root()[0]];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node === CLOSE) {
      flush();
      continue;
    }
    if (node.type === "text") {
      current += node.data;
      continue;
    }
    if (node.type !== "tag" && node.type !== "root") continue;
    const element = node as Element;
    if (SKIPPED.has(element.name)) continue;
    if (element.name === "table" && isDataTable(element)) {
      flush();
      lines.push(...tableRows(element).map(renderRow));
      continue;
    }
    if (BLOCKS.has(element.name)) {
      flush();
      stack.push(CLOSE);
    }
    for (let i = (element.children ?? []).length - 1; i >= 0; i--) stack.push(element.children[i]);
  }
  flush();
  return lines.join("\n");
}

/** Longer than any statistics cell: a table holding whole paragraphs lays out the page, it is not data. */
const LAYOUT_CELL_LENGTH = 200;

/** A table of cells (not one that lays out the page around other tables or paragraphs). */
function isDataTable(table: Element): boolean {
  if (descendants(table, TABLES).length > 0) return false;
  return descendants(table, CELLS).every((td) => textOf(td).replace(/\s+/g, "").length <= LAYOUT_CELL_LENGTH);
}

const TABLES: ReadonlySet<string> = new Set(["table"]);
const ROWS: ReadonlySet<string> = new Set(["tr"]);
const CELLS: ReadonlySet<string> = new Set(["td", "th"]);

/** An element node (domhandler types scripts and styles apart from other tags). */
function isElement(node: AnyNode): node is Element {
  return node.type === "tag" || node.type === "script" || node.type === "style";
}

/**
 * The elements under `node` with one of `names`, in document order: what cheerio's
 * `$(node).find("td, th")` gives, walked directly (a cheerio object per table, row and cell
 * cost more than the rendering itself) and with a stack (a deep page must not overflow the call stack).
 */
function descendants(node: Element, names: ReadonlySet<string>): Element[] {
  const found: Element[] = [];
  const stack: AnyNode[] = [];
  for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i]);
  while (stack.length > 0) {
    const next = stack.pop()!;
    if (!isElement(next)) continue;
    if (names.has(next.name)) found.push(next);
    for (let i = next.children.length - 1; i >= 0; i--) stack.push(next.children[i]);
  }
  return found;
}

interface GridCell {
  text: string;
  column: number;
}

/** The table's rows, each with the cells that start in it, placed by expanding rowspan and colspan. */
function tableRows(table: Element): GridCell[][] {
  const taken = new Set<string>();
  return descendants(table, ROWS).map((tr, r) => {
    const row: GridCell[] = [];
    let column = 0;
    for (const td of tr.children) {
      if (!isElement(td) || !CELLS.has(td.name)) continue;
      while (taken.has(`${r},${column}`)) column++;
      const rowspan = span(td.attribs.rowspan);
      const colspan = span(td.attribs.colspan);
      for (let dr = 0; dr < rowspan; dr++) for (let dc = 0; dc < colspan; dc++) taken.add(`${r + dr},${column + dc}`);
      row.push({ text: cellText(td), column });
      column += colspan;
    }
    return row.sort((a, b) => a.column - b.column);
  });
}

function span(value: string | undefined): number {
  const n = Number.parseInt(value ?? "1", 10);
  return Number.isFinite(n) && n > 0 ? Math.min(n, 100) : 1;
}

/** A cell's words on one line; `|` inside a cell would read as a separator, so it becomes `/`. */
function cellText(td: Element): string {
  return td.children.map(textOf).join(" ").replace(/\|/g, "/").replace(/\s+/g, " ").trim();
}

/** The text under a node, in document order, walked with a stack (cheerio's `.text()` recurses). */
function textOf(node: AnyNode): string {
  const parts: string[] = [];
  const stack: AnyNode[] = [node];
  while (stack.length > 0) {
    const next = stack.pop()!;
    if (next.type === "text") parts.push(next.data);
    else if ("children" in next) for (let i = next.children.length - 1; i >= 0; i--) stack.push(next.children[i]);
  }
  return parts.join("");
}

function renderRow(row: readonly GridCell[]): string {
  return `| ${row.map((cell) => cell.text || " ").join(" | ")} |`;
}
