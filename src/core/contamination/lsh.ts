// Locality-sensitive hashing over MinHash signatures: `bands` bands of `rows` rows each; two sets become candidates
// when all rows of at least one band agree, which happens with probability 1 - (1 - J^rows)^bands for Jaccard J.
import { fmix32 } from '../../shared/random';

export interface LshParams {
  bands: number;
  rows: number;
}

/** The Jaccard similarity where a pair becomes a candidate with probability ~1/2: (1/bands)^(1/rows). */
export function lshThreshold({ bands, rows }: LshParams): number {
  return (1 / bands) ** (1 / rows);
}

/**
 * One 32-bit key per band: a hash of its rows, salted by the band number, so that equal rows in different bands give
 * different keys and all bands can share one table.
 */
export function bandKeys(
  signature: Uint32Array,
  { bands, rows }: LshParams,
  out: Uint32Array = new Uint32Array(bands),
): Uint32Array {
  for (let b = 0; b < bands; b++) {
    let h = Math.imul(b + 1, 0x9e3779b1);
    for (let r = 0; r < rows; r++) h = Math.imul(h ^ (signature[b * rows + r] as number), 0x01000193);
    out[b] = fmix32(h);
  }
  return out;
}
