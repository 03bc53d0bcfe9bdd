import { describe, expect, it } from 'vitest';
import {
  crossingIndex,
  deriveRmSignals,
  importanceWeights,
  rmSummary,
  rmSummaryOf,
  runningProbability,
} from './oreal-signals';

// Hand-computed: logits [2, -4, 1, 1] -> cumulative sums 2, -2, -1, 0 -> running means 2, -1, -1/3, 0
// -> sigmoid: 1/(1+e^-2) = 0.880797, 1/(1+e) = 0.268941, 1/(1+e^(1/3)) = 0.417430, 0.5.
const LOGITS = [2, -4, 1, 1];
const PROB = [0.880797, 0.268941, 0.41743, 0.5];

const close = (actual: ArrayLike<number>, expected: number[]) => {
  expect(actual.length).toBe(expected.length);
  expected.forEach((v, i) => expect(actual[i]).toBeCloseTo(v, 5));
};

describe('OREAL token-level RM signals', () => {
  it('running probability is the sigmoid of the cumulative mean of the logits', () => {
    close(runningProbability(LOGITS), PROB);
  });

  it('weights are max(2p-1, 0) for correct and max(1-2p, 0) for incorrect rollouts', () => {
    // 2*0.880797-1 = 0.761594; 1-2*0.268941 = 0.462117; 1-2*0.417430 = 0.165140.
    close(importanceWeights(PROB, true), [0.761594, 0, 0, 0]);
    close(importanceWeights(PROB, false), [0, 0.462117, 0.16514, 0]);
  });

  it('crossing index is the token from which p stays on its final side of 0.5', () => {
    // p = 0.5 at the end counts as upper; token 2 (0.417) is below, so the last change of side is at 3.
    expect(crossingIndex(PROB)).toBe(3);
    // logits [-1, 3, 0.5]: means -1, 1, 0.8333 -> p 0.269, 0.731, 0.697: above 0.5 from token 1 on.
    expect(crossingIndex(runningProbability([-1, 3, 0.5]))).toBe(1);
    // An incorrect trace that starts confident and goes wrong: means 3, 1, -1/3, -1.25 -> below from token 2.
    expect(crossingIndex(runningProbability([3, -1, -3, -4]))).toBe(2);
    expect(crossingIndex(runningProbability([1, 1, 1]))).toBeNull();
    expect(crossingIndex([0.9])).toBeNull();
  });

  it('stays finite for extreme logits', () => {
    const p = runningProbability([1000, -3000, 800]);
    expect(p[0]).toBe(1);
    expect(p[1]).toBe(0);
    for (const v of p) expect(Number.isFinite(v)).toBe(true);
  });

  it('derives only what the rollout lacks', () => {
    const fromLogits = deriveRmSignals(new Map([['rm_logit', LOGITS]]), false);
    expect(fromLogits.rmProb).not.toBeNull();
    close(fromLogits.rmProb as Float32Array, PROB);
    close(fromLogits.isWeight as Float32Array, [0, 0.462117, 0.16514, 0]);
    expect(fromLogits.finalProb).toBeCloseTo(0.5, 6);
    expect(fromLogits.crossing).toBe(3);

    // A logged rm_prob wins over the logits; the weight is derived from it.
    const logged = deriveRmSignals(
      new Map<string, number[]>([
        ['rm_logit', LOGITS],
        ['rm_prob', [0.2, 0.9]],
      ]),
      true,
    );
    expect(logged.rmProb).toBeNull();
    close(logged.isWeight as Float32Array, [0, 0.8]);
    expect(logged.crossing).toBe(1);

    // Unknown correctness: no weight; a logged weight is never replaced.
    expect(deriveRmSignals(new Map([['rm_logit', LOGITS]]), null).isWeight).toBeNull();
    expect(
      deriveRmSignals(
        new Map([
          ['rm_logit', LOGITS],
          ['is_weight', [1, 1, 1, 1]],
        ]),
        true,
      ).isWeight,
    ).toBeNull();
    expect(deriveRmSignals(new Map([['logprob', [-1]]]), true)).toEqual({
      rmProb: null,
      isWeight: null,
      finalProb: null,
      crossing: null,
    });
  });
});

describe('rmSummary', () => {
  it('agrees with the array-based probability and crossing on random walks', () => {
    let seed = 3;
    const rand = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
    for (let k = 0; k < 50; k++) {
      let walk = (rand() - 0.5) * 2;
      const logits = Array.from({ length: 1 + Math.floor(rand() * 300) }, () => (walk += (rand() - 0.5) * 0.8));
      const prob = runningProbability(logits);
      const summary = rmSummary(logits);
      expect(summary.finalProb).toBe(prob[prob.length - 1]);
      expect(summary.crossing).toBe(crossingIndex(prob));
    }
    expect(rmSummary([])).toEqual({ finalProb: null, crossing: null });
  });

  it('uses a logged rm_prob before the logits', () => {
    expect(
      rmSummaryOf(
        new Map([
          ['rm_prob', [0.7, 0.4, 0.3]],
          ['rm_logit', [5, 5, 5]],
        ]),
      ),
    ).toEqual({ finalProb: 0.3, crossing: 1 });
    expect(rmSummaryOf(new Map([['logprob', [-1]]]))).toEqual({ finalProb: null, crossing: null });
  });
});
