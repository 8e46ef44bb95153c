/**
 * Normalized lines → a stream of cells, each remembering its source line.
 *
 * Reports write their tables in many ways: one cell per line ending in ` |`, lone `|` lines,
 * tab-separated rows with empty merged cells, `| a | b |` rows, space-separated PDF rows, and
 * whole tables glued into one string (规章000行政规范性文件693665). Whatever the layout, the
 * table reader only needs, in reading order, the text cells (labels), the value cells (numbers
 * or digit runs that may hold several glued numbers) and the blank cells (empty, `/`, `-`, `无`).
 */
import { readValue, type CellValue } from "./values";

interface CellBase {
  /** 1-based line of the source text */
  line: number;
  /** position in the document, to place the cell in a section */
  offset: number;
}

export interface TextCell extends CellBase {
  kind: "text";
  text: string;
}

export interface ValueCell extends CellBase, CellValue {
  kind: "value";
}

export interface BlankCell extends CellBase {
  kind: "blank";
}

export type Cell = TextCell | ValueCell | BlankCell;

// `|` ends a cell (`0 |`), a tab separates two; both may repeat where cells were merged
const SEPARATOR = /[|\t]/;
// PDF page furniture: `- 4 -`, `—4—`, `第 4 页`, form feeds
const PAGE_MARKER = /^\s*(?:[-—–]\s*\d+\s*[-—–]|第\s*\d+\s*页(?:\s*共\s*\d+\s*页)?|\d+\s*\/\s*\d+)\s*$/;
const BLANK_MARKER = /^(?:[/／\\]+|[-—–]+|无|空)$/;
const MEANINGFUL = /[\p{Script=Han}A-Za-z]/u;

/** A number, with the sign of 本年增/减 (-4, 减4, 增3) and the unit it may carry (251000元, 56件). */
const NUMBER_AT = /^(?:[+-]|增加?|减少?)?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?(?:万元|元|件|条|项|个|宗)?/;

/**
 * `breaks`: document offsets where a cell must start whatever the layout (the section headings,
 * so that in a report flattened onto one line a heading never shares a cell with the text before it).
 */
/** The same number as NUMBER_AT, read where `lastIndex` points instead of cutting the word there. */
const NUMBER_HERE = new RegExp(NUMBER_AT.source.slice(1), "y");
// a sign only counts at the start of a word: `-3` is a decrease, `2022-02` is a date
const SIGN = /[-+增减]/;
const DIGIT = /\d/g;
const FORM_FEEDS = /\f/g;
const WORDS = /\S+/g;

/**
 * `breaks`: document offsets where a cell must start whatever the layout (the section headings,
 * so that in a report flattened onto one line a heading never shares a cell with the text before it).
 */
export function tokenizeLines(lines: readonly string[], breaks: readonly number[] = []): Cell[] {
  const cells: Cell[] = [];
  let offset = 0;
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index];
    const lineBreaks = breaks.filter((b) => b > offset && b < offset + line.length).map((b) => b - offset);
    // one push per cell (lineCells pushes onto `cells`): spread into push(), a line of 100,000 cells overflows the call stack
    if (!PAGE_MARKER.test(line)) lineCells(cells, line.replace(FORM_FEEDS, " "), index + 1, offset, lineBreaks);
    offset += line.length + 1;
  }
  return cells;
}

interface Piece {
  text: string;
  /** position in the line */
  at: number;
}

/**
 * The pieces of a line between separators. A trailing `|` closes the last cell and a leading
 * one opens the first row cell: neither stands for a cell of its own. Nothing at all between two
 * separators (`||`, two tabs) is the filler of a merged cell, not a cell; a space between them
 * (`| |`) is a blank cell, and so is a line holding a lone `|`.
 */
function linePieces(line: string): Piece[] {
  if (!SEPARATOR.test(line)) return line.trim() ? [{ text: line, at: 0 }] : [];
  if (line.trim() === "|") return [{ text: " ", at: line.indexOf("|") }];
  const pieces: Piece[] = [];
  let at = 0;
  for (const text of line.split(SEPARATOR)) {
    pieces.push({ text, at });
    at += text.length + 1;
  }
  if (/^\s*\|/.test(line)) pieces.shift();
  if (/\|\s*$/.test(line)) pieces.pop();
  return pieces.filter((piece) => piece.text.length > 0);
}

/** A piece cut where a cell must start. */
function cutAt(piece: Piece, breaks: readonly number[]): Piece[] {
  const inside = breaks.filter((b) => b > piece.at && b < piece.at + piece.text.length);
  if (inside.length === 0) return [piece];
  const bounds = [piece.at, ...inside, piece.at + piece.text.length];
  return bounds.slice(0, -1).map((start, i) => ({ text: piece.text.slice(start - piece.at, bounds[i + 1] - piece.at), at: start }));
}

/** The cells of one line, pushed onto `cells`. */
function lineCells(cells: Cell[], line: string, lineNo: number, lineOffset: number, breaks: readonly number[]): void {
  for (const whole of linePieces(line)) {
    for (const piece of cutAt(whole, breaks)) {
      const at = lineOffset + piece.at;
      if (!piece.text.trim()) cells.push({ kind: "blank", line: lineNo, offset: at });
      else pieceCells(cells, piece.text, lineNo, at);
    }
  }
}

/**
 * One cell's text → text, value and blank cells, pushed onto `cells`. Words are split at spaces;
 * a word that only marks an empty cell (`/`, `-`, `无`) is a blank cell; digits glued to a label
 * (规章000) are cut off it; neighbouring text words are joined back into one label.
 */
function pieceCells(cells: Cell[], piece: string, line: number, offset: number): void {
  // text words join the label before them only within the piece
  const first = cells.length;
  // a sentence ends a label: in a report flattened onto one line, 。二、主动公开… opens a section.
  // Whether the last label ended one is kept aside: asking the growing label itself (endsWith)
  // would flatten it at every word, quadratic in a long run of spaced words (PDF text: 主 动 公 开)
  let sentenceEnded = false;
  WORDS.lastIndex = 0;
  for (let match = WORDS.exec(piece); match; match = WORDS.exec(piece)) {
    const word = match[0];
    const at = match.index;
    if (BLANK_MARKER.test(word)) {
      cells.push({ kind: "blank", line, offset: offset + at });
      continue;
    }
    for (const part of splitWord(word)) {
      if (part.kind === "value") {
        const { raw, value, unit, digits, fraction } = readValue(part.text);
        cells.push({ kind: "value", line, offset: offset + at + part.at, raw, value, unit, digits, fraction });
        continue;
      }
      for (const sentence of splitSentences(part)) {
        if (!MEANINGFUL.test(sentence.text)) continue;
        const last = cells.length > first ? cells[cells.length - 1] : undefined;
        if (last?.kind === "text" && !sentenceEnded) last.text = `${last.text} ${sentence.text}`;
        else cells.push({ kind: "text", text: sentence.text, line, offset: offset + at + sentence.at });
        sentenceEnded = sentence.text.endsWith("。");
      }
    }
  }
}

interface WordPart {
  kind: "text" | "value";
  text: string;
  at: number;
}

/** A text part cut after each 。 so that what follows starts a cell of its own. */
function splitSentences(part: WordPart): WordPart[] {
  if (!part.text.includes("。")) return [part];
  const pieces: WordPart[] = [];
  let at = part.at;
  for (const text of part.text.split(/(?<=。)/)) {
    pieces.push({ kind: "text", text, at });
    at += text.length;
  }
  return pieces;
}

/** Where a number may start at or after `from`: a digit, or a sign opening the word. */
function numberStart(word: string, from: number): number {
  if (from === 0 && SIGN.test(word[0])) return 0;
  DIGIT.lastIndex = from;
  return DIGIT.exec(word)?.index ?? word.length;
}

/** Cut a word into text and value parts: 行政规范性文件693665 → 行政规范性文件 | 693665. */
function splitWord(word: string): WordPart[] {
  const parts: WordPart[] = [];
  // the text part being gathered: word.slice(textAt, i), empty when textAt === i
  let textAt = 0;
  let i = 0;
  while (i < word.length) {
    // the characters up to the next number are text
    const start = numberStart(word, i);
    if (start > i) {
      i = start;
      continue;
    }
    NUMBER_HERE.lastIndex = i;
    const match = NUMBER_HERE.exec(word);
    if (!match) {
      i += 1;
      continue;
    }
    const value = valuePart(word, i, match[0]);
    if (value.length === 0) {
      i += match[0].length;
      continue;
    }
    if (textAt < i) parts.push({ kind: "text", text: word.slice(textAt, i), at: textAt });
    parts.push({ kind: "value", text: value, at: i });
    i += value.length;
    textAt = i;
  }
  if (textAt < word.length) parts.push({ kind: "text", text: word.slice(textAt), at: textAt });
  return parts;
}

const LABEL_NUMBERING = /^[.、](?:\D|$)/;
const UNIT_OF_TIME_OR_PRECISION = /^[年月日号位%]/;

/**
 * How much of the digits at `i` is a value. A label's own number is not: the `3` of `3.危及`
 * (glued: `00000003.危及` holds the run 0000000 and the label 3.危及), the `2021` of `本年(2021)新收`,
 * the `4` of `保留4位小数`.
 */
function valuePart(word: string, i: number, digits: string): string {
  // what follows the digits decides; two characters tell
  const after = word.slice(i + digits.length, i + digits.length + 2);
  if (LABEL_NUMBERING.test(after)) return /^\d{2,}$/.test(digits) ? digits.slice(0, -1) : "";
  if (word[i - 1] === "(" && after.startsWith(")")) return "";
  if (UNIT_OF_TIME_OR_PRECISION.test(after)) return "";
  return digits;
}
