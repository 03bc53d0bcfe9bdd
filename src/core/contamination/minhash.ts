// MinHash signatures (Broder 1997) over 32-bit shingle hashes. Each "permutation" is a cheap keyed mix of the shingle
// hash (xor a per-permutation key, multiply by an odd constant, xor-shift): the shingle hashes are already uniform,
// and this keeps the inner loop to four integer operations, where datasketch's (a*x + b) mod p needs 64-bit math.
// Estimates are tested against exact Jaccard similarities in minhash.test.ts.
import { seededRandom } from '../../shared/random';

export interface MinHasher {
  readonly numPerm: number;
  /** The signature of a set of shingle hashes (duplicates do not matter); all 0x7fffffff for an empty set. */
  signature(shingles: Uint32Array, out?: Uint32Array): Uint32Array;
}

export function createMinHasher(numPerm: number, seed = 1): MinHasher {
  const random = seededRandom(seed);
  const keys = new Uint32Array(numPerm);
  for (let i = 0; i < numPerm; i++) keys[i] = Math.floor(random() * 0x1_0000_0000);
  return {
    numPerm,
    signature(shingles, out = new Uint32Array(numPerm)) {
      const count = shingles.length;
      for (let p = 0; p < numPerm; p++) {
        const key = keys[p] as number;
        // Signed 32-bit throughout: V8 keeps the loop in int32 registers (an unsigned `>>> 0` made every value a
        // double and the loop ~3x slower). Any fixed order of the hash values is as good a permutation as another.
        let min = 0x7fffffff;
        for (let i = 0; i < count; i++) {
          const m = Math.imul((shingles[i] as number) ^ key, 0x9e3779b1);
          const h = m ^ (m >>> 15);
          if (h < min) min = h;
        }
        out[p] = min;
      }
      return out;
    },
  };
}

/** The share of equal positions: an unbiased estimate of the Jaccard similarity of the two shingle sets. */
export function jaccardEstimate(a: ArrayLike<number>, b: ArrayLike<number>): number {
  const n = Math.min(a.length, b.length);
  if (n === 0) return 0;
  let equal = 0;
  for (let i = 0; i < n; i++) if (a[i] === b[i]) equal++;
  return equal / n;
}

/**
 * The same estimate from signatures kept as their low 8 bits (1 byte per permutation instead of 4): two different
 * minima still agree by chance 1 time in 256, which is corrected for (b-bit MinHash, Li & König 2010).
 */
export function jaccardEstimateLowBytes(a: Uint8Array, b: Uint8Array): number {
  const raw = jaccardEstimate(a, b);
  return Math.max(0, (raw - 1 / 256) / (1 - 1 / 256));
}
