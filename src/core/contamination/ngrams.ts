// n-gram hashes over token hashes: a polynomial rolling hash mod 2^32 (Math.imul), so each n-gram costs O(1)
// whatever n is, finalised with fmix32 so that nearby n-grams do not share high bits.
import { fmix32 } from '../../shared/random';

const BASE = 0x01000193;

/** The hashes of every n-gram of `tokens` (none when there are fewer than n tokens). */
export function ngramHashes(tokens: Uint32Array, n: number, out?: Uint32Array): Uint32Array {
  const count = Math.max(0, tokens.length - n + 1);
  const result = out && out.length >= count ? out.subarray(0, count) : new Uint32Array(count);
  if (count === 0) return result;
  // BASE^(n-1): the weight of the token that leaves the window.
  let top = 1;
  for (let i = 1; i < n; i++) top = Math.imul(top, BASE);
  let h = 0;
  for (let i = 0; i < n; i++) h = (Math.imul(h, BASE) + (tokens[i] as number)) | 0;
  result[0] = fmix32(h);
  for (let i = 1; i < count; i++) {
    h = (Math.imul(h - Math.imul(tokens[i - 1] as number, top), BASE) + (tokens[i + n - 1] as number)) | 0;
    result[i] = fmix32(h);
  }
  return result;
}
