/**
 * One text form for every report: simplified characters, half-width digits and punctuation,
 * no inline pinyin. Line breaks are kept one for one, so a line number of the normalized
 * text is a line number of the source.
 */
import * as OpenCC from "opencc-js";

const toSimplified = OpenCC.Converter({ from: "t", to: "cn" });

/**
 * Words that mirrors converting a report to Taiwan usage swapped (規範性文件 → 規範性檔案). Only a
 * traditional-character copy is undone this way: in simplified text 档案 is a word of its own,
 * and OpenCC's whole Taiwan phrase table would rewrite simplified words too (文件 → 文档).
 */
const TAIWAN_WORDS: ReadonlyArray<readonly [string, string]> = [["檔案", "文件"]];

/** A copy in traditional characters changes about 30% of its Han characters; simplified text none. */
const TRADITIONAL_SHARE = 0.1;

// mirror sites annotate characters with pinyin: 數(shù)據(jù) → 數據
const INLINE_PINYIN = /([\u3400-\u9fff])\((?:[a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]{1,7})\)/g;

function isTraditional(text: string, simplified: string): boolean {
  const han = text.match(/\p{Script=Han}/gu)?.length ?? 0;
  let changed = 0;
  for (let i = 0; i < text.length; i++) if (text[i] !== simplified[i]) changed++;
  return han > 0 && changed / han >= TRADITIONAL_SHARE;
}

export function normalizeText(text: string): string {
  const plain = text.normalize("NFKC").replace(INLINE_PINYIN, "$1");
  const simplified = toSimplified(plain);
  if (!isTraditional(plain, simplified)) return simplified;
  return toSimplified(TAIWAN_WORDS.reduce((t, [taiwan, mainland]) => t.split(taiwan).join(mainland), plain));
}
