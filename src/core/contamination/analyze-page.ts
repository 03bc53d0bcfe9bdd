// The CPU work of a contamination check for one page of prompts: tokens, MinHash signature, the band keys and
// signature bytes kept for the near-duplicate clusters, and the benchmark matches of the prompts that need them.
// The same function runs in the job thread (from source, in tests) and in the analysis workers.
import type { BenchmarkIndex } from './benchmark-index';
import { shinglesOf } from './benchmark-index';
import { bandKeys } from './lsh';
import type { MatchMethod } from './benchmark-index';
import { CLUSTER_SIGNATURE_BYTES } from './settings';
import { analyzeText } from './text';

export interface PageRequest {
  questions: string[];
  /** 1: match this prompt against the benchmarks; 0: only keep its signature for the clusters. */
  match: Uint8Array;
  /** Band count of the cluster LSH; 0: no clusters (no band keys or signature bytes returned). */
  clusterBands: number;
}

export interface AnalyzedPage {
  /** questions.length x clusterBands. */
  bandKeys: Uint32Array;
  /** questions.length x CLUSTER_SIGNATURE_BYTES: the low byte of the first signature values. */
  lowBytes: Uint8Array;
  /** Matches by row of the page and benchmark item index. */
  matches: { row: number; item: number; method: MatchMethod; score: number }[];
}

export function analyzePage(index: BenchmarkIndex, request: PageRequest): AnalyzedPage {
  const { questions, match, clusterBands } = request;
  const numPerm = index.settings.numPerm;
  const out: AnalyzedPage = {
    bandKeys: new Uint32Array(clusterBands > 0 ? questions.length * clusterBands : 0),
    lowBytes: new Uint8Array(clusterBands > 0 ? questions.length * CLUSTER_SIGNATURE_BYTES : 0),
    matches: [],
  };
  const signature = new Uint32Array(numPerm);
  const shingles = new Uint32Array(4096);
  const keys = new Uint32Array(clusterBands);
  const lsh = { bands: clusterBands, rows: clusterBands > 0 ? numPerm / clusterBands : 0 };
  for (let row = 0; row < questions.length; row++) {
    const analyzed = analyzeText(questions[row] as string);
    const scratch = analyzed.tokens.length <= shingles.length ? shingles : undefined;
    index.hasher.signature(shinglesOf(analyzed.tokens, scratch), signature);
    if (match[row] === 1)
      for (const m of index.match(analyzed, signature))
        out.matches.push({ row, item: m.item, method: m.method, score: m.score });
    if (clusterBands > 0) {
      out.bandKeys.set(bandKeys(signature, lsh, keys), row * clusterBands);
      out.lowBytes.set(signature.subarray(0, CLUSTER_SIGNATURE_BYTES), row * CLUSTER_SIGNATURE_BYTES);
    }
  }
  return out;
}
