/**
 * A small seeded random source, so the sample corpus is the same for the same seed on every
 * machine. Each report draws from its own stream (seed + a key), so adding an agency or a
 * year does not reshuffle the figures of the others.
 */

export interface Random {
  /** uniform in [0, 1) */
  next(): number;
  /** uniform integer in [min, max] */
  int(min: number, max: number): number;
  chance(p: number): boolean;
  pick<T>(items: readonly T[]): T;
  /** log-normal with median 1: most draws near 1, a long tail of large ones */
  lognormal(sigma: number): number;
  /** how many of `n` trials succeed with probability `p` each */
  binomial(n: number, p: number): number;
  /** `total` units dealt out one by one with these weights (a multinomial draw) */
  split(total: number, weights: readonly number[]): number[];
}

/** A stream for this seed and key: the same pair always gives the same numbers. */
export function randomFor(seed: number, key: string): Random {
  return mulberry32(hash(`${seed}:${key}`));
}

/** FNV-1a over the key's UTF-16 units: a well-spread 32-bit start state. */
function hash(key: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) {
    h ^= key.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

function mulberry32(state: number): Random {
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const random: Random = {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    chance: (p) => next() < p,
    pick: (items) => items[Math.floor(next() * items.length)],
    lognormal: (sigma) => Math.exp(sigma * gaussian(next)),
    binomial: (n, p) => {
      let k = 0;
      for (let i = 0; i < n; i++) if (next() < p) k++;
      return k;
    },
    split: (total, weights) => {
      const sum = weights.reduce((a, b) => a + b, 0);
      const out = weights.map(() => 0);
      for (let i = 0; i < total; i++) {
        let r = next() * sum;
        let j = 0;
        while (r >= weights[j] && j < weights.length - 1) r -= weights[j++];
        out[j]++;
      }
      return out;
    },
  };
  return random;
}

/** A standard normal draw (Box–Muller). */
function gaussian(next: () => number): number {
  const u = 1 - next(); // (0, 1]: log(0) never happens
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * next());
}
