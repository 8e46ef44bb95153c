/**
 * Text similarity as supervising offices mean it by 内容雷同: the same wording, whatever the
 * figures. Text is reduced to its characters (punctuation, spaces and layout dropped, every
 * number the same token, so a copy with this year's figures filled in is still a copy), cut into
 * overlapping runs of five characters (shingles), and two texts compared by the share of runs
 * they have in common (Jaccard similarity).
 */

/** Five characters: long enough that common words (政府信息公开) do not make unrelated texts alike. */
const SHINGLE = 5;

/** Han characters and letters are the wording; digits are figures; everything else is layout. */
const NOT_WORDING = /[^\p{Script=Han}A-Za-z#]/gu;

/** The wording of a text: numbers as `#`, nothing but characters. */
export function wording(text: string): string {
  return text.replace(/\d+(?:\.\d+)?/g, "#").replace(NOT_WORDING, "");
}

/** FNV-1a over the characters: a well-spread 32-bit number per shingle. */
function hash(text: string, from: number, to: number): number {
  let h = 0x811c9dc5;
  for (let i = from; i < to; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** The set of shingles of a text's wording. */
export function shingles(text: string): Set<number> {
  const w = wording(text);
  const set = new Set<number>();
  for (let i = 0; i + SHINGLE <= w.length; i++) set.add(hash(w, i, i + SHINGLE));
  return set;
}

/** Shared shingles over all shingles of the two texts; 0 when either is empty. */
export function jaccard(a: ReadonlySet<number>, b: ReadonlySet<number>): number {
  if (a.size === 0 || b.size === 0) return 0;
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let shared = 0;
  for (const s of small) if (large.has(s)) shared++;
  return shared / (a.size + b.size - shared);
}
