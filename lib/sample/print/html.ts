/**
 * A report as its agency's web page serves it: site chrome around the article (a banner, the
 * navigation, where-you-are, the publication line, a footer, scripts and styles), each table a
 * real `<table>` whose merged cells carry rowspan and colspan (corpus pingtan-*.html).
 *
 * The parser reads a page as the text it renders: one line per block that holds text, one line
 * per table row (lib/parse/html.ts). So every element written here holds its text in one block,
 * and the line of everything keyed is counted as the page is written.
 */
import type { SpanTable } from "../grid";
import type { FormatValue } from "../layouts";

export type PageBlock =
  | { kind: "text"; text: string; role?: "stamp" | "title"; key?: string }
  | { kind: "table"; spans: SpanTable; format: FormatValue };

export interface Page {
  html: string;
  /** keys → 1-based line of the rendered page */
  lines: Record<string, number>;
}

/** What sits around a report on a county site, one rendered line each. */
const CHROME = {
  site: "人民政府门户网站",
  navigation: ["首页", "机构概况", "政务公开", "政务服务", "互动交流", "专题专栏"],
  whereYouAre: "当前位置:首页 > 政务公开 > 法定主动公开内容 > 政府信息公开工作年度报告",
  footer: "网站地图 | 联系我们 | 隐私声明 | 建议使用1920×1080分辨率浏览本站",
  style: "body{font-family:SimSun}table{border-collapse:collapse}td{border:1px solid #000;padding:2px 6px}",
  script: "var _hmt = _hmt || []; (function(){ /* 访问统计 */ })();",
} as const;

const escape = (text: string) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

class PageWriter {
  readonly parts: string[] = [];
  readonly lines: Record<string, number> = {};
  private rendered = 0;

  /** Markup that renders as no line of its own. */
  markup(html: string): void {
    this.parts.push(html);
  }

  /** An element rendered as one line; `keys` are placed on it. */
  line(html: string, keys: readonly string[] = []): void {
    this.parts.push(html);
    this.rendered += 1;
    for (const key of keys) this.lines[key] = this.rendered;
  }
}

const attributes = (rowspan: number, colspan: number) => `${rowspan > 1 ? ` rowspan="${rowspan}"` : ""}${colspan > 1 ? ` colspan="${colspan}"` : ""}`;

/** The table's rows up to the cell the document stops before; returns whether it stopped. */
function writeTable(page: PageWriter, spans: SpanTable, format: FormatValue): boolean {
  page.markup(`<table border="1" cellspacing="0" cellpadding="0" width="100%"><tbody>`);
  for (const row of spans) {
    const cells: string[] = [];
    const keys: string[] = [];
    for (const { content, rowspan, colspan } of row) {
      const text = typeof content === "string" ? content : format(content.field);
      if (text === null) {
        if (keys.length > 0) page.line(`<tr>${cells.join("")}`, keys);
        return true;
      }
      if (typeof content !== "string") keys.push(content.field);
      cells.push(`<td${attributes(rowspan, colspan)}>${escape(text)}</td>`);
    }
    page.line(`<tr>${cells.join("")}</tr>`, keys);
  }
  page.markup("</tbody></table>");
  return false;
}

/**
 * The whole page; a document cut inside a table ends right there, as a page saved before it had
 * loaded. The sample marker stands before the page, as the file's first line: it stamps the
 * file, it is no part of the page the sample imitates.
 */
export function writePage(blocks: readonly PageBlock[]): Page {
  const page = new PageWriter();
  const title = blocks.find((b) => b.kind === "text" && b.role === "title");
  for (const block of blocks) if (block.kind === "text" && block.role === "stamp") page.line(`${escape(block.text)}\n`);
  page.markup(`<!DOCTYPE html>\n<html lang="zh-CN">\n<head>\n<meta charset="utf-8">\n`);
  if (title?.kind === "text") page.line(`<title>${escape(title.text)}_${CHROME.site}</title>\n`);
  page.markup(`<style>${CHROME.style}</style>\n<script>${CHROME.script}</script>\n</head>\n<body>\n`);
  page.line(`<div class="nav">${CHROME.navigation.map((item) => `<a href="#">${item}</a>`).join(" ")}</div>\n`);
  page.line(`<div class="crumb">${escape(CHROME.whereYouAre)}</div>\n`);
  page.markup(`<div class="article">\n`);
  for (const block of blocks) {
    if (block.kind === "table") {
      if (writeTable(page, block.spans, block.format)) return { html: page.parts.join(""), lines: page.lines };
      page.markup("\n");
      continue;
    }
    if (block.role === "stamp") continue;
    const tag = block.role === "title" ? "h1" : "p";
    page.line(`<${tag}>${escape(block.text)}</${tag}>\n`, block.key ? [block.key] : []);
  }
  page.markup(`</div>\n`);
  page.line(`<div class="footer">${escape(CHROME.footer)}</div>\n`);
  page.markup(`</body>\n</html>\n`);
  return { html: page.parts.join(""), lines: page.lines };
}
