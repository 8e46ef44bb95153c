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

/**
 * The words (and characters) the converter above rewrites into something else, by their first
 * UTF-16 unit: the dictionaries of OpenCC's `t2s` configuration, the one `Converter({ from: "t",
 * to: "cn" })` runs (its normalization chain, then its conversion chain). Null when the preset
 * is not laid out that way: then every text is converted.
 */
type DictEntries = string | readonly (readonly [string, string])[];
interface T2sConfig {
  normalizationChain?: readonly (readonly DictEntries[])[];
  conversionChain?: readonly (readonly DictEntries[])[];
}

function rewrittenWords(): Map<number, string[]> | null {
  const config = (OpenCC.Locale.configs as Record<string, T2sConfig | undefined> | undefined)?.t2s;
  if (!config?.conversionChain) return null;
  const byOpening = new Map<number, string[]>();
  for (const group of [...(config.normalizationChain ?? []), ...config.conversionChain]) {
    for (const dict of group) {
      const entries = typeof dict === "string" ? dict.split("|").map((entry) => entry.split(" ")) : dict;
      for (const [source, replacement] of entries) {
        // a word replaced by itself changes nothing, wherever the converter cuts the text
        if (!source || source === replacement) continue;
        const opening = source.charCodeAt(0);
        byOpening.set(opening, [...(byOpening.get(opening) ?? []), source]);
      }
    }
  }
  return byOpening;
}

const REWRITTEN = rewrittenWords();

/** Which UTF-16 units open a rewritten word, one byte each: most characters are passed over with one read. */
const OPENS_REWRITTEN = new Uint8Array(0x10000);
for (const opening of REWRITTEN?.keys() ?? []) OPENS_REWRITTEN[opening] = 1;

/**
 * Would the converter change the text? Only where one of the words it rewrites occurs; a text
 * holding none of them (most reports: simplified characters) comes back as it went in, so the
 * conversion, the costliest step of normalizing, can be skipped. A word replaced by itself is
 * no occurrence: every piece the converter emits is either a stretch copied as is or the
 * replacement of a word found there.
 */
function conversionChanges(text: string): boolean {
  if (!REWRITTEN) return true;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (OPENS_REWRITTEN[unit] === 0) continue;
    if (REWRITTEN.get(unit)!.some((word) => text.startsWith(word, i))) return true;
  }
  return false;
}

function isTraditional(text: string, simplified: string): boolean {
  const han = text.match(/\p{Script=Han}/gu)?.length ?? 0;
  let changed = 0;
  for (let i = 0; i < text.length; i++) if (text[i] !== simplified[i]) changed++;
  return han > 0 && changed / han >= TRADITIONAL_SHARE;
}

function normalize(text: string): string {
  const plain = text.normalize("NFKC").replace(INLINE_PINYIN, "$1");
  if (!conversionChanges(plain)) return plain;
  const simplified = toSimplified(plain);
  if (!isTraditional(plain, simplified)) return simplified;
  if (!TAIWAN_WORDS.some(([taiwan]) => plain.includes(taiwan))) return simplified;
  return toSimplified(TAIWAN_WORDS.reduce((t, [taiwan, mainland]) => t.split(taiwan).join(mainland), plain));
}

/**
 * The last text normalized and its result: the ingest normalizes each report twice, in the
 * parser and again for the anomaly rules (lib/anomalies/engine.ts), and the second time is
 * answered from here. Keyed by the whole text, so it can never answer for another one.
 */
let last: { text: string; normalized: string } | null = null;

export function normalizeText(text: string): string {
  if (last?.text !== text) last = { text, normalized: normalize(text) };
  return last.normalized;
}
