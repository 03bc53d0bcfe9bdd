// Runs with their statistics, unmatched prompts, and workspace-level rollout totals. Only runs whose
// import has finished (status 'ready') are ever returned.
import type { Run, RolloutWorkspaceStats, UnmatchedPrompt } from '../../../shared/rollouts';
import { CuratorError } from '../../../shared/errors';
import type { Db } from '../../db/open';
import type { CounterRow } from './totals';
import { counterColumns, MATCHED, toTotals } from './totals';

interface RunRow {
  id: number;
  name: string;
  source_path: string | null;
  source_format: string | null;
  system_prompt: string | null;
  created_at: string;
}

export function listRuns(db: Db): Run[] {
  const runs = db
    .prepare(
      `SELECT id, name, source_path, source_format, system_prompt, created_at FROM runs WHERE ` +
        `status = 'ready' ORDER BY id`,
    )
    .all() as RunRow[];
  const steps = db.prepare(`SELECT s.step, ${counterColumns('s')} FROM run_steps s WHERE s.run_id = ? ORDER BY s.step`);
  const prompts = db.prepare(
    `SELECT count(*) AS total, coalesce(sum(CASE ` +
      `WHEN ${MATCHED} THEN 0 ELSE 1 END), 0) AS unmatched FROM run_prompts rp WHERE rp.run_id = ?`,
  );
  const signals = db.prepare(`SELECT name, rollout_count AS rollouts FROM run_signals WHERE run_id = ? ORDER BY name`);
  return runs.map((run) => {
    const stepRows = steps.all(run.id) as (CounterRow & { step: number })[];
    const all = stepRows.reduce<CounterRow>(
      (a, s) => ({
        rollouts: a.rollouts + s.rollouts,
        graded: a.graded + s.graded,
        correct: a.correct + s.correct,
        reward_sum: a.reward_sum + s.reward_sum,
        chars: a.chars + s.chars,
        truncated: a.truncated + s.truncated,
      }),
      { rollouts: 0, graded: 0, correct: 0, reward_sum: 0, chars: 0, truncated: 0 },
    );
    const p = prompts.get(run.id) as { total: number; unmatched: number };
    return {
      id: run.id,
      name: run.name,
      sourcePath: run.source_path,
      sourceFormat: run.source_format,
      systemPrompt: run.system_prompt,
      ...toTotals(all),
      promptCount: p.total,
      unmatchedPromptCount: p.unmatched,
      steps: stepRows.map((s) => ({ step: s.step, ...toTotals(s) })),
      signals: signals.all(run.id) as { name: string; rollouts: number }[],
      createdAt: run.created_at,
    };
  });
}

export function unmatchedPrompts(
  db: Db,
  runId: number,
  offset: number,
  limit: number,
): { rows: UnmatchedPrompt[]; total: number } {
  const run = db.prepare(`SELECT id FROM runs WHERE id = ? AND status = 'ready'`).get(runId);
  if (!run) throw new CuratorError('NOT_FOUND', `No run with id ${runId}.`);
  const where = `rp.run_id = ? AND NOT ${MATCHED}`;
  const total = (db.prepare(`SELECT count(*) AS n FROM run_prompts rp WHERE ${where}`).get(runId) as { n: number }).n;
  const rows = db
    .prepare(
      `SELECT rp.id, rp.source_prompt_id, ` +
        `rp.question, ${counterColumns('rp')} FROM run_prompts rp WHERE ${where} ORDER BY rp.id LIMIT ? OFFSET ?`,
    )
    .all(runId, limit, offset) as (CounterRow & {
    id: number;
    source_prompt_id: string | null;
    question: string | null;
  })[];
  return {
    rows: rows.map((r) => ({
      runPromptId: r.id,
      sourcePromptId: r.source_prompt_id,
      question: r.question,
      ...toTotals(r),
    })),
    total,
  };
}

export function rolloutWorkspaceStats(db: Db): RolloutWorkspaceStats {
  const runs = db
    .prepare(`SELECT count(*) AS runs, coalesce(sum(rollout_count), 0) AS rollouts FROM runs WHERE status = 'ready'`)
    .get() as { runs: number; rollouts: number };
  const steps = db
    .prepare(
      `SELECT count(*) AS n, coalesce(sum(s.graded_count), 0) AS graded, ` +
        `coalesce(sum(s.correct_count), 0) AS correct FROM run_steps s JOIN runs r ON r.id = ` +
        `s.run_id WHERE r.status = 'ready'`,
    )
    .get() as {
    n: number;
    graded: number;
    correct: number;
  };
  const prompts = db
    .prepare(
      `SELECT count(*) AS total, coalesce(sum(CASE ` +
        `WHEN ${MATCHED} THEN 0 ELSE 1 END), 0) AS unmatched FROM run_prompts rp JOIN runs r ON ` +
        `r.id = rp.run_id WHERE r.status = 'ready'`,
    )
    .get() as { total: number; unmatched: number };
  const interrupted = db.prepare(`SELECT count(*) AS n FROM rollout_imports WHERE status = 'interrupted'`).get() as {
    n: number;
  };
  return {
    runs: runs.runs,
    steps: steps.n,
    rollouts: runs.rollouts,
    runPrompts: prompts.total,
    unmatchedPrompts: prompts.unmatched,
    interruptedImports: interrupted.n,
    passRate: steps.graded > 0 ? steps.correct / steps.graded : null,
  };
}
