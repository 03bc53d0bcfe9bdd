// Public types of the answer verifier.

/** The stage that accepted an answer; a rejection is 'none' and says in `reason` which stage decided. */
export type VerifyStage = 'exact' | 'numeric' | 'structured' | 'multiple' | 'symbolic' | 'none';

export interface CheckOptions {
  /**
   * Accept gold×100 and gold/100 (OREAL and Qwen2.5-Math always do). 'when-marked' (default) allows
   * it only when either raw answer mentions a percentage, so that 2500 is not accepted for 25.
   */
  percentLeniency?: 'always' | 'when-marked' | 'never';
  /** The gold answer holds several answers (OlympiadBench `is_multiple_answer`): order-insensitive. */
  isMultipleAnswer?: boolean;
  /** Run the mathjs stage when the cheap stages cannot decide (default true). */
  symbolic?: boolean;
  /** Time budget of the symbolic stage per top-level call, in ms (default 200). */
  symbolicBudgetMs?: number;
  /** Relative tolerance of numeric comparison (default 1e-4, as OREAL and Qwen2.5-Math). */
  relativeTolerance?: number;
}

export interface CheckResult {
  equivalent: boolean;
  stage: VerifyStage;
  reason: string;
  predNormalized: string | null;
  goldNormalized: string | null;
}

/** A decision on two normalised answers. */
export interface Verdict {
  equivalent: boolean;
  stage: VerifyStage;
  reason: string;
}

/** Options resolved once per top-level call. */
export interface CompareContext {
  percent: boolean;
  symbolic: boolean;
  relativeTolerance: number;
  deadline: number;
}

export type ElementComparer = (pred: string, gold: string) => Verdict;
