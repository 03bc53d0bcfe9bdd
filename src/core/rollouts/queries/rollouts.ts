// Rollouts for lists (by prompt, run, step) and one rollout in full: its text, token table and every
// per-token signal as numbers, with OREAL's rm_prob / is_weight derived when only rm_logit was logged.
import type { RolloutDetail, RolloutRow, RolloutSignal } from '../../../shared/rollouts';
import { CuratorError } from '../../../shared/errors';
import type { Db } from '../../db/open';
import { readFloat32Blob, readUint32Blob } from '../blob';
import { deriveRmSignals, IS_WEIGHT, RM_PROB } from '../oreal-signals';
import { MATCHED_PROMPT_ID } from './totals';
import type { VerdictFilter } from '../../../shared/verification';
import { verdictFilterSql } from '../../verification/filter-sql';

const PREVIEW_CHARS = 160;

const ROW_COLUMNS =
  `r.id, r.run_id, u.name AS run_name, r.step, ` +
  `r.run_prompt_id, ${MATCHED_PROMPT_ID} AS prompt_id, r.group_id, r.sample_index,
  r.reward, r.correct, r.advantage, r.finish_reason, r.truncated, r.token_count, ` +
  `r.response_chars, r.extracted_answer, r.rm_final_prob,
  r.rm_crossing, substr(r.response, 1, ${PREVIEW_CHARS}) AS preview,
  (SELECT group_concat(s.name, char(10)) FROM rollout_signals s WHERE s.rollout_id = r.id) AS signal_names`;
const FROM =
  `FROM rollouts r JOIN runs u ON u.id = r.run_id AND u.status = 'ready' JOIN ` +
  `run_prompts rp ON rp.id = r.run_prompt_id`;

interface Row {
  id: number;
  run_id: number;
  run_name: string;
  step: number;
  run_prompt_id: number;
  prompt_id: number | null;
  group_id: string | null;
  sample_index: number | null;
  reward: number | null;
  correct: number | null;
  advantage: number | null;
  finish_reason: string | null;
  truncated: number | null;
  token_count: number | null;
  response_chars: number;
  extracted_answer: string | null;
  rm_final_prob: number | null;
  rm_crossing: number | null;
  preview: string;
  signal_names: string | null;
}

const bool = (v: number | null) => (v === null ? null : v === 1);

function toRow(r: Row): RolloutRow {
  return {
    id: r.id,
    runId: r.run_id,
    runName: r.run_name,
    step: r.step,
    runPromptId: r.run_prompt_id,
    promptId: r.prompt_id,
    groupId: r.group_id,
    sampleIndex: r.sample_index,
    reward: r.reward,
    correct: bool(r.correct),
    advantage: r.advantage,
    finishReason: r.finish_reason,
    truncated: bool(r.truncated),
    tokenCount: r.token_count,
    responseChars: r.response_chars,
    extractedAnswer: r.extracted_answer,
    rmFinalProb: r.rm_final_prob,
    rmCrossing: r.rm_crossing,
    signalNames: r.signal_names ? r.signal_names.split('\n').sort() : [],
    preview: r.preview,
  };
}

export interface RolloutListFilter {
  promptId?: number | undefined;
  runId?: number | undefined;
  runPromptId?: number | undefined;
  step?: number | undefined;
  /** Only rollouts whose re-verification verdict matches (src/core/verification). */
  verdict?: VerdictFilter | undefined;
}

export function listRollouts(
  db: Db,
  filter: RolloutListFilter,
  offset: number,
  limit: number,
): { rows: RolloutRow[]; total: number } {
  const where: string[] = [];
  const params: (number | string)[] = [];
  if (filter.promptId !== undefined) {
    const prompt = db
      .prepare(
        `SELECT p.question_hash AS hash FROM prompts p JOIN datasets d ON d.id = p.dataset_id ` +
          `WHERE p.id = ? AND d.status = 'ready'`,
      )
      .get(filter.promptId) as { hash: string } | undefined;
    if (!prompt) throw new CuratorError('NOT_FOUND', `No prompt with id ${filter.promptId}.`);
    where.push('rp.question_hash = ?');
    params.push(prompt.hash);
  }
  const equal: [string, number | undefined][] = [
    ['r.run_id', filter.runId],
    ['r.run_prompt_id', filter.runPromptId],
    ['r.step', filter.step],
  ];
  for (const [column, value] of equal) {
    if (value === undefined) continue;
    where.push(`${column} = ?`);
    params.push(value);
  }
  if (filter.verdict !== undefined) where.push(verdictFilterSql(filter.verdict, 'r'));
  const clause = where.length > 0 ? `WHERE ${where.join(' AND ')}` : '';
  const total = (db.prepare(`SELECT count(*) AS n ${FROM} ${clause}`).get(...params) as { n: number }).n;
  const rows = db
    .prepare(
      `SELECT ${ROW_COLUMNS} ${FROM} ${clause} ORDER BY r.run_id, r.step, rp.id, r.group_id, ` +
        `r.sample_index, r.id LIMIT ? OFFSET ?`,
    )
    .all(...params, limit, offset) as Row[];
  return { rows: rows.map(toRow), total };
}

export function getRollout(db: Db, id: number): RolloutDetail {
  const row = db
    .prepare(
      `SELECT ${ROW_COLUMNS}, r.response, r.token_starts, r.extra, r.source_file, ` +
        `r.source_line, rp.question, rp.gold_answer, rp.source_prompt_id,
         u.system_prompt, i.sources
       ${FROM} JOIN rollout_imports i ON i.id = u.import_id WHERE r.id = ?`,
    )
    .get(id) as
    | (Row & {
        response: string;
        token_starts: Buffer | null;
        extra: string | null;
        source_file: number;
        source_line: number;
        question: string | null;
        gold_answer: string | null;
        source_prompt_id: string | null;
        system_prompt: string | null;
        sources: string;
      })
    | undefined;
  if (!row) throw new CuratorError('NOT_FOUND', `No rollout with id ${id}.`);
  const texts = db.prepare(`SELECT text, ends FROM rollout_token_texts WHERE rollout_id = ?`).get(id) as
    { text: string; ends: Buffer } | undefined;
  const stored = db.prepare(`SELECT name, data FROM rollout_signals WHERE rollout_id = ? ORDER BY name`).all(id) as {
    name: string;
    data: Buffer;
  }[];
  const spans = db
    .prepare(
      `SELECT name, span_start AS start, span_end AS end, value FROM rollout_spans WHERE ` +
        `rollout_id = ? ORDER BY span_start, name`,
    )
    .all(id) as RolloutDetail['spans'];

  const arrays = new Map(stored.map((s) => [s.name, readFloat32Blob(s.data)] as const));
  const signals: RolloutSignal[] = [...arrays].map(([name, values]) => ({
    name,
    values: Array.from(values),
    derived: false,
  }));
  const derived = deriveRmSignals(arrays, bool(row.correct));
  if (derived.rmProb) signals.push({ name: RM_PROB, values: Array.from(derived.rmProb), derived: true });
  if (derived.isWeight) signals.push({ name: IS_WEIGHT, values: Array.from(derived.isWeight), derived: true });

  const starts = row.token_starts ? Array.from(readUint32Blob(row.token_starts)) : null;
  let tokenTexts: string[] | null = null;
  if (texts) {
    const ends = readUint32Blob(texts.ends);
    tokenTexts = Array.from(ends, (end, i) => texts.text.slice(i === 0 ? 0 : (ends[i - 1] as number), end));
  }
  const count = starts?.length ?? tokenTexts?.length ?? null;
  const sources = JSON.parse(row.sources) as { path: string }[];
  return {
    ...toRow(row),
    response: row.response,
    question: row.question,
    goldAnswer: row.gold_answer,
    sourcePromptId: row.source_prompt_id,
    systemPrompt: row.system_prompt,
    tokens: count === null ? null : { count, starts, texts: tokenTexts },
    signals,
    spans,
    extra: row.extra ? (JSON.parse(row.extra) as Record<string, unknown>) : {},
    sourceFile: sources[row.source_file]?.path ?? null,
    sourceLine: row.source_line,
  };
}
