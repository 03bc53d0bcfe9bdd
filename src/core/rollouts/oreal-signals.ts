// OREAL's token-level reward signals (InternLM/OREAL train_oreal.py): from the raw per-token RM logits,
// the running probability p_t = sigmoid(mean of logits 0..t) and the importance weight the policy loss
// used, max(2p - 1, 0) on a correct rollout and max(1 - 2p, 0) on an incorrect one. Computed when a
// rollout logs rm_logit but not the derived arrays, so every rollout can show all three layers.

export const RM_LOGIT = 'rm_logit';
export const RM_PROB = 'rm_prob';
export const IS_WEIGHT = 'is_weight';

function sigmoid(x: number): number {
  // Two branches keep exp() from overflowing for large |x|.
  if (x >= 0) return 1 / (1 + Math.exp(-x));
  const e = Math.exp(x);
  return e / (1 + e);
}

/** p_t = sigmoid(cumulative mean of logits up to and including t), accumulated in doubles. */
export function runningProbability(logits: ArrayLike<number>): Float32Array {
  const out = new Float32Array(logits.length);
  let sum = 0;
  for (let t = 0; t < logits.length; t++) {
    sum += logits[t] as number;
    out[t] = sigmoid(sum / (t + 1));
  }
  return out;
}

/** The weight OREAL's loss applied to each token: credit on a correct rollout, blame on an incorrect one. */
export function importanceWeights(prob: ArrayLike<number>, correct: boolean): Float32Array {
  const out = new Float32Array(prob.length);
  for (let t = 0; t < prob.length; t++) {
    const p = prob[t] as number;
    out[t] = correct ? Math.max(2 * p - 1, 0) : Math.max(1 - 2 * p, 0);
  }
  return out;
}

/**
 * The token from which the running probability stays on its final side of 0.5: where an incorrect trace
 * "goes wrong" for good (or a correct one becomes convincing). Null when it never changes side. A
 * probability of exactly 0.5 counts as the upper side, as in OREAL's clamp (weight 0 either way).
 */
export function crossingIndex(prob: ArrayLike<number>): number | null {
  const n = prob.length;
  if (n < 2) return null;
  const finalUpper = (prob[n - 1] as number) >= 0.5;
  for (let t = n - 2; t >= 0; t--) {
    if ((prob[t] as number) >= 0.5 !== finalUpper) return t + 1;
  }
  return null;
}

/**
 * sigmoid(mean of all logits) and the crossing index in one pass, without building the arrays: what an
 * import stores per rollout (the arrays themselves are derived again when a rollout is viewed). The side
 * of 0.5 is the sign of the running sum (sigmoid(m) >= 0.5 exactly when m >= 0), so no exp() per token.
 */
export function rmSummary(logits: ArrayLike<number>): { finalProb: number | null; crossing: number | null } {
  const n = logits.length;
  if (n === 0) return { finalProb: null, crossing: null };
  let sum = 0;
  let upper = false;
  let lastChange = -1;
  for (let t = 0; t < n; t++) {
    sum += logits[t] as number;
    const side = sum >= 0;
    if (t > 0 && side !== upper) lastChange = t;
    upper = side;
  }
  return { finalProb: Math.fround(sigmoid(sum / n)), crossing: lastChange > 0 ? lastChange : null };
}

/** The per-rollout RM summary from whichever the rollout logged: rm_prob, else rm_logit. */
export function rmSummaryOf(signals: ReadonlyMap<string, ArrayLike<number>>): {
  finalProb: number | null;
  crossing: number | null;
} {
  const prob = signals.get(RM_PROB);
  if (prob)
    return { finalProb: prob.length > 0 ? (prob[prob.length - 1] as number) : null, crossing: crossingIndex(prob) };
  const logits = signals.get(RM_LOGIT);
  return logits ? rmSummary(logits) : { finalProb: null, crossing: null };
}

export interface DerivedRmSignals {
  /** Present when the rollout did not log its own rm_prob. */
  rmProb: Float32Array | null;
  /** Present when the rollout did not log is_weight and its correctness is known. */
  isWeight: Float32Array | null;
  /** sigmoid(mean of all logits): the RM's prediction that the whole rollout is correct. */
  finalProb: number | null;
  crossing: number | null;
}

/**
 * Fills in what the rollout lacks. `signals` maps names to arrays as logged; `correct` is null when the
 * rollout has no reward. With neither rm_logit nor rm_prob there is nothing to derive.
 */
export function deriveRmSignals(
  signals: ReadonlyMap<string, ArrayLike<number>>,
  correct: boolean | null,
): DerivedRmSignals {
  const logged = signals.get(RM_PROB);
  const logits = signals.get(RM_LOGIT);
  const rmProb = logged === undefined && logits !== undefined ? runningProbability(logits) : null;
  const prob = logged ?? rmProb;
  if (!prob || prob.length === 0) return { rmProb: null, isWeight: null, finalProb: null, crossing: null };
  const isWeight = !signals.has(IS_WEIGHT) && correct !== null ? importanceWeights(prob, correct) : null;
  return { rmProb, isWeight, finalProb: prob[prob.length - 1] as number, crossing: crossingIndex(prob) };
}
