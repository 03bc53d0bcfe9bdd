import { describe, expect, it } from 'vitest';
import type { RolloutRow } from '../../../shared/rollouts';
import { defaultComparePair, groupStats, nextSort, sortRollouts } from './rollout-group';

function row(id: number, fields: Partial<RolloutRow>): RolloutRow {
  return {
    id,
    runId: 1,
    runName: 'run',
    step: 0,
    runPromptId: 1,
    promptId: 1,
    groupId: null,
    sampleIndex: id,
    reward: null,
    correct: null,
    advantage: null,
    finishReason: null,
    truncated: null,
    tokenCount: null,
    responseChars: 100,
    extractedAnswer: null,
    rmFinalProb: null,
    rmCrossing: null,
    signalNames: [],
    preview: '',
    ...fields,
  };
}

const rows = [
  row(1, { reward: 1, correct: true, tokenCount: 300, advantage: 0.5, step: 2, rmFinalProb: 0.7 }),
  row(2, { reward: -1, correct: false, tokenCount: 900, advantage: -0.5, step: 1, rmFinalProb: 0.4 }),
  row(3, { reward: 1, correct: true, tokenCount: 200, advantage: 0.5, step: 1, rmFinalProb: 0.9 }),
  row(4, { reward: -1, correct: false, tokenCount: 500, advantage: null, step: 2, rmFinalProb: 0.2 }),
  row(5, { step: 3 }),
];

describe('sortRollouts', () => {
  const ids = (list: RolloutRow[]) => list.map((r) => r.id);
  it('sorts by reward, length, step and advantage with missing values last', () => {
    expect(ids(sortRollouts(rows, { key: 'reward', descending: true }))).toEqual([1, 3, 2, 4, 5]);
    expect(ids(sortRollouts(rows, { key: 'reward', descending: false }))).toEqual([2, 4, 1, 3, 5]);
    expect(ids(sortRollouts(rows, { key: 'length', descending: true }))).toEqual([2, 4, 1, 3, 5]);
    expect(ids(sortRollouts(rows, { key: 'step', descending: false }))).toEqual([2, 3, 1, 4, 5]);
    expect(ids(sortRollouts(rows, { key: 'advantage', descending: true }))).toEqual([1, 3, 2, 4, 5]);
    expect(ids(sortRollouts(rows, { key: 'order', descending: false }))).toEqual([1, 2, 3, 4, 5]);
  });
  it('flips on a second click and starts large-first on a new column', () => {
    expect(nextSort({ key: 'reward', descending: true }, 'reward')).toEqual({ key: 'reward', descending: false });
    expect(nextSort({ key: 'reward', descending: true }, 'length')).toEqual({ key: 'length', descending: true });
    expect(nextSort({ key: 'reward', descending: true }, 'step')).toEqual({ key: 'step', descending: false });
  });
});

describe('defaultComparePair', () => {
  it('pairs the best correct with the worst incorrect rollout', () => {
    expect(defaultComparePair(rows)?.map((r) => r.id)).toEqual([3, 4]);
  });
  it('needs both kinds', () => {
    expect(defaultComparePair(rows.filter((r) => r.correct !== false))).toBeNull();
  });
});

describe('groupStats', () => {
  it('counts the pass rate over graded rollouts, overall and by step', () => {
    const stats = groupStats(rows);
    expect(stats).toMatchObject({ rollouts: 5, graded: 4, correct: 2, passRate: 0.5 });
    expect(stats.steps.map((s) => [s.step, s.passRate])).toEqual([
      [1, 0.5],
      [2, 0.5],
      [3, null],
    ]);
  });
});
