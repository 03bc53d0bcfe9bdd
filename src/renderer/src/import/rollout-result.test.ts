import { describe, expect, it } from 'vitest';
import type { Run } from '../../../shared/rollouts';
import { promptMatch, readRolloutOutcome, rolloutSummary } from './rollout-result';

const run = (id: number, promptCount: number, unmatchedPromptCount: number, steps: number): Run => ({
  id,
  name: `run ${id}`,
  sourcePath: null,
  sourceFormat: 'native',
  systemPrompt: null,
  promptCount,
  unmatchedPromptCount,
  steps: Array.from({ length: steps }, (_, step) => ({
    step,
    rollouts: 1,
    graded: 1,
    correct: 1,
    passRate: 1,
    rewardMean: 1,
    meanResponseChars: 10,
    truncationRate: 0,
  })),
  signals: [],
  createdAt: '2026-01-01T00:00:00Z',
  rollouts: steps,
  graded: steps,
  correct: steps,
  passRate: 1,
  rewardMean: 1,
  meanResponseChars: 10,
  truncationRate: 0,
});

describe('readRolloutOutcome', () => {
  it('reads the import job result and ignores malformed entries', () => {
    const outcome = readRolloutOutcome({
      importId: 4,
      runs: [{ id: 3, name: 'qwen' }, { id: 'x' }, null],
      rollouts: 800,
      badRows: 0,
      format: 'eval-k',
      files: 1,
      resumedFromLine: null,
      unmatchedPrompts: 100,
    });
    expect(outcome).toEqual({
      rollouts: 800,
      badRows: 0,
      format: 'eval-k',
      files: 1,
      runs: [{ id: 3, name: 'qwen' }],
      unmatchedPrompts: 100,
      resumedFromLine: null,
    });
  });

  it('has neutral values without a result', () => {
    expect(readRolloutOutcome(null)).toEqual({
      rollouts: 0,
      badRows: 0,
      format: null,
      files: 1,
      runs: [],
      unmatchedPrompts: null,
      resumedFromLine: null,
    });
  });
});

describe('promptMatch', () => {
  const outcome = readRolloutOutcome({
    runs: [
      { id: 2, name: 'a' },
      { id: 5, name: 'b' },
    ],
    rollouts: 10,
  });

  it('adds up steps and prompts of the imported runs only', () => {
    expect(promptMatch(outcome, [run(1, 50, 50, 9), run(2, 10, 4, 3), run(5, 6, 0, 1)])).toEqual({
      steps: 4,
      prompts: 16,
      matched: 12,
      unmatched: 4,
    });
  });

  it('is null before the runs are loaded or when none of them is listed', () => {
    expect(promptMatch(outcome, null)).toBeNull();
    expect(promptMatch(outcome, [run(1, 5, 0, 1)])).toBeNull();
  });
});

describe('rolloutSummary', () => {
  it('lists rollouts, format, run, steps and prompt matches, then bad lines and a resume', () => {
    const outcome = readRolloutOutcome({
      runs: [{ id: 2, name: 'qwen' }],
      rollouts: 1234,
      badRows: 2,
      format: 'native',
      files: 1,
      resumedFromLine: 5000,
      unmatchedPrompts: 9,
    });
    const items = rolloutSummary(outcome, { steps: 1, prompts: 100, matched: 91, unmatched: 9 });
    expect(items.map((i) => [i.key, i.label, i.value])).toEqual([
      ['rollouts', 'Rollouts imported', '1,234'],
      ['format', 'Format', 'native'],
      ['runs', 'Run', 'qwen'],
      ['steps', 'Steps', '1'],
      ['prompts', 'Prompts sampled', '100'],
      ['matched', 'Matched to a prompt set', '91'],
      ['unmatched', 'Unmatched prompts', '9'],
      ['badRows', 'Bad lines skipped', '2'],
      ['resumedFromLine', 'Resumed after line', '5,000'],
    ]);
  });

  it('falls back to the count the job made while the runs load, and names several runs and files', () => {
    const outcome = readRolloutOutcome({
      runs: [
        { id: 1, name: 'a' },
        { id: 2, name: 'b' },
      ],
      rollouts: 8,
      files: 3,
      unmatchedPrompts: 4,
    });
    const items = rolloutSummary(outcome, null);
    expect(items.map((i) => i.key)).toEqual(['rollouts', 'runs', 'files', 'unmatched']);
    expect(items.find((i) => i.key === 'runs')).toMatchObject({ label: 'Runs', value: 'a, b' });
  });
});
