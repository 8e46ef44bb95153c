/**
 * Bytes → text. Reports come as UTF-8 (with or without BOM) or as GB18030/GBK/GB2312 from older
 * sites; the bytes themselves tell which: a strict UTF-8 decode fails on GB text.
 */

export interface Decoded {
  text: string;
  encoding: "utf-8" | "utf-16le" | "utf-16be" | "gb18030";
}

const BOMS: ReadonlyArray<{ bytes: readonly number[]; encoding: Decoded["encoding"] }> = [
  { bytes: [0xef, 0xbb, 0xbf], encoding: "utf-8" },
  { bytes: [0xff, 0xfe], encoding: "utf-16le" },
  { bytes: [0xfe, 0xff], encoding: "utf-16be" },
];

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return prefix.every((b, i) => bytes[i] === b);
}

export function decodeBytes(bytes: Uint8Array): Decoded {
  const bom = BOMS.find((b) => startsWith(bytes, b.bytes));
  if (bom) return { text: new TextDecoder(bom.encoding).decode(bytes.subarray(bom.bytes.length)), encoding: bom.encoding };
  try {
    // streaming: a character cut off by the end of the file (a download stopped mid-character)
    // is dropped instead of making the whole file look like GB18030
    return { text: new TextDecoder("utf-8", { fatal: true }).decode(bytes, { stream: true }), encoding: "utf-8" };
  } catch {
    // GB18030 is a superset of GBK and GB2312, so one decoder reads all three
    return { text: new TextDecoder("gb18030").decode(bytes), encoding: "gb18030" };
  }
}
