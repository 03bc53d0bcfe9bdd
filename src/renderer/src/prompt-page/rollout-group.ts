// A prompt's rollout group: sorting (by reward, length, step, advantage), the default compare pair
// (OREAL trains on one correct and one incorrect sample per prompt: we show the best correct against the
// worst incorrect), and pass-rate statistics when the store has none for the scope (a run's prompt that
// matches no prompt set).
import type { RolloutRow, RunStep } from '../../../shared/rollouts';

export const SORT_KEYS = ['order', 'reward', 'length', 'step', 'advantage', 'rm'] as const;
export type SortKey = (typeof SORT_KEYS)[number];
export interface RolloutSort {
  key: SortKey;
  descending: boolean;
}

export function rolloutLength(row: RolloutRow): number {
  return row.tokenCount ?? row.responseChars;
}

function keyOf(row: RolloutRow, key: SortKey): number | null {
  switch (key) {
    case 'reward':
      return row.reward;
    case 'length':
      return rolloutLength(row);
    case 'step':
      return row.step;
    case 'advantage':
      return row.advantage;
    case 'rm':
      return row.rmFinalProb;
    case 'order':
      return null;
  }
}

/** Sorted copy; missing values go last in either direction; ties keep the store's order. */
export function sortRollouts(rows: readonly RolloutRow[], sort: RolloutSort): RolloutRow[] {
  const indexed = rows.map((row, index) => ({ row, index }));
  if (sort.key === 'order') return sort.descending ? indexed.reverse().map((x) => x.row) : indexed.map((x) => x.row);
  const sign = sort.descending ? -1 : 1;
  indexed.sort((a, b) => {
    const x = keyOf(a.row, sort.key);
    const y = keyOf(b.row, sort.key);
    if (x === null || y === null) return x === y ? a.index - b.index : x === null ? 1 : -1;
    return (x - y) * sign || a.index - b.index;
  });
  return indexed.map((x) => x.row);
}

/** Clicking a column: sort by it (largest first for reward/length/advantage), again to flip. */
export function nextSort(current: RolloutSort, key: SortKey): RolloutSort {
  if (current.key === key) return { key, descending: !current.descending };
  return { key, descending: key !== 'step' && key !== 'order' };
}

const cmp = (a: number | null, b: number | null) => (a ?? 0) - (b ?? 0);

/**
 * The best correct rollout (highest reward, then the RM's highest final probability, then the shortest)
 * and the worst incorrect one (lowest reward, then the RM's lowest, then the longest); null when the
 * group lacks either.
 */
export function defaultComparePair(rows: readonly RolloutRow[]): [RolloutRow, RolloutRow] | null {
  const correct = rows.filter((r) => r.correct === true);
  const incorrect = rows.filter((r) => r.correct === false);
  if (correct.length === 0 || incorrect.length === 0) return null;
  const best = [...correct].sort(
    (a, b) => cmp(b.reward, a.reward) || cmp(b.rmFinalProb, a.rmFinalProb) || rolloutLength(a) - rolloutLength(b),
  )[0];
  const worst = [...incorrect].sort(
    (a, b) => cmp(a.reward, b.reward) || cmp(a.rmFinalProb, b.rmFinalProb) || rolloutLength(b) - rolloutLength(a),
  )[0];
  return best && worst ? [best, worst] : null;
}

export interface GroupStats {
  rollouts: number;
  graded: number;
  correct: number;
  passRate: number | null;
  steps: RunStep[];
}

/** Pass rate overall and by step, counted from the rows (graded = has a reward; correct = reward > 0). */
export function groupStats(rows: readonly RolloutRow[]): GroupStats {
  const bySteps = new Map<number, RolloutRow[]>();
  for (const row of rows) bySteps.set(row.step, [...(bySteps.get(row.step) ?? []), row]);
  const totals = (list: readonly RolloutRow[]) => {
    const graded = list.filter((r) => r.correct !== null);
    const correct = graded.filter((r) => r.correct === true).length;
    const rewards = list.flatMap((r) => (r.reward === null ? [] : [r.reward]));
    const truncated = list.filter((r) => r.truncated !== null);
    return {
      rollouts: list.length,
      graded: graded.length,
      correct,
      passRate: graded.length > 0 ? correct / graded.length : null,
      rewardMean: rewards.length > 0 ? rewards.reduce((a, b) => a + b, 0) / rewards.length : null,
      meanResponseChars: list.length > 0 ? list.reduce((a, r) => a + r.responseChars, 0) / list.length : null,
      truncationRate: truncated.length > 0 ? truncated.filter((r) => r.truncated).length / truncated.length : null,
    };
  };
  const all = totals(rows);
  return {
    rollouts: all.rollouts,
    graded: all.graded,
    correct: all.correct,
    passRate: all.passRate,
    steps: [...bySteps.entries()].sort(([a], [b]) => a - b).map(([step, list]) => ({ step, ...totals(list) })),
  };
}
