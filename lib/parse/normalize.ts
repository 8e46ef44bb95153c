/**
 * One text form for every report: simplified characters, half-width digits and punctuation,
 * no inline pinyin. Line breaks are kept one for one, so a line number of the normalized
 * text is a line number of the source.
 */
import * as OpenCC from "opencc-js";

const toSimplified = OpenCC.Converter({ from: "t", to: "cn" });

// mirror sites annotate characters with pinyin: 數(shù)據(jù) → 數據
const INLINE_PINYIN = /([\u3400-\u9fff])\((?:[a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]{1,7})\)/g;

export function normalizeText(text: string): string {
  const halfWidth = text.normalize("NFKC");
  return toSimplified(halfWidth.replace(INLINE_PINYIN, "$1"));
}
