// Verdict storage. A running job stages its verdicts chunk by chunk; its last transaction moves them
// into rollout_verdicts (replacing older verdicts of the same rollouts) and refreshes the answer
// statistics of every question it touched, so a job's verdicts appear all at once or not at all.
import type { Db } from '../db/open';
import { nowIso } from '../util/time';
import { summarizeAnswers } from '../verify/index';
import type { StagedVerdict } from './verdict';

const COLUMNS = `rollout_id, run_id, question_hash, extracted_answer, answer_norm, rule, truncated, equivalent, answer_matches, stage, reason, gold_answer, gold_source, agreement`;

export function createStager(db: Db, jobId: number): (verdicts: readonly StagedVerdict[]) => void {
  const insert = db.prepare(`INSERT OR REPLACE INTO verification_staging (job_id, ${COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  const bit = (b: boolean) => (b ? 1 : 0);
  const write = db.transaction((verdicts: readonly StagedVerdict[]) => {
    for (const v of verdicts) {
      insert.run(jobId, v.rolloutId, v.runId, v.questionHash, v.extractedAnswer, v.answerNorm, v.rule, bit(v.truncated), bit(v.equivalent), bit(v.answerMatches), v.stage, v.reason, v.goldAnswer, v.goldSource, v.agreement);
    }
  });
  return (verdicts) => write.immediate(verdicts);
}

/** Moves a job's staged verdicts into place and refreshes the touched questions' statistics, in one transaction. */
export function publishVerdicts(db: Db, jobId: number, verifierVersion: string, questionHashes: ReadonlySet<string>): number {
  const now = nowIso();
  return db.transaction(() => {
    // A rollout deleted meanwhile (its run removed) has nothing to attach a verdict to.
    const moved = db
      .prepare(
        `INSERT OR REPLACE INTO rollout_verdicts (${COLUMNS}, job_id, verifier_version, verified_at)
         SELECT ${COLUMNS.split(', ').map((c) => `s.${c}`).join(', ')}, s.job_id, ?, ? FROM verification_staging s
         WHERE s.job_id = ? AND EXISTS (SELECT 1 FROM rollouts r WHERE r.id = s.rollout_id)`,
      )
      .run(verifierVersion, now, jobId).changes;
    discardStaged(db, jobId);
    refreshQuestionStats(db, questionHashes, now);
    return moved;
  }).immediate();
}

export function discardStaged(db: Db, jobId: number): void {
  db.prepare(`DELETE FROM verification_staging WHERE job_id = ?`).run(jobId);
}

/** Recomputes the answer statistics of these questions over all their verdicts (every run). */
export function refreshQuestionStats(db: Db, questionHashes: Iterable<string>, now = nowIso()): void {
  const votes = db.prepare(`SELECT extracted_answer AS answer, answer_matches AS matches, gold_answer AS gold FROM rollout_verdicts WHERE question_hash = ? ORDER BY rollout_id`);
  const upsert = db.prepare(
    `INSERT OR REPLACE INTO question_answer_stats (question_hash, rollouts, answered, matching_gold, gold_answer, majority_answer, majority_votes, tie, suspect_gold, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const remove = db.prepare(`DELETE FROM question_answer_stats WHERE question_hash = ?`);
  for (const hash of questionHashes) {
    const rows = votes.all(hash) as { answer: string | null; matches: number; gold: string | null }[];
    if (rows.length === 0) {
      remove.run(hash);
      continue;
    }
    const s = summarizeAnswers(rows.map((r) => ({ answer: r.answer, matchesGold: r.matches === 1, loggedCorrect: null })));
    const gold = rows[rows.length - 1]?.gold ?? null;
    upsert.run(hash, s.total, s.answered, s.matchingGold, gold, s.majority?.answer ?? null, s.majority?.votes ?? 0, s.tie ? 1 : 0, s.suspectGold ? 1 : 0, now);
  }
}
