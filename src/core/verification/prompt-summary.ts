// The prompt page's answer summary: the answers of the prompt's rollouts (one run, or all) clustered
// by equivalence with their votes, the majority answer, and whether the gold answer looks wrong.
// Stored verdicts give the answers; a few unverified rollouts are extracted on the spot. Matches are
// judged against the prompt's current gold answer, so a correction shows at once.
import type { PromptAnswerSummary } from '../../shared/verification';
import { CuratorError } from '../../shared/errors';
import type { Db } from '../db/open';
import { checkAnswer, extractAnswer, summarizeAnswers } from '../answer-check/index';
import type { AnswerVote, SummaryCluster } from '../answer-check/index';
import { goldOf, promptGold } from './gold';

/** Unverified rollouts extracted on the spot; beyond this the page asks for a verification job instead. */
export const LIVE_EXTRACTION_LIMIT = 256;
const CLUSTERS_SHOWN = 12;

interface RolloutAnswerRow {
  id: number;
  correct: number | null;
  verified: number;
  answer: string | null;
  log_gold: string | null;
}

export function promptAnswerSummary(db: Db, promptId: number, runId: number | null): PromptAnswerSummary {
  const prompt = db
    .prepare(
      `SELECT p.question_hash AS hash FROM prompts p JOIN datasets d ON d.id = p.dataset_id ` +
        `WHERE p.id = ? AND d.status = 'ready'`,
    )
    .get(promptId) as { hash: string } | undefined;
  if (!prompt) throw new CuratorError('NOT_FOUND', `No prompt with id ${promptId}.`);
  const runClause = runId === null ? '' : 'AND rp.run_id = ?';
  const args = runId === null ? [prompt.hash] : [prompt.hash, runId];
  const from =
    `FROM run_prompts rp JOIN runs u ON u.id = rp.run_id AND u.status = 'ready' JOIN ` +
    `rollouts r ON r.run_prompt_id = rp.id
    LEFT JOIN rollout_verdicts v ON v.rollout_id = r.id WHERE rp.question_hash = ? ${runClause}`;
  const rows = db
    .prepare(
      `SELECT r.id, r.correct, v.rollout_id IS NOT NULL AS verified, v.extracted_answer AS ` +
        `answer, rp.gold_answer AS log_gold ${from} ORDER BY r.id`,
    )
    .all(...args) as RolloutAnswerRow[];
  const unverifiedRows = rows.filter((r) => r.verified === 0);
  const live =
    unverifiedRows.length <= LIVE_EXTRACTION_LIMIT
      ? liveAnswers(
          db,
          unverifiedRows.map((r) => r.id),
        )
      : null;

  let gold = promptGold(db, promptId);
  if (gold.source === 'none') gold = goldOf(null, rows.find((r) => r.log_gold !== null)?.log_gold ?? null);
  const matches = new Map<string, boolean>();
  const matchesGold = (answer: string | null): boolean => {
    if (answer === null || gold.value === null) return false;
    let m = matches.get(answer);
    if (m === undefined) matches.set(answer, (m = checkAnswer(answer, gold.value).equivalent));
    return m;
  };
  const votes: AnswerVote[] = [];
  for (const r of rows) {
    if (r.verified === 0 && live === null) continue;
    const answer = r.verified === 1 ? r.answer : (live?.get(r.id) ?? null);
    votes.push({
      answer,
      matchesGold: matchesGold(answer),
      loggedCorrect: r.correct === null ? null : r.correct === 1,
    });
  }
  const s = summarizeAnswers(votes);
  const cluster = (c: SummaryCluster) => ({
    answer: c.answer,
    normalized: c.normalized,
    votes: c.votes,
    share: s.total > 0 ? c.votes / s.total : 0,
    matchingGold: c.matchingGold,
    loggedCorrect: c.loggedCorrect,
  });
  return {
    promptId,
    goldAnswer: gold.text,
    goldSource: gold.source,
    rollouts: rows.length,
    verified: rows.length - unverifiedRows.length,
    live: live === null ? 0 : unverifiedRows.length,
    unverified: live === null ? unverifiedRows.length : 0,
    answered: s.answered,
    matchingGold: s.matchingGold,
    clusters: s.clusters.slice(0, CLUSTERS_SHOWN).map(cluster),
    moreClusters: Math.max(0, s.clusters.length - CLUSTERS_SHOWN),
    majority: s.majority === null ? null : cluster(s.majority),
    tie: s.tie,
    suspectGold: s.suspectGold,
  };
}

/** Extracted answers of unverified rollouts (blank answers count as none, as in stored verdicts). */
function liveAnswers(db: Db, ids: readonly number[]): Map<number, string | null> {
  const out = new Map<number, string | null>();
  if (ids.length === 0) return out;
  const rows = db
    .prepare(
      `SELECT id, response, finish_reason AS finishReason FROM rollouts WHERE id IN (SELECT value FROM json_each(?))`,
    )
    .all(JSON.stringify(ids)) as {
    id: number;
    response: string;
    finishReason: string | null;
  }[];
  for (const r of rows) {
    const answer = extractAnswer(r.response, { finishReason: r.finishReason }).answer;
    out.set(r.id, answer === null || answer.trim() === '' ? null : answer);
  }
  return out;
}
