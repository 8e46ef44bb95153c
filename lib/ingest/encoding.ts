/**
 * Whether a file's bytes are one text encoding the parser can read: UTF-8 (what most sites
 * serve) or GB18030/GBK (older sites). The parser decodes a file that is not valid UTF-8 as
 * GB18030, so a UTF-8 file with a few broken bytes, a GBK file with UTF-8 pasted into it, or a
 * Big5/Latin-1/random file would come out as mojibake and be stored as such. Those are turned
 * away here instead, with the line where the trouble starts.
 */

/**
 * Valid UTF-8 characters per invalid byte above which a file that is neither clean UTF-8 nor
 * clean GBK holds real UTF-8 text: GBK text shows at most about 0.2 by chance (two GBK
 * characters can look like one UTF-8 character), a file of half UTF-8 and half GBK 0.5 and more.
 */
const UTF8_SHARE_OF_MIXED = 0.35;

const inRange = (b: number | undefined, low: number, high: number) => b !== undefined && b >= low && b <= high;

/** The bytes that are no character of an encoding. */
interface Misses {
  invalid: number;
  /** byte offset of the first invalid byte, -1 when none */
  firstInvalid: number;
}

interface Utf8Scan extends Misses {
  /** multi-byte characters read correctly (ASCII is valid in every encoding here) */
  valid: number;
}

/**
 * Why the bytes cannot be decoded faithfully, or null when they can. For bytes in an 8-bit
 * encoding: UTF-16 (which the parser reads by its byte order mark) is the caller's to let through.
 * A UTF-8 byte order mark is no excuse for broken bytes after it, and is read as UTF-8 here.
 */
export function encodingProblem(bytes: Uint8Array): string | null {
  const utf8 = scanUtf8(bytes);
  if (utf8.invalid === 0) return null;
  const gb = scanGb18030(bytes);
  if (gb.invalid === 0) return null;
  if (utf8.valid >= UTF8_SHARE_OF_MIXED * utf8.invalid) {
    return `文字编码混杂:有UTF-8文字,也有${utf8.invalid}处字节不是UTF-8(第${lineAt(bytes, utf8.firstInvalid)}行起;混入了GBK文字,或文件已损坏),请统一另存为UTF-8`;
  }
  return `无法识别的文字编码:既不是UTF-8也不是GBK/GB18030(第${lineAt(bytes, gb.firstInvalid)}行起),请另存为UTF-8`;
}

/** 1-based line of a byte offset: 0x0A never occurs inside a UTF-8 or GB18030 character. */
function lineAt(bytes: Uint8Array, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset; i++) if (bytes[i] === 0x0a) line++;
  return line;
}

/** Length of the UTF-8 character a lead byte opens (2–4), or 0 when it opens none. */
function utf8Length(lead: number): number {
  if (inRange(lead, 0xc2, 0xdf)) return 2;
  if (inRange(lead, 0xe0, 0xef)) return 3;
  if (inRange(lead, 0xf0, 0xf4)) return 4;
  return 0;
}

/**
 * The bytes that may follow a lead byte: narrower than 80–BF after E0, ED, F0 and F4, which
 * would otherwise spell overlong forms, surrogates or code points past U+10FFFF (Unicode
 * table 3-7), all of which a strict decoder, the parser's, refuses.
 */
function secondByteRange(lead: number): readonly [number, number] {
  if (lead === 0xe0) return [0xa0, 0xbf];
  if (lead === 0xed) return [0x80, 0x9f];
  if (lead === 0xf0) return [0x90, 0xbf];
  if (lead === 0xf4) return [0x80, 0x8f];
  return [0x80, 0xbf];
}

/** How many bytes from i continue the character opened at i (the lead counts as one). */
function continuation(bytes: Uint8Array, i: number, length: number): number {
  const [low, high] = secondByteRange(bytes[i]);
  let n = 1;
  while (n < length && (n === 1 ? inRange(bytes[i + n], low, high) : inRange(bytes[i + n], 0x80, 0xbf))) n++;
  return n;
}

/**
 * UTF-8 characters and stray bytes. A character cut off by the end of the file is neither: a
 * download stopped mid-character is still a UTF-8 file, and the parser drops the stub.
 */
function scanUtf8(bytes: Uint8Array): Utf8Scan {
  const scan: Utf8Scan = { valid: 0, invalid: 0, firstInvalid: -1 };
  let i = 0;
  while (i < bytes.length) {
    if (bytes[i] < 0x80) {
      i++;
      continue;
    }
    const length = utf8Length(bytes[i]);
    const continued = continuation(bytes, i, length);
    if (length > 0 && continued === length) {
      scan.valid++;
      i += length;
    } else if (length > 0 && i + continued === bytes.length) {
      break;
    } else {
      miss(scan, i);
      i++;
    }
  }
  return scan;
}

/** Stray bytes among GB18030 characters (two bytes, or four for the rare ones). */
function scanGb18030(bytes: Uint8Array): Misses {
  const scan: Misses = { invalid: 0, firstInvalid: -1 };
  let i = 0;
  while (i < bytes.length) {
    const length = bytes[i] < 0x80 ? 1 : gbLength(bytes, i);
    // a lead byte cut off by the end of the file, as above
    if (length === 0 && i === bytes.length - 1 && inRange(bytes[i], 0x81, 0xfe)) break;
    if (length === 0) {
      miss(scan, i);
      i++;
      continue;
    }
    i += length;
  }
  return scan;
}

/** Length of the GB18030 character at i (2 or 4), or 0 when the bytes there make none. */
function gbLength(bytes: Uint8Array, i: number): number {
  if (!inRange(bytes[i], 0x81, 0xfe)) return 0;
  const second = bytes[i + 1];
  if (inRange(second, 0x40, 0x7e) || inRange(second, 0x80, 0xfe)) return 2;
  if (inRange(second, 0x30, 0x39) && inRange(bytes[i + 2], 0x81, 0xfe) && inRange(bytes[i + 3], 0x30, 0x39)) return 4;
  return 0;
}

function miss(scan: Misses, offset: number): void {
  if (scan.firstInvalid < 0) scan.firstInvalid = offset;
  scan.invalid++;
}
