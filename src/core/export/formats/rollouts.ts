// Behaviour-cloning export: per prompt, its best correct rollout as one JSONL record. "Best" prefers a
// rollout labelled exemplar, then one not truncated, then the highest reward, the token RM's highest
// confidence, the shortest response, the lowest id. Rollouts carrying an excluded label never qualify.
import type { Db } from '../../db/open';
import type { AtomicFile } from '../atomic-file';
import { TextSink } from '../atomic-file';
import type { ExportRow } from '../rows';
import type { RowWriter } from './types';

interface BestRollout {
  id: number;
  run: string;
  step: number;
  reward: number | null;
  response: string;
}

export function createBestRolloutFinder(
  db: Db,
  excludedLabelIds: readonly number[],
): (questionHash: string) => BestRollout | undefined {
  const exemplar = db
    .prepare(`SELECT id FROM label_defs WHERE target = 'rollout' AND name = 'exemplar' COLLATE NOCASE`)
    .pluck()
    .get() as number | undefined;
  const excluded =
    excludedLabelIds.length > 0
      ? `AND NOT EXISTS (SELECT 1 FROM rollout_labels l WHERE l.rollout_id = r.id AND ` +
        `l.label_id IN (${excludedLabelIds.map(Math.trunc).join(', ')}))`
      : '';
  const preferred =
    exemplar !== undefined
      ? `EXISTS (SELECT 1 FROM rollout_labels l WHERE l.rollout_id = r.id AND l.span_start = -1 ` +
        `AND l.label_id = ${Math.trunc(exemplar)})`
      : '0';
  const stmt = db.prepare(
    `SELECT r.id, u.name AS run, r.step, r.reward, r.response
     FROM run_prompts rp JOIN rollouts r ON r.run_prompt_id = rp.id JOIN runs u ON u.id = ` +
      `r.run_id AND u.status = 'ready'
     WHERE rp.question_hash = ? AND r.correct = 1 ${excluded}
     ORDER BY ${preferred} DESC, coalesce(r.truncated, 0) ASC, r.reward DESC, ` +
      `coalesce(r.rm_final_prob, -1) DESC, r.response_chars ASC, r.id ASC
     LIMIT 1`,
  );
  return (hash) => stmt.get(hash) as BestRollout | undefined;
}

export function rolloutsJsonlWriter(
  file: AtomicFile,
  best: (questionHash: string) => BestRollout | undefined,
): RowWriter {
  const sink = new TextSink(file);
  return {
    add(row: ExportRow, _index, split) {
      const rollout = best(row.questionHash);
      if (!rollout) return false;
      const record = {
        prompt_id: row.id,
        question: row.question,
        gold_answer: row.goldAnswer,
        response: rollout.response,
        rollout_id: rollout.id,
        run: rollout.run,
        step: rollout.step,
        reward: rollout.reward,
        pass_rate: row.passRate,
        split,
      };
      sink.write(`${JSON.stringify(record)}\n`);
      return true;
    },
    finish: () => sink.flush(),
  };
}
