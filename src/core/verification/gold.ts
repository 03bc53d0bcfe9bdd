// The gold answer a rollout is checked against, in order of authority: a curator's correction of the
// matching prompt, the prompt set's own answer (as given: a number or a list stays one), else the
// answer the rollout log carried. In a dataset's scope that dataset's prompt wins over other copies.
import { LruCache } from '../../shared/lru-cache';
import type { GoldSource } from '../../shared/verification';
import type { Db } from '../db/open';

export interface Gold {
  /** What the checker gets: a string, a number (AMC's 27.0) or a list (several answers). */
  value: unknown;
  /** Display form, stored with the verdict. */
  text: string | null;
  source: GoldSource;
  promptId: number | null;
}

interface PromptGoldRow {
  id: number;
  gold_answer: string | null;
  gold_answer_json: string | null;
  corrected: string | null;
}

const GOLD_CACHE_SIZE = 50_000;

export type GoldResolver = (questionHash: string | null, logGold: string | null) => Gold;

export function createGoldResolver(db: Db, preferDatasetId: number | null): GoldResolver {
  const find = db.prepare(
    `SELECT p.id, p.gold_answer, p.gold_answer_json, gc.gold_answer AS corrected
     FROM prompts p JOIN datasets d ON d.id = p.dataset_id AND d.status = 'ready'
     LEFT JOIN gold_corrections gc ON gc.prompt_id = p.id
     WHERE p.question_hash = ? ORDER BY p.dataset_id = ? DESC, p.id LIMIT 1`,
  );
  // Rollouts of one prompt come together: a bounded cache serves its group without holding every prompt.
  const cache = new LruCache<string, PromptGoldRow | null>(GOLD_CACHE_SIZE);
  return (questionHash, logGold) => {
    const row =
      questionHash === null
        ? null
        : cache.getOrSet(
            questionHash,
            () => (find.get(questionHash, preferDatasetId ?? -1) as PromptGoldRow | undefined) ?? null,
          );
    return goldOf(row, logGold);
  };
}

export function goldOf(row: PromptGoldRow | null, logGold: string | null): Gold {
  const promptId = row?.id ?? null;
  if (row?.corrected != null && row.corrected.trim() !== '')
    return { value: row.corrected, text: row.corrected, source: 'correction', promptId };
  if (row?.gold_answer_json != null)
    return {
      value: parseJson(row.gold_answer_json) ?? row.gold_answer,
      text: row.gold_answer,
      source: 'prompt',
      promptId,
    };
  if (row?.gold_answer != null) return { value: row.gold_answer, text: row.gold_answer, source: 'prompt', promptId };
  if (logGold !== null && logGold.trim() !== '') return { value: logGold, text: logGold, source: 'log', promptId };
  return { value: null, text: null, source: 'none', promptId };
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return null;
  }
}

/** One prompt's gold answer (the prompt page): its correction, else its own answer. */
export function promptGold(db: Db, promptId: number): Gold {
  const row = db
    .prepare(
      `SELECT p.id, p.gold_answer, p.gold_answer_json, gc.gold_answer AS corrected FROM prompts ` +
        `p LEFT JOIN gold_corrections gc ON gc.prompt_id = p.id WHERE p.id = ?`,
    )
    .get(promptId) as PromptGoldRow | undefined;
  return goldOf(row ?? null, null);
}
