// Counter columns (rollout_count, graded_count, …) -> RolloutTotals, the shape every statistic shares.
import type { RolloutTotals } from '../../../shared/rollouts';

export interface CounterRow {
  rollouts: number;
  graded: number;
  correct: number;
  reward_sum: number;
  chars: number;
  truncated: number;
}

/** SQL select list over a table (alias) with the counter columns; wrap each in `agg` to aggregate. */
export function counterColumns(alias: string, agg: 'sum' | '' = ''): string {
  const c = (col: string) => (agg ? `coalesce(sum(${alias}.${col}), 0)` : `${alias}.${col}`);
  return [
    `${c('rollout_count')} AS rollouts`,
    `${c('graded_count')} AS graded`,
    `${c('correct_count')} AS correct`,
    `${c('reward_sum')} AS reward_sum`,
    `${c('response_chars_sum')} AS chars`,
    `${c('truncated_count')} AS truncated`,
  ].join(', ');
}

export function toTotals(row: CounterRow): RolloutTotals {
  return {
    rollouts: row.rollouts,
    graded: row.graded,
    correct: row.correct,
    passRate: row.graded > 0 ? row.correct / row.graded : null,
    rewardMean: row.graded > 0 ? row.reward_sum / row.graded : null,
    meanResponseChars: row.rollouts > 0 ? row.chars / row.rollouts : null,
    truncationRate: row.rollouts > 0 ? row.truncated / row.rollouts : null,
  };
}

/** Condition: a run prompt (alias rp) has a matching prompt in a visible prompt set. */
export const MATCHED =
  `EXISTS (SELECT 1 FROM prompts p JOIN datasets d ON d.id = p.dataset_id ` +
  `WHERE d.status = 'ready' AND p.question_hash = rp.question_hash)`;

/** The matching prompt's id (the first one, when several prompt sets hold the question). */
export const MATCHED_PROMPT_ID =
  `(SELECT min(p.id) FROM prompts p JOIN datasets d ON d.id = ` +
  `p.dataset_id WHERE d.status = 'ready' AND p.question_hash = rp.question_hash)`;
