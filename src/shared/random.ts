// The one seeded randomness of the project, pure TypeScript so that core, renderer, tests and the bench
// generators share it: a stream of numbers (mulberry32) where draws happen in order (demo data, synthetic
// rollouts, bench inputs, the symbolic checker's sample points), and a keyed hash where the answer must not
// depend on order (export caps and splits: every prompt's key comes from the seed and its id).

/** Numbers in [0, 1) from a seed (mulberry32): the same seed gives the same sequence. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function pick<T>(rand: () => number, items: readonly T[]): T {
  return items[Math.floor(rand() * items.length)] as T;
}

export function intBetween(rand: () => number, lo: number, hi: number): number {
  return lo + Math.floor(rand() * (hi - lo + 1));
}

/** MurmurHash3's finaliser: every input bit affects every output bit (also the base of 32-bit hashing in core). */
export function fmix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** A uniform 32-bit key for `value` under `seed` (any safe integers; `salt` separates independent uses). */
export function seededKey(seed: number, value: number, salt = 0): number {
  const lo = seed >>> 0;
  const hi = Math.floor(seed / 0x1_0000_0000) >>> 0;
  const s = fmix32(fmix32(lo ^ Math.imul(salt + 1, 0x9e3779b1)) ^ hi);
  return (fmix32((value >>> 0) ^ s) ^ fmix32(Math.floor(value / 0x1_0000_0000) + s)) >>> 0;
}
