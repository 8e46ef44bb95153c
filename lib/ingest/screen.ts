/**
 * A first look at a file, before the parser: what cannot be a report (too big, empty, a PDF or
 * Word file under a .txt name, other binary files, bytes in no one encoding) is turned away
 * with a plain reason instead of being parsed into nonsense or failing with a parser error.
 */
import { encodingProblem } from "./encoding";

/**
 * The largest file taken as a report. A whole report page with its site chrome is well under
 * 1 MB; ten times that leaves room for inline images while keeping one file's parse to seconds.
 */
export const MAX_REPORT_BYTES = 10 * 1024 * 1024;

/** Bytes looked at to tell text from binary: enough for any header, cheap for big files. */
const SAMPLE_BYTES = 8_192;
/** Control characters other than these (tab, newlines, form feed) are not text. */
const WHITESPACE = new Set([0x09, 0x0a, 0x0b, 0x0c, 0x0d, 0x20]);
const MAX_CONTROL_SHARE = 0.02;

/** Formats that are no text, told by their first bytes (what a file saved under the wrong name still starts with). */
const FORMATS: ReadonlyArray<{ magic: readonly number[]; name: string }> = [
  { magic: ascii("%PDF-"), name: "PDF文件" },
  { magic: [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1], name: "Word/Excel 97-2003文档(.doc/.xls)" },
  { magic: [0x50, 0x4b, 0x03, 0x04], name: "ZIP格式的文件(Word .docx、Excel .xlsx或压缩包)" },
  { magic: ascii("{\\rtf"), name: "RTF文档" },
  { magic: [0x89, 0x50, 0x4e, 0x47], name: "PNG图片" },
  { magic: [0xff, 0xd8, 0xff], name: "JPEG图片" },
  { magic: ascii("GIF8"), name: "GIF图片" },
  { magic: [0x1f, 0x8b], name: "gzip压缩文件" },
  { magic: ascii("Rar!"), name: "RAR压缩包" },
  { magic: [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c], name: "7z压缩包" },
];

const UTF16_BOMS: readonly (readonly number[])[] = [
  [0xff, 0xfe],
  [0xfe, 0xff],
];

function ascii(text: string): number[] {
  return [...text].map((c) => c.charCodeAt(0));
}

function megabytes(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** Why a file of this size is not read at all, or null. Told from its size alone, before reading it. */
export function oversizeReason(size: number): string | null {
  if (size <= MAX_REPORT_BYTES) return null;
  return `文件过大(${megabytes(size)},上限${megabytes(MAX_REPORT_BYTES)}),不像一份年度报告,未读取`;
}

/** Why the bytes cannot be a report's text, or null when the parser may read them. */
export function unreadableReason(bytes: Uint8Array): string | null {
  if (bytes.length === 0) return "空文件";
  const format = FORMATS.find(({ magic }) => magic.every((b, i) => bytes[i] === b));
  if (format) return `这是${format.name},不是文本或网页:请先另存为.txt或.html`;
  // UTF-16 text is full of zero and control bytes; the parser reads it when a BOM says so
  if (UTF16_BOMS.some((bom) => bom.every((b, i) => bytes[i] === b))) return null;
  if (bytes.every((b) => WHITESPACE.has(b))) return "文件只有空白";
  return binaryReason(bytes.subarray(0, SAMPLE_BYTES)) ?? encodingProblem(bytes);
}

function binaryReason(sample: Uint8Array): string | null {
  if (sample.includes(0)) return "二进制文件(含空字节),不是文本或网页";
  const controls = sample.filter((b) => b < 0x20 && !WHITESPACE.has(b)).length;
  if (controls / sample.length > MAX_CONTROL_SHARE) return "二进制文件(控制字符过多),不是文本或网页";
  return null;
}
