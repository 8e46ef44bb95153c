/**
 * Finding the near-identical pairs among many texts without comparing every pair: MinHash
 * signatures, cut into bands (locality-sensitive hashing). Two texts land in the same bucket of
 * some band with a probability that rises steeply with their similarity: with 16 bands of 4 rows,
 * a pair at similarity 0.7 is a candidate 99.9% of the time, a pair at 0.2 about 2.5%.
 * Candidates are then compared exactly, so the banding only decides what is compared.
 */

const BANDS = 16;
const ROWS = 4;
const HASHES = BANDS * ROWS;

/** One odd multiplier and one offset per hash function, fixed so signatures are the same on every run. */
const MULTIPLIERS = new Uint32Array(HASHES);
const OFFSETS = new Uint32Array(HASHES);
for (let i = 0; i < HASHES; i++) {
  let x = Math.imul(i + 1, 0x9e3779b1) >>> 0;
  x = Math.imul(x ^ (x >>> 16), 0x85ebca6b) >>> 0;
  MULTIPLIERS[i] = x | 1;
  OFFSETS[i] = Math.imul(x ^ (x >>> 13), 0xc2b2ae35);
}

/** HASHES minimums of the set's shingles, one per hash function: what banding compares. */
export function signature(set: ReadonlySet<number>): Uint32Array {
  const sig = new Uint32Array(HASHES).fill(0xffffffff);
  for (const s of set) {
    for (let i = 0; i < HASHES; i++) {
      let h = (Math.imul(s, MULTIPLIERS[i]) + OFFSETS[i]) >>> 0;
      h = (h ^ (h >>> 15)) >>> 0;
      if (h < sig[i]) sig[i] = h;
    }
  }
  return sig;
}

/**
 * The similarity two signatures suggest: the share of hash functions whose minimums agree, an
 * unbiased estimate of the Jaccard similarity of the two sets, within about 0.06 at 64 hashes.
 */
export function estimatedSimilarity(a: Uint32Array, b: Uint32Array): number {
  let same = 0;
  for (let i = 0; i < HASHES; i++) if (a[i] === b[i]) same++;
  return same / HASHES;
}

/**
 * Index pairs [i, j] (i < j) of the signatures that share a bucket in some band; null (an
 * empty text) shares none. Whether a pair is a candidate depends on its two signatures alone,
 * so the pairs among any subset of texts are the pairs of the whole that fall in the subset.
 * A pair is listed at the first band it shares, so no set of the pairs seen is kept: reports
 * filled in from one template share every band, and a province's year of them make millions.
 */
export function signaturePairs(signatures: readonly (Uint32Array | null)[]): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  for (let band = 0; band < BANDS; band++) {
    const buckets = new Map<string, number[]>();
    signatures.forEach((sig, index) => {
      if (sig === null) return;
      const key = sig.subarray(band * ROWS, (band + 1) * ROWS).join(",");
      const bucket = buckets.get(key);
      if (bucket) bucket.push(index);
      else buckets.set(key, [index]);
    });
    for (const bucket of buckets.values()) {
      for (let x = 0; x < bucket.length; x++) {
        for (let y = x + 1; y < bucket.length; y++) {
          if (firstSharedBand(signatures[bucket[x]]!, signatures[bucket[y]]!) === band) out.push([bucket[x], bucket[y]]);
        }
      }
    }
  }
  return out;
}

/** The first band on whose every row two signatures agree; -1 when none. */
function firstSharedBand(a: Uint32Array, b: Uint32Array): number {
  for (let band = 0; band < BANDS; band++) {
    let same = true;
    for (let row = band * ROWS; row < (band + 1) * ROWS && same; row++) same = a[row] === b[row];
    if (same) return band;
  }
  return -1;
}

/** Whether two signatures agree on every row of some band: whether the pair is a candidate. */
export function shareBand(a: Uint32Array, b: Uint32Array): boolean {
  return firstSharedBand(a, b) >= 0;
}
