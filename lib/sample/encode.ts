/**
 * A report's text as the bytes of its file: UTF-8, UTF-8 with a byte order mark (Windows
 * editors), or GB18030, the superset of GBK and GB2312 that older county sites still serve.
 * TextEncoder only writes UTF-8, so GB18030 comes from iconv-lite, which also keeps the test
 * honest: the parser decodes with the platform's TextDecoder, a different implementation.
 */
import iconv from "iconv-lite";

export const ENCODINGS = ["utf-8", "utf-8-bom", "gb18030"] as const;
export type EncodingName = (typeof ENCODINGS)[number];

const BOM = [0xef, 0xbb, 0xbf];

export function encodeText(text: string, encoding: EncodingName): Uint8Array {
  if (encoding === "gb18030") return new Uint8Array(iconv.encode(text, "gb18030"));
  const utf8 = new TextEncoder().encode(text);
  return encoding === "utf-8" ? utf8 : Uint8Array.from([...BOM, ...utf8]);
}
