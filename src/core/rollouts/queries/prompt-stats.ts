// One prompt's statistics from rollouts: overall, per run and per step. Joined by the normalised-question
// hash, so rollouts imported before or after the prompt set count alike.
import type { PromptRolloutStats } from '../../../shared/rollouts';
import { CuratorError } from '../../../shared/errors';
import type { Db } from '../../db/open';
import type { CounterRow } from './totals';
import { counterColumns, toTotals } from './totals';

export function promptRolloutStats(db: Db, promptId: number): PromptRolloutStats {
  const prompt = db
    .prepare(
      `SELECT p.question_hash AS hash FROM prompts p JOIN datasets d ON d.id = p.dataset_id ` +
        `WHERE p.id = ? AND d.status = 'ready'`,
    )
    .get(promptId) as { hash: string } | undefined;
  if (!prompt) throw new CuratorError('NOT_FOUND', `No prompt with id ${promptId}.`);
  const runs = db
    .prepare(
      `SELECT u.id AS run_id, u.name AS run_name, ${counterColumns('rp', 'sum')}
       FROM run_prompts rp JOIN runs u ON u.id = rp.run_id AND u.status = 'ready'
       WHERE rp.question_hash = ? GROUP BY u.id ORDER BY u.id`,
    )
    .all(prompt.hash) as (CounterRow & { run_id: number; run_name: string })[];
  const steps = db.prepare(
    `SELECT s.step, ${counterColumns('s', 'sum')} FROM run_prompt_steps s JOIN run_prompts rp ON rp.id = s.run_prompt_id
     WHERE rp.run_id = ? AND rp.question_hash = ? GROUP BY s.step ORDER BY s.step`,
  );
  const overall = runs.reduce<CounterRow>(
    (a, r) => ({
      rollouts: a.rollouts + r.rollouts,
      graded: a.graded + r.graded,
      correct: a.correct + r.correct,
      reward_sum: a.reward_sum + r.reward_sum,
      chars: a.chars + r.chars,
      truncated: a.truncated + r.truncated,
    }),
    { rollouts: 0, graded: 0, correct: 0, reward_sum: 0, chars: 0, truncated: 0 },
  );
  return {
    promptId,
    ...toTotals(overall),
    runs: runs.map((r) => ({
      runId: r.run_id,
      runName: r.run_name,
      ...toTotals(r),
      steps: (steps.all(r.run_id, prompt.hash) as (CounterRow & { step: number })[]).map((s) => ({
        step: s.step,
        ...toTotals(s),
      })),
    })),
  };
}
