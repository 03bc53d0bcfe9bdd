// Run, step and per-prompt statistics kept current by each import chunk: totals are summed in memory
// while the chunk's rows are inserted, then added with one upsert per key inside the same transaction.
import type { Db } from '../../db/open';
import type { PreparedRollout } from '../prepared';

interface Totals {
  rollouts: number;
  graded: number;
  correct: number;
  rewardSum: number;
  chars: number;
  truncated: number;
}

const zero = (): Totals => ({ rollouts: 0, graded: 0, correct: 0, rewardSum: 0, chars: 0, truncated: 0 });

function addTo(t: Totals, r: PreparedRollout): void {
  t.rollouts++;
  if (r.reward !== null) {
    t.graded++;
    t.rewardSum += r.reward;
  }
  if (r.correct) t.correct++;
  t.chars += r.response.length;
  if (r.truncated) t.truncated++;
}

const COUNTER_COLUMNS = 'rollout_count, graded_count, correct_count, reward_sum, response_chars_sum, truncated_count';
const ADD_EXCLUDED =
  `rollout_count = rollout_count + excluded.rollout_count, graded_count = graded_count + excluded.graded_count,
  correct_count = correct_count + excluded.correct_count, reward_sum = reward_sum + excluded.reward_sum,
  response_chars_sum = response_chars_sum + excluded.response_chars_sum, truncated_count = ` +
  `truncated_count + excluded.truncated_count`;

export function createCounters(db: Db) {
  const upsertStep = db.prepare(
    `INSERT INTO run_steps (run_id, ` +
      `step, ${COUNTER_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (run_id, step) DO ` +
      `UPDATE SET ${ADD_EXCLUDED}`,
  );
  const upsertPromptStep = db.prepare(
    `INSERT INTO run_prompt_steps (run_prompt_id, ` +
      `step, ${COUNTER_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (run_prompt_id, ` +
      `step) DO UPDATE SET ${ADD_EXCLUDED}`,
  );
  const addPrompt = db.prepare(
    `UPDATE run_prompts SET rollout_count = rollout_count + ?, graded_count = graded_count + ?, ` +
      `correct_count = correct_count + ?, reward_sum = reward_sum + ?,
       response_chars_sum = response_chars_sum + ?, truncated_count = truncated_count + ? WHERE id = ?`,
  );
  const addRun = db.prepare(`UPDATE runs SET rollout_count = rollout_count + ? WHERE id = ?`);
  const upsertSignal = db.prepare(
    `INSERT INTO run_signals (run_id, name, rollout_count) VALUES (?, ?, ?) ON CONFLICT ` +
      `(run_id, name) DO UPDATE SET rollout_count = rollout_count + excluded.rollout_count`,
  );

  let steps = new Map<string, Totals>();
  let promptSteps = new Map<string, Totals>();
  let prompts = new Map<number, Totals>();
  let runs = new Map<number, number>();
  let signals = new Map<string, number>();

  const totals = <K>(map: Map<K, Totals>, key: K): Totals => {
    let t = map.get(key);
    if (!t) map.set(key, (t = zero()));
    return t;
  };
  const values = (t: Totals) => [t.rollouts, t.graded, t.correct, t.rewardSum, t.chars, t.truncated] as const;
  const split = (key: string) => key.split(':').map(Number) as [number, number];

  return {
    add(runId: number, runPromptId: number, step: number, r: PreparedRollout): void {
      addTo(totals(steps, `${runId}:${step}`), r);
      addTo(totals(promptSteps, `${runPromptId}:${step}`), r);
      addTo(totals(prompts, runPromptId), r);
      runs.set(runId, (runs.get(runId) ?? 0) + 1);
      for (const s of r.signals) signals.set(`${runId}:${s.name}`, (signals.get(`${runId}:${s.name}`) ?? 0) + 1);
    },
    flush(): void {
      for (const [key, t] of steps) upsertStep.run(...split(key), ...values(t));
      for (const [key, t] of promptSteps) upsertPromptStep.run(...split(key), ...values(t));
      for (const [id, t] of prompts) addPrompt.run(...values(t), id);
      for (const [id, n] of runs) addRun.run(n, id);
      for (const [key, n] of signals) {
        const at = key.indexOf(':');
        upsertSignal.run(Number(key.slice(0, at)), key.slice(at + 1), n);
      }
      this.reset();
    },
    reset(): void {
      steps = new Map();
      promptSteps = new Map();
      prompts = new Map();
      runs = new Map();
      signals = new Map();
    },
  };
}
