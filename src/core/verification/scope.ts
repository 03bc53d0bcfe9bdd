// Which rollouts a verification covers: those of a run, those answering a dataset's prompts (joined
// by normalised-question hash, in every run), both at once (their intersection), or all of them.
// Only runs whose import has finished are ever included.
import { CuratorError } from '../../shared/errors';
import type { Db } from '../db/open';
import type { SqlFragment } from '../prompts/filter-sql';

export interface Scope {
  runId: number | null;
  datasetId: number | null;
}

/** Conditions on `run_prompts rp` (joined to a ready run) that select the scope. */
export function scopeSql(scope: Scope): SqlFragment {
  const parts: string[] = [`rp.run_id IN (SELECT id FROM runs WHERE status = 'ready')`];
  const params: unknown[] = [];
  if (scope.runId !== null) {
    parts.push('rp.run_id = ?');
    params.push(scope.runId);
  }
  if (scope.datasetId !== null) {
    parts.push('rp.question_hash IN (SELECT question_hash FROM prompts WHERE dataset_id = ?)');
    params.push(scope.datasetId);
  }
  return { sql: parts.join(' AND '), params };
}

/** Fails with NOT_FOUND for a run or dataset that does not exist or is not visible yet. */
export function describeScope(db: Db, scope: Scope): string {
  const words: string[] = [];
  if (scope.runId !== null) {
    const run = db.prepare(`SELECT name FROM runs WHERE id = ? AND status = 'ready'`).get(scope.runId) as
      { name: string } | undefined;
    if (!run) throw new CuratorError('NOT_FOUND', `No run with id ${scope.runId}.`);
    words.push(`run "${run.name}"`);
  }
  if (scope.datasetId !== null) {
    const dataset = db.prepare(`SELECT name FROM datasets WHERE id = ? AND status = 'ready'`).get(scope.datasetId) as
      { name: string } | undefined;
    if (!dataset) throw new CuratorError('NOT_FOUND', `No dataset with id ${scope.datasetId}.`);
    words.push(`dataset "${dataset.name}"`);
  }
  return words.length === 0 ? 'all runs' : words.join(', prompts of ');
}

export interface ScopedRunPrompt {
  id: number;
  runId: number;
  questionHash: string | null;
  logGold: string | null;
  rollouts: number;
  chars: number;
}

export function runPromptsInScope(db: Db, scope: Scope): ScopedRunPrompt[] {
  const where = scopeSql(scope);
  return db
    .prepare(
      `SELECT rp.id, rp.run_id AS runId, rp.question_hash AS questionHash, rp.gold_answer AS ` +
        `logGold, rp.rollout_count AS rollouts, rp.response_chars_sum AS chars
       FROM run_prompts rp WHERE ${where.sql} AND rp.rollout_count > 0 ORDER BY rp.id`,
    )
    .all(...where.params) as ScopedRunPrompt[];
}
