// The knobs of the contamination checks, with the defaults docs/contamination.md explains. One object, recorded in
// every result and export manifest, so a report always says how it was computed.

export interface ContaminationSettings {
  /**
   * n for benchmark items of at least 4n tokens (the 13-gram test of large-model contamination reports). A shorter
   * item has too few 13-grams for a share of them to mean much: one changed word removes up to 13.
   */
  ngramLong: number;
  /** n for shorter benchmark items of at least 2n tokens; shorter ones rely on the other methods. */
  ngramShort: number;
  /** A training prompt covering at least this share of a benchmark item's distinct n-grams is a near copy. */
  ngramCoverage: number;
  /** MinHash permutations; shingles are token 3-grams. */
  numPerm: number;
  /** LSH bands x rows (= numPerm) for the lookup against benchmarks. */
  benchBands: number;
  /** LSH bands x rows (= numPerm) for near-duplicate clusters within the training sets. */
  clusterBands: number;
  /** Estimated Jaccard similarity from which two problems are near copies. */
  jaccard: number;
  /** A "templated" match (equal up to its numbers) needs at least this many tokens: "Compute 3+4" is no template. */
  templateMinTokens: number;
  /** Seed of the MinHash permutations (fixed: results are reproducible). */
  seed: number;
}

export const DEFAULT_CONTAMINATION_SETTINGS: ContaminationSettings = {
  ngramLong: 13,
  ngramShort: 8,
  ngramCoverage: 0.5,
  numPerm: 128,
  benchBands: 32,
  clusterBands: 16,
  jaccard: 0.7,
  templateMinTokens: 10,
  seed: 1,
};

/**
 * Signature values kept per prompt (their low bytes) to confirm near-duplicate candidates: the first 64 of the 128.
 * An estimate from 64 values has a standard error of ~0.06 at J = 0.7, enough to confirm a pair that already shares
 * an LSH band; 128 would cost another 64 MB per million prompts (the check's memory budget is 600 MB).
 */
export const CLUSTER_SIGNATURE_BYTES = 64;

/** Shingle size for MinHash: token 3-grams (short texts use their tokens). */
export const SHINGLE_SIZE = 3;
