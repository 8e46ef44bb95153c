/**
 * A first look at a file's bytes, before the parser: files that cannot be a report (empty,
 * binary) are turned away with a plain reason instead of a parser error.
 */

/** Bytes looked at to tell text from binary: enough for any header, cheap for big files. */
const SAMPLE_BYTES = 8_192;
/** Control characters other than tab, newline, carriage return and form feed are not text. */
const MAX_CONTROL_SHARE = 0.02;

export function unreadableReason(bytes: Uint8Array): string | null {
  if (bytes.length === 0) return "空文件";
  const sample = bytes.subarray(0, SAMPLE_BYTES);
  if (sample.includes(0)) return "二进制文件(含空字节),不是文本或网页";
  const controls = sample.filter((b) => b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c).length;
  if (controls / sample.length > MAX_CONTROL_SHARE) return "二进制文件(控制字符过多),不是文本或网页";
  if (!new TextDecoder("latin1").decode(sample).trim()) return "文件只有空白";
  return null;
}
