// Which prompt a rollout answers: by the normalised-question hash when the log has the question text,
// else by the prompt set's own id (when exactly one question in the visible prompt sets has it). Each
// run keeps one run_prompts row per key; prompts not found in any prompt set stay there as unmatched.
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
  let hashes = new Map<string, string>();
  let sourceIds = new Map<string, string | null>();
  let ids = new Map<string, number>();

  const hashQuestion = (question: string): string => {
    let h = hashes.get(question);
    if (h === undefined) {
      if (hashes.size > CACHE_LIMIT) hashes = new Map();
      h = questionHash(question);
      hashes.set(question, h);
    }
    return h;
  };
  const hashForSourceId = (sourceId: string): string | null => {
    if (!sourceIds.has(sourceId)) {
      if (sourceIds.size > CACHE_LIMIT) sourceIds = new Map();
      const rows = hashOfSourceId.all(sourceId) as { hash: string }[];
      sourceIds.set(sourceId, rows.length === 1 ? (rows[0] as { hash: string }).hash : null);
    }
    return sourceIds.get(sourceId) ?? null;
  };

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
        if (ids.size > CACHE_LIMIT) ids = new Map();
        ids.set(cacheKey, id);
      }
      return id;
    },
    reset(): void {
      ids = new Map();
    },
  };
}
