// Publishing staged verdicts in batches: every batch boundary moves each verdict exactly once, a
// rollout deleted meanwhile gets none, and the touched questions' statistics come out as in one go.
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempDir } from '../../../test/temp-workspace';
import type { Db } from '../db/open';
import { openDatabase } from '../db/open';
import { createCore } from '../index';
import { insertJob, markRunning } from '../jobs/store';
import { createGoldResolver } from './gold';
import { runPromptsInScope } from './scope';
import { createStager, publishVerdicts } from './store';
import { checkRollout } from './verdict';
import type { RolloutToCheck } from './verdict';
import { EXPECTED, loadSmallWorkspace } from './verification-test-helpers';

/** Stages verdicts for every rollout the way the job does, under a new running job. */
function stageAll(db: Db): { jobId: number; hashes: Set<string> } {
  const jobId = insertJob(db, 'verify.rollouts', 'test', {});
  markRunning(db, jobId);
  const gold = createGoldResolver(db, null);
  const hashes = new Set<string>();
  const verdicts = runPromptsInScope(db, { runId: null, datasetId: null }).flatMap((rp) => {
    if (rp.questionHash !== null) hashes.add(rp.questionHash);
    const rows = db
      .prepare(
        `SELECT id, run_id AS runId, response, finish_reason AS finishReason, truncated, ` +
          `correct FROM rollouts WHERE run_prompt_id = ?`,
      )
      .all(rp.id) as Omit<RolloutToCheck, 'questionHash'>[];
    return rows.map((r) => checkRollout({ ...r, questionHash: rp.questionHash }, gold(rp.questionHash, rp.logGold)));
  });
  createStager(db, jobId)(verdicts);
  return { jobId, hashes };
}

const statsOf = (db: Db) =>
  db
    .prepare(
      `SELECT question_hash, rollouts, answered, matching_gold, majority_answer, ` +
        `majority_votes, suspect_gold FROM question_answer_stats ORDER BY question_hash`,
    )
    .all();

describe('publishVerdicts', () => {
  let tmp: ReturnType<typeof tempDir>;
  let db: Db;
  beforeEach(async () => {
    tmp = tempDir();
    const dbPath = path.join(tmp.dir, 'ws.db');
    const core = createCore({ dbPath });
    await loadSmallWorkspace(core, tmp.dir);
    await core.close();
    db = openDatabase(dbPath);
  });
  afterEach(() => {
    db.close();
    tmp.cleanup();
  });

  it('moves every staged verdict once whatever the batch sizes, with the same statistics', async () => {
    const whole = stageAll(db);
    expect(await publishVerdicts(db, whole.jobId, 'v-test', whole.hashes)).toBe(EXPECTED.rollouts);
    const statsInOneGo = statsOf(db);
    expect(statsInOneGo).toHaveLength(5);

    const batched = stageAll(db);
    expect(await publishVerdicts(db, batched.jobId, 'v-test', batched.hashes, { move: 3, stats: 2 })).toBe(
      EXPECTED.rollouts,
    );
    expect(db.prepare(`SELECT count(*) FROM rollout_verdicts WHERE job_id = ?`).pluck().get(batched.jobId)).toBe(
      EXPECTED.rollouts,
    );
    expect(db.prepare(`SELECT count(*) FROM verification_staging`).pluck().get()).toBe(0);
    expect(statsOf(db)).toEqual(statsInOneGo);
  });

  it('gives no verdict to a rollout deleted after it was checked', async () => {
    const staged = stageAll(db);
    const gone = db.prepare(`SELECT min(id) FROM rollouts`).pluck().get() as number;
    db.prepare(`DELETE FROM rollouts WHERE id = ?`).run(gone);
    expect(await publishVerdicts(db, staged.jobId, 'v-test', staged.hashes, { move: 4, stats: 1 })).toBe(
      EXPECTED.rollouts - 1,
    );
    expect(db.prepare(`SELECT count(*) FROM rollout_verdicts WHERE rollout_id = ?`).pluck().get(gone)).toBe(0);
    expect(db.prepare(`SELECT count(*) FROM verification_staging`).pluck().get()).toBe(0);
  });
});
