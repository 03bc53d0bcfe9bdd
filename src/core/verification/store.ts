// Verdict storage. A running job stages its verdicts chunk by chunk, invisible; when it has checked
// everything it publishes them into rollout_verdicts (replacing older verdicts of the same rollouts)
// and refreshes the answer statistics of every question it touched. A failed or cancelled job
// publishes nothing.
import type { Db } from '../db/open';
import { nowIso } from '../util/time';
import { summarizeAnswers } from '../answer-check/index';
import type { StagedVerdict } from './verdict';

const COLUMNS =
  `rollout_id, run_id, question_hash, extracted_answer, answer_norm, rule, ` +
  `truncated, equivalent, answer_matches, stage, reason, gold_answer, gold_source, agreement`;

export function createStager(db: Db, jobId: number): (verdicts: readonly StagedVerdict[]) => void {
  const insert = db.prepare(
    `INSERT OR REPLACE INTO verification_staging ` +
      `(job_id, ${COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const bit = (b: boolean) => (b ? 1 : 0);
  const write = db.transaction((verdicts: readonly StagedVerdict[]) => {
    for (const v of verdicts) {
      insert.run(
        jobId,
        v.rolloutId,
        v.runId,
        v.questionHash,
        v.extractedAnswer,
        v.answerNorm,
        v.rule,
        bit(v.truncated),
        bit(v.equivalent),
        bit(v.answerMatches),
        v.stage,
        v.reason,
        v.goldAnswer,
        v.goldSource,
        v.agreement,
      );
    }
  });
  return (verdicts) => write.immediate(verdicts);
}

/** Staged verdicts moved per transaction, and questions refreshed per transaction, while publishing. */
const MOVE_BATCH = 20_000;
const STATS_BATCH = 2_000;
/**
 * Pause between publishing transactions. SQLite's busy handler retries on a backoff of up to 100 ms,
 * so a writer waiting on another connection (a curator's label) needs a gap to get in.
 */
const GAP_MS = 20;
const gap = () => new Promise<void>((resolve) => setTimeout(resolve, GAP_MS));

/**
 * Moves a job's staged verdicts into place, replacing older verdicts of the same rollouts, then
 * refreshes the statistics of the questions it touched. Batched so that no transaction holds the
 * write lock for long (a million verdicts take seconds): a crash while publishing leaves the rollouts
 * published so far with their new verdicts and the others with their old ones, and recovery
 * (rollbackVerification) refreshes the statistics of whatever was published.
 */
export async function publishVerdicts(
  db: Db,
  jobId: number,
  verifierVersion: string,
  questionHashes: ReadonlySet<string>,
  batch = { move: MOVE_BATCH, stats: STATS_BATCH },
): Promise<number> {
  const now = nowIso();
  const batchEnd = db
    .prepare(
      `SELECT max(rollout_id) FROM (SELECT rollout_id FROM verification_staging WHERE job_id = ` +
        `? AND rollout_id > ? ORDER BY rollout_id LIMIT ?)`,
    )
    .pluck();
  // A rollout deleted meanwhile (its run removed) has nothing to attach a verdict to.
  const move = db.prepare(
    `INSERT OR REPLACE INTO rollout_verdicts (${COLUMNS}, job_id, verifier_version, verified_at)
     SELECT ${COLUMNS.split(', ')
       .map((c) => `s.${c}`)
       .join(', ')}, s.job_id, ?, ? FROM verification_staging s
     WHERE s.job_id = ? AND s.rollout_id > ? AND s.rollout_id <= ? AND EXISTS (SELECT 1 FROM ` +
      `rollouts r WHERE r.id = s.rollout_id)`,
  );
  const drop = db.prepare(`DELETE FROM verification_staging WHERE job_id = ? AND rollout_id > ? AND rollout_id <= ?`);
  const moveBatch = db.transaction((from: number, to: number) => {
    const n = move.run(verifierVersion, now, jobId, from, to).changes;
    drop.run(jobId, from, to);
    return n;
  });
  let moved = 0;
  for (let from = -1; ;) {
    const to = batchEnd.get(jobId, from, batch.move) as number | null;
    if (to === null) break;
    moved += moveBatch.immediate(from, to);
    from = to;
    await gap();
  }
  const hashes = [...questionHashes];
  for (let i = 0; i < hashes.length; i += batch.stats) {
    db.transaction(() => refreshQuestionStats(db, hashes.slice(i, i + batch.stats), now)).immediate();
    await gap();
  }
  return moved;
}

/** After a failure, cancel or crash: drop what is staged and make the statistics match what was published. */
export function rollbackVerification(db: Db, jobId: number): void {
  discardStaged(db, jobId);
  // Only a crash while publishing leaves verdicts of this job behind (a full scan, on this rare path).
  const published = db
    .prepare(`SELECT DISTINCT question_hash FROM rollout_verdicts WHERE job_id = ? AND question_hash IS NOT NULL`)
    .pluck()
    .all(jobId) as string[];
  for (let i = 0; i < published.length; i += STATS_BATCH)
    db.transaction(() => refreshQuestionStats(db, published.slice(i, i + STATS_BATCH))).immediate();
}

export function discardStaged(db: Db, jobId: number): void {
  db.prepare(`DELETE FROM verification_staging WHERE job_id = ?`).run(jobId);
}

/** Recomputes the answer statistics of these questions over all their verdicts (every run). */
export function refreshQuestionStats(db: Db, questionHashes: Iterable<string>, now = nowIso()): void {
  const votes = db.prepare(
    `SELECT extracted_answer AS answer, answer_matches AS matches, gold_answer AS gold FROM ` +
      `rollout_verdicts WHERE question_hash = ? ORDER BY rollout_id`,
  );
  const upsert = db.prepare(
    `INSERT OR REPLACE INTO question_answer_stats (question_hash, rollouts, answered, ` +
      `matching_gold, gold_answer, majority_answer, majority_votes, tie, suspect_gold, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const remove = db.prepare(`DELETE FROM question_answer_stats WHERE question_hash = ?`);
  for (const hash of questionHashes) {
    const rows = votes.all(hash) as { answer: string | null; matches: number; gold: string | null }[];
    if (rows.length === 0) {
      remove.run(hash);
      continue;
    }
    const s = summarizeAnswers(
      rows.map((r) => ({ answer: r.answer, matchesGold: r.matches === 1, loggedCorrect: null })),
    );
    const gold = rows[rows.length - 1]?.gold ?? null;
    upsert.run(
      hash,
      s.total,
      s.answered,
      s.matchingGold,
      gold,
      s.majority?.answer ?? null,
      s.majority?.votes ?? 0,
      s.tie ? 1 : 0,
      s.suspectGold ? 1 : 0,
      now,
    );
  }
}
