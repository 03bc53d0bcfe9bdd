// A rollout ready to store: checked, per-token arrays as typed arrays, RM summary computed. Produced
// from any adapter's RolloutRecord by ./prepare.ts (in the job thread or in a parse worker); posted
// between threads as is (typed arrays and strings clone cheaply).
import type { RolloutSpan } from './record';

export interface PreparedSignal {
  name: string;
  values: Float32Array;
}

export interface PreparedRollout {
  line: number;
  endOffset: number | null;
  run: string | null;
  step: number | null;
  promptSourceId: string | null;
  question: string | null;
  /** Display form of the gold answer as the source gave it. */
  goldAnswer: string | null;
  system: string | null;
  groupId: string | null;
  sampleIndex: number | null;
  response: string;
  reward: number | null;
  /** reward > 0; null without a reward. */
  correct: boolean | null;
  advantage: number | null;
  finishReason: string | null;
  truncated: boolean | null;
  tokenCount: number | null;
  /** Start of each token in the response (UTF-16 index); null when the tokens are not slices of it. */
  tokenStarts: Uint32Array | null;
  /** Token strings, kept only when they are not slices of the response (e.g. byte-level pieces). */
  tokenTexts: { text: string; ends: Uint32Array } | null;
  /** Signals as logged; derived OREAL signals are computed on read. */
  signals: PreparedSignal[];
  spans: RolloutSpan[];
  extractedAnswer: string | null;
  /** JSON object of unmapped source fields, or null when there are none. */
  extra: string | null;
  rmFinalProb: number | null;
  rmCrossing: number | null;
}

/** Per-token length of a prepared rollout (0 without a token table). */
export function tokenTableLength(r: PreparedRollout): number {
  return r.tokenStarts?.length ?? r.tokenTexts?.ends.length ?? 0;
}
