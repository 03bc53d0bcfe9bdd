// The one shape every rollout source is turned into before storage. Adapters (OREAL, verl, TRL, xtuner,
// eval dumps, PRM800K, math-aps, the native format) produce it; the rollout import job stores it.
import type { RecordIssue } from '../../shared/domain';

export interface RolloutSpan {
  /** Signal name, e.g. 'step_rating' (PRM800K) or 'mc_value' (math-aps). */
  name: string;
  /** Character range [start, end) in the response text (JavaScript string indices). */
  start: number;
  end: number;
  value: number;
}

export interface RolloutRecord {
  /** 1-based line (or record number for non-line formats) in the source file: for issues and resume. */
  line: number;
  /** Byte offset just after this record in the source file (resume point), when the reader knows it. */
  endOffset: number | null;
  /** Run name, when the source names it per record (the native format's `run`); the import's run otherwise. */
  run?: string | null;
  step: number | null;
  prompt: {
    /** Id of the prompt in a prompt set, when the source gives one. */
    id: string | null;
    /** Question text (the user turn), used to join to prompts by normalised question. */
    question: string | null;
    goldAnswer: unknown;
    /** A system prompt, stored once per run rather than per rollout. */
    system: string | null;
  };
  /** Group of samples of the same prompt in the same step (RLOO / GRPO group). */
  groupId: string | null;
  sampleIndex: number | null;
  response: string;
  reward: number | null;
  advantage: number | null;
  finishReason: string | null;
  truncated: boolean | null;
  tokenCount: number | null;
  /**
   * Per-token data: token strings, or start character offsets into the response (JavaScript string
   * indices, i.e. UTF-16 code units); same length as each signal.
   */
  tokens: { text: string[] | null; offsets: number[] | null } | null;
  /** Named per-token signal arrays (rm_logit, rm_prob, is_weight, logprob, entropy, …). */
  signals: Record<string, number[]>;
  spans: RolloutSpan[];
  /** Answer extracted by the source's own grader, if logged. */
  extractedAnswer: string | null;
  /** Every source field not mapped above. */
  extra: Record<string, unknown>;
}

/** What a reader yields: a record, or a problem with one input record. */
export type RolloutItem = { kind: 'record'; record: RolloutRecord } | { kind: 'issue'; issue: RecordIssue };

export interface AdapterOptions {
  /** Group size K for formats that only imply groups by order (OREAL). */
  groupSize?: number;
  /** Step for files whose name or content does not carry one. */
  step?: number;
  signal?: AbortSignal;
}

export interface RolloutAdapter {
  /** Stable name used by `--format`. */
  name: string;
  description: string;
  /**
   * Confidence in [0, 1] that this adapter reads the file, from its name and the first parsed values
   * (the first JSON value / row). 0 = not this format.
   */
  detect(fileName: string, firstValues: readonly unknown[]): number;
  read(path: string, options: AdapterOptions): AsyncIterable<RolloutItem>;
}

export function emptyRecord(line: number): RolloutRecord {
  return {
    line,
    endOffset: null,
    step: null,
    prompt: { id: null, question: null, goldAnswer: null, system: null },
    groupId: null,
    sampleIndex: null,
    response: '',
    reward: null,
    advantage: null,
    finishReason: null,
    truncated: null,
    tokenCount: null,
    tokens: null,
    signals: {},
    spans: [],
    extractedAnswer: null,
    extra: {},
  };
}
