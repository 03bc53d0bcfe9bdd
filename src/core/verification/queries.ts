// Read side of verification: counts over a scope, the suspect gold answers of a scope, and rollouts
// with their verdicts selected by how the re-check relates to the log.
import type { SuspectGoldPrompt, VerdictFilter, VerifiedRollout, VerifySummary } from '../../shared/verification';
import { CuratorError } from '../../shared/errors';
import type { Db } from '../db/open';
import { VERIFIER_VERSION } from '../answer-check/index';
import { verdictFilterSql } from './filter-sql';
import type { Scope } from './scope';
import { scopeSql } from './scope';
import { toVerdict } from './verdict-row';
import type { VerdictRow } from './verdict-row';

const QUESTION_CHARS = 200;

export function verifySummary(db: Db, scope: Scope): VerifySummary {
  const where = scopeSql(scope);
  const from =
    `FROM run_prompts rp JOIN rollouts r ON r.run_prompt_id = rp.id LEFT JOIN ` +
    `rollout_verdicts v ON v.rollout_id = r.id WHERE ${where.sql}`;
  const c = db
    .prepare(
      `SELECT count(*) AS rollouts, count(v.rollout_id) AS verified,
         coalesce(sum(v.verifier_version != ?), 0) AS staleVersion,
         coalesce(sum(v.agreement = 'agree'), 0) AS agree,
         coalesce(sum(v.agreement = 'loggedCorrectRecheckWrong'), 0) AS loggedCorrectRecheckWrong,
         coalesce(sum(v.agreement = 'loggedWrongRecheckRight'), 0) AS loggedWrongRecheckRight,
         coalesce(sum(v.agreement = 'ungraded'), 0) AS ungraded,
         coalesce(sum(v.equivalent), 0) AS recheckCorrect,
         coalesce(sum(v.rollout_id IS NOT NULL AND v.extracted_answer IS NULL), 0) AS noAnswer,
         coalesce(sum(v.truncated), 0) AS truncated
       ${from}`,
    )
    .get(VERIFIER_VERSION, ...where.params) as Omit<
    VerifySummary,
    'byStage' | 'byRule' | 'suspectGold' | 'verifierVersion'
  >;
  const grouped = (column: 'stage' | 'rule') =>
    Object.fromEntries(
      (
        db
          .prepare(
            `SELECT v.${column} AS k, count(*) AS ` +
              `n ${from} AND v.rollout_id IS NOT NULL GROUP BY v.${column} ORDER BY n DESC`,
          )
          .all(...where.params) as { k: string; n: number }[]
      ).map((r) => [r.k, r.n]),
    );
  const suspect = db
    .prepare(
      `SELECT count(*) AS n FROM question_answer_stats s WHERE s.suspect_gold = 1 AND ` +
        `s.question_hash IN (SELECT rp.question_hash FROM run_prompts rp WHERE ${where.sql})`,
    )
    .get(...where.params) as { n: number };
  return {
    ...c,
    byStage: grouped('stage'),
    byRule: grouped('rule'),
    suspectGold: suspect.n,
    verifierVersion: VERIFIER_VERSION,
  };
}

/** Questions of the scope whose gold answer looks wrong, with the majority answer; most votes first. */
export function suspectGoldRows(
  db: Db,
  scope: Scope,
  offset: number,
  limit: number,
): { rows: SuspectGoldPrompt[]; total: number } {
  const where = scopeSql(scope);
  const from =
    `FROM question_answer_stats s WHERE s.suspect_gold = 1 AND s.question_hash IN ` +
    `(SELECT rp.question_hash FROM run_prompts rp WHERE ${where.sql})`;
  const total = (db.prepare(`SELECT count(*) AS n ${from}`).get(...where.params) as { n: number }).n;
  // The prompt in a visible prompt set (the scope's dataset first), else the question as the log gave it.
  const rows = db
    .prepare(
      `SELECT s.question_hash AS hash, s.gold_answer AS goldAnswer, s.majority_answer AS ` +
        `majorityAnswer, s.majority_votes AS majorityVotes, s.rollouts,
         (SELECT p.id FROM prompts p JOIN datasets d ON d.id = p.dataset_id AND d.status = ` +
        `'ready' WHERE p.question_hash = s.question_hash ORDER BY p.dataset_id = ? DESC, p.id LIMIT 1) AS promptId
       ${from} ORDER BY s.majority_votes DESC, s.question_hash LIMIT ? OFFSET ?`,
    )
    .all(scope.datasetId ?? -1, ...where.params, limit, offset) as {
    hash: string;
    goldAnswer: string | null;
    majorityAnswer: string;
    majorityVotes: number;
    rollouts: number;
    promptId: number | null;
  }[];
  const prompt = db.prepare(
    `SELECT dataset_id AS datasetId, substr(question, 1, ${QUESTION_CHARS}) AS question FROM prompts WHERE id = ?`,
  );
  const logged = db.prepare(
    `SELECT substr(question, ` +
      `1, ${QUESTION_CHARS}) AS question FROM run_prompts WHERE question_hash = ? AND question IS NOT NULL LIMIT 1`,
  );
  return {
    total,
    rows: rows.map((r) => {
      const p =
        r.promptId === null
          ? undefined
          : (prompt.get(r.promptId) as { datasetId: number; question: string } | undefined);
      const question = p?.question ?? (logged.get(r.hash) as { question: string } | undefined)?.question ?? '';
      return {
        promptId: r.promptId,
        datasetId: p?.datasetId ?? null,
        question,
        goldAnswer: r.goldAnswer,
        majorityAnswer: r.majorityAnswer,
        majorityVotes: r.majorityVotes,
        rollouts: r.rollouts,
      };
    }),
  };
}

export interface VerifiedRolloutFilter extends Scope {
  promptId: number | null;
  verdict: VerdictFilter | null;
}

export function verifiedRollouts(
  db: Db,
  filter: VerifiedRolloutFilter,
  offset: number,
  limit: number,
): { rows: VerifiedRollout[]; total: number } {
  const where = scopeSql(filter);
  const parts = [where.sql];
  const params = [...where.params];
  if (filter.promptId !== null) {
    const prompt = db
      .prepare(
        `SELECT p.question_hash AS hash FROM prompts p JOIN datasets d ON d.id = p.dataset_id ` +
          `WHERE p.id = ? AND d.status = 'ready'`,
      )
      .get(filter.promptId) as { hash: string } | undefined;
    if (!prompt) throw new CuratorError('NOT_FOUND', `No prompt with id ${filter.promptId}.`);
    parts.push('rp.question_hash = ?');
    params.push(prompt.hash);
  }
  if (filter.verdict !== null) parts.push(verdictFilterSql(filter.verdict, 'r'));
  const from =
    `FROM run_prompts rp JOIN rollouts r ON r.run_prompt_id = rp.id JOIN runs u ON ` +
    `u.id = r.run_id LEFT JOIN rollout_verdicts v ON v.rollout_id = r.id WHERE ${parts.join(' AND ')}`;
  const total = (db.prepare(`SELECT count(*) AS n ${from}`).get(...params) as { n: number }).n;
  const rows = db
    .prepare(
      `SELECT r.id, r.run_id, u.name AS run_name, r.step, r.run_prompt_id, r.group_id, ` +
        `r.sample_index, r.reward, r.correct, r.extracted_answer AS logged_answer,
         (SELECT min(p.id) FROM prompts p JOIN datasets d ON d.id = p.dataset_id WHERE d.status ` +
        `= 'ready' AND p.question_hash = rp.question_hash) AS prompt_id,
         v.rollout_id AS v_rollout_id, v.extracted_answer AS v_extracted_answer, v.rule AS ` +
        `v_rule, v.truncated AS v_truncated, v.equivalent AS v_equivalent,
         v.answer_matches AS v_answer_matches, v.stage AS v_stage, v.reason AS v_reason, ` +
        `v.gold_answer AS v_gold_answer, v.gold_source AS v_gold_source,
         v.agreement AS v_agreement, v.verifier_version AS v_verifier_version, v.verified_at AS v_verified_at
       ${from} ORDER BY r.id LIMIT ? OFFSET ?`,
    )
    .all(...params, limit, offset) as (VerdictRow & {
    id: number;
    run_id: number;
    run_name: string;
    step: number;
    run_prompt_id: number;
    group_id: string | null;
    sample_index: number | null;
    reward: number | null;
    correct: number | null;
    logged_answer: string | null;
    prompt_id: number | null;
  })[];
  return {
    total,
    rows: rows.map((r) => ({
      id: r.id,
      runId: r.run_id,
      runName: r.run_name,
      step: r.step,
      runPromptId: r.run_prompt_id,
      promptId: r.prompt_id,
      groupId: r.group_id,
      sampleIndex: r.sample_index,
      reward: r.reward,
      loggedCorrect: r.correct === null ? null : r.correct === 1,
      loggedAnswer: r.logged_answer,
      verdict: toVerdict(r),
    })),
  };
}
