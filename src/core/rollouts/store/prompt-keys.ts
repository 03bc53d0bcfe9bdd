// Which prompt a rollout answers: by the normalised-question hash when the log has the question text,
// else by the prompt set's own id (when exactly one question in the visible prompt sets has it). Each
// run keeps one run_prompts row per key; prompts not found in any prompt set stay there as unmatched.
import { LruCache } from '../../../shared/lru-cache';
import type { Db } from '../../db/open';
import { questionHash } from '../../prompts/normalize';
import type { PreparedRollout } from '../prepared';

const CACHE_LIMIT = 50_000;

export function createPromptResolver(db: Db) {
  const hashOfSourceId = db.prepare(
    `SELECT DISTINCT p.question_hash AS hash FROM prompts p JOIN datasets d ON d.id = ` +
      `p.dataset_id WHERE d.status = 'ready' AND p.source_id = ? LIMIT 2`,
  );
  const find = db.prepare(`SELECT id FROM run_prompts WHERE run_id = ? AND prompt_key = ?`);
  const insert = db.prepare(
    `INSERT INTO run_prompts (run_id, prompt_key, question_hash, source_prompt_id, question, ` +
      `gold_answer) VALUES (?, ?, ?, ?, ?, ?)`,
  );
  // A group's samples repeat the same question text: hash it once.
  const hashes = new LruCache<string, string>(CACHE_LIMIT);
  const sourceIds = new LruCache<string, string | null>(CACHE_LIMIT);
  const ids = new LruCache<string, number>(CACHE_LIMIT);

  const hashQuestion = (question: string): string => hashes.getOrSet(question, () => questionHash(question));
  const hashForSourceId = (sourceId: string): string | null =>
    sourceIds.getOrSet(sourceId, () => {
      const rows = hashOfSourceId.all(sourceId) as { hash: string }[];
      return rows.length === 1 ? (rows[0] as { hash: string }).hash : null;
    });

  return {
    resolve(runId: number, r: PreparedRollout): number {
      const hash =
        r.question !== null && r.question.trim() !== ''
          ? hashQuestion(r.question)
          : r.promptSourceId !== null
            ? hashForSourceId(r.promptSourceId)
            : null;
      const key = hash ?? (r.promptSourceId !== null ? `id:${r.promptSourceId}` : '');
      const cacheKey = `${runId}\u0000${key}`;
      let id = ids.get(cacheKey);
      if (id === undefined) {
        const row = find.get(runId, key) as { id: number } | undefined;
        id = row
          ? row.id
          : Number(insert.run(runId, key, hash, r.promptSourceId, r.question, r.goldAnswer).lastInsertRowid);
        ids.set(cacheKey, id);
      }
      return id;
    },
    reset(): void {
      ids.clear();
    },
  };
}
