// The verification job end to end on a real workspace file: a small self-written prompt set and
// rollout log whose verdicts are known by construction, re-runs, scopes, cancel and crash recovery.
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempDir } from '../../../test/temp-workspace';
import type { Job } from '../../shared/domain';
import { openDatabase } from '../db/open';
import { createCore } from '../index';
import type { Core } from '../index';
import { insertJob, markRunning } from '../jobs/store';
import { VERIFIER_VERSION } from '../answer-check/index';
import { call, EXPECTED, finished, loadSmallWorkspace, logLines, writeRolloutLog } from './verification-test-helpers';
import { VERIFY_JOB_KIND } from './verify-job';

function count(dbPath: string, sql: string): number {
  const db = new Database(dbPath, { readonly: true });
  try {
    return (db.prepare(sql).get() as { n: number }).n;
  } finally {
    db.close();
  }
}

describe('verification job', () => {
  let tmp: ReturnType<typeof tempDir>;
  let dbPath: string;
  let core: Core;
  let ids: { datasetId: number; runId: number };
  beforeEach(async () => {
    tmp = tempDir();
    dbPath = path.join(tmp.dir, 'ws.db');
    core = createCore({ dbPath });
    ids = await loadSmallWorkspace(core, tmp.dir);
  });
  afterEach(async () => {
    await core.close();
    tmp.cleanup();
  });

  it('re-checks every rollout of a run and counts agreement in each direction', async () => {
    const progress: string[] = [];
    const off = core.on('job.updated', (job: Job) => {
      if (job.kind === VERIFY_JOB_KIND && job.status === 'running' && job.progress) {
        const { phase, rows, bytesDone, bytesTotal } = job.progress;
        progress.push(`${phase}: ${rows}/${bytesDone === bytesTotal ? 'all' : 'some'}`);
      }
    });
    const job = await finished(core, await core.invoke('verify.start', { runId: ids.runId }));
    off();
    expect(job.title).toBe('Verify answers: run "small-run"');
    expect(job.result).toMatchObject({
      ...EXPECTED,
      verified: EXPECTED.rollouts,
      verifiedNow: EXPECTED.rollouts,
      recheckCorrect: 5,
      suspectGold: 1,
      staleVersion: 0,
      verifierVersion: VERIFIER_VERSION,
    });
    expect(job.result?.suspectGoldExamples).toEqual([
      expect.objectContaining({
        goldAnswer: '12',
        majorityAnswer: '15',
        majorityVotes: 5,
        rollouts: 5,
        question: 'What is three times five?',
      }),
    ]);
    expect(progress).toEqual([
      'Verifying answers (run "small-run"): 0/some',
      `Verifying answers (run "small-run"): ${EXPECTED.rollouts}/all`,
      `Saving verdicts: ${EXPECTED.rollouts}/all`,
      `Done: ${EXPECTED.rollouts}/all`,
    ]);
    expect(count(dbPath, 'SELECT count(*) AS n FROM verification_staging')).toBe(0);

    const summary = await call(core, 'verify.summary', { runId: ids.runId });
    expect(summary).toMatchObject({ ...EXPECTED, verified: EXPECTED.rollouts });
    expect(summary.byRule).toEqual({ boxed: EXPECTED.rollouts - 1, none: 1 });
    expect(Object.values(summary.byStage).reduce((a, b) => a + b, 0)).toBe(EXPECTED.rollouts);
  });

  it('stores each verdict with its rule, stage, reason, gold answer and its source', async () => {
    await finished(core, await core.invoke('verify.start', { runId: ids.runId }));
    const { rows, total } = await call(core, 'verify.rollouts', { runId: ids.runId, limit: 100 });
    expect(total).toBe(EXPECTED.rollouts);
    const byResponse = new Map(rows.map((r, i) => [logLines()[i]?.response, r]));
    expect(byResponse.get('So the answer is \\boxed{\\frac{1}{2}}.')?.verdict).toMatchObject({
      extractedAnswer: '\\frac{1}{2}',
      rule: 'boxed',
      equivalent: true,
      stage: 'exact',
      goldAnswer: '\\frac{1}{2}',
      goldSource: 'prompt',
      agreement: 'loggedWrongRecheckRight',
      verifierVersion: VERIFIER_VERSION,
    });
    expect(byResponse.get('Adding, the total is \\boxed{7}')?.verdict).toMatchObject({
      truncated: true,
      equivalent: false,
      answerMatches: true,
      agreement: 'agree',
      reason: expect.stringMatching(/^truncated/),
    });
    expect(byResponse.get('I cannot tell.')?.verdict).toMatchObject({
      extractedAnswer: null,
      rule: 'none',
      equivalent: false,
    });
    expect(byResponse.get('One root is \\boxed{1}.')?.verdict).toMatchObject({
      equivalent: false,
      agreement: 'loggedCorrectRecheckWrong',
      goldSource: 'prompt',
    });
    expect(byResponse.get('It is \\boxed{9}.')?.verdict).toMatchObject({
      equivalent: true,
      goldAnswer: '9',
      goldSource: 'log',
    });
  });

  it('a second run replaces verdicts rather than adding, and a dataset scope covers only its prompts', async () => {
    await finished(core, await core.invoke('verify.start', { runId: ids.runId }));
    const again = await finished(core, await core.invoke('verify.start', { datasetId: ids.datasetId }));
    expect(again.title).toBe('Verify answers: dataset "prompts"');
    // The stray rollout answers no prompt of the dataset.
    expect(again.result).toMatchObject({
      rollouts: EXPECTED.rollouts - 1,
      verifiedNow: EXPECTED.rollouts - 1,
      agree: EXPECTED.agree - 1,
    });
    expect(count(dbPath, 'SELECT count(*) AS n FROM rollout_verdicts')).toBe(EXPECTED.rollouts);
    const all = await finished(core, await core.invoke('verify.start', {}));
    expect(all.title).toBe('Verify answers: all runs');
    expect(all.result).toMatchObject({ rollouts: EXPECTED.rollouts, verified: EXPECTED.rollouts });
  });

  it('checks against a corrected gold answer once a curator sets one', async () => {
    const twelve = (await call(core, 'prompts.page', { filter: { search: 'three times five' } })).rows[0]?.id as number;
    await call(core, 'prompts.setGoldAnswer', { promptId: twelve, goldAnswer: '15', annotator: 'ann' });
    const job = await finished(core, await core.invoke('verify.start', { runId: ids.runId }));
    // The five "15" rollouts are now right, but the log graded them wrong.
    expect(job.result).toMatchObject({
      suspectGold: 0,
      loggedWrongRecheckRight: EXPECTED.loggedWrongRecheckRight + 5,
      agree: EXPECTED.agree - 5,
    });
    const rows = (await call(core, 'verify.rollouts', { promptId: twelve })).rows;
    expect(rows.map((r) => r.verdict?.goldSource)).toEqual(new Array(5).fill('correction'));
  });

  it('refuses an unknown run or dataset before starting a job', async () => {
    expect(await core.invoke('verify.start', { runId: 999 })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
    expect(await core.invoke('verify.start', { datasetId: 999 })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
    expect((await call(core, 'jobs.list', {})).filter((j) => j.kind === VERIFY_JOB_KIND)).toEqual([]);
  });
});

describe('verification job: big prompts, cancel and crash', () => {
  let tmp: ReturnType<typeof tempDir>;
  let dbPath: string;
  let core: Core;
  beforeEach(() => {
    tmp = tempDir();
    dbPath = path.join(tmp.dir, 'ws.db');
    core = createCore({ dbPath });
  });
  afterEach(async () => {
    await core.close();
    tmp.cleanup();
  });

  it('reads one prompt sampled thousands of times in pages of 2,000 rollouts', async () => {
    const lines = Array.from({ length: 4500 }, (_, i) => ({
      question: 'One prompt, every step: what is 6 times 7?',
      gold: '42',
      response: `\\boxed{${i % 10 === 0 ? 41 : 42}}`,
      reward: 1,
    }));
    await finished(
      core,
      await core.invoke('import.rollouts', { path: writeRolloutLog(tmp.dir, lines, 'one.jsonl', 'one') }),
    );
    const rows: number[] = [];
    const off = core.on('job.updated', (job: Job) => {
      if (job.kind === VERIFY_JOB_KIND && job.status === 'running' && job.progress?.phase.startsWith('Verifying'))
        rows.push(job.progress.rows);
    });
    const job = await finished(core, await core.invoke('verify.start', {}));
    off();
    expect(rows).toEqual([0, 2000, 4000, 4500]);
    expect(job.result).toMatchObject({ verified: 4500, loggedCorrectRecheckWrong: 450, agree: 4050, suspectGold: 0 });
  });

  it('a cancelled job keeps the earlier verdicts and leaves nothing staged', async () => {
    // 6,000 rollouts: three chunks, so the cancel lands after one chunk was staged.
    const lines = Array.from({ length: 6000 }, (_, i) => ({
      question: `Question ${i % 300}: what is ${i % 300}?`,
      gold: String(i % 300),
      response: `\\boxed{${i % 7 === 0 ? i : i % 300}}`,
      reward: 1,
    }));
    await finished(
      core,
      await core.invoke('import.rollouts', { path: writeRolloutLog(tmp.dir, lines, 'many.jsonl', 'big') }),
    );
    const first = await finished(core, await core.invoke('verify.start', {}));
    const verdictsBefore = count(dbPath, `SELECT count(*) AS n FROM rollout_verdicts`);
    const stampBefore = count(dbPath, `SELECT count(*) AS n FROM rollout_verdicts WHERE job_id = ${first.id}`);
    expect(verdictsBefore).toBe(6000);
    expect(stampBefore).toBe(6000);

    let stagedWhenCancelled = -1;
    const off = core.on('job.updated', (job: Job) => {
      if (
        job.kind === VERIFY_JOB_KIND &&
        job.id !== first.id &&
        job.status === 'running' &&
        (job.progress?.rows ?? 0) > 0 &&
        stagedWhenCancelled < 0
      ) {
        stagedWhenCancelled = count(dbPath, `SELECT count(*) AS n FROM verification_staging WHERE job_id = ${job.id}`);
        void core.invoke('jobs.cancel', { id: job.id });
      }
    });
    const second = await core.waitForJob((await call(core, 'verify.start', {})).jobId);
    off();
    expect(stagedWhenCancelled).toBeGreaterThan(0);
    expect(stagedWhenCancelled).toBeLessThan(6000);
    expect(second.status).toBe('cancelled');
    expect(count(dbPath, 'SELECT count(*) AS n FROM verification_staging')).toBe(0);
    expect(count(dbPath, `SELECT count(*) AS n FROM rollout_verdicts WHERE job_id = ${first.id}`)).toBe(6000);
  });

  it('after a crash while publishing, recovery keeps the published verdicts and refreshes the statistics', async () => {
    const ids = await loadSmallWorkspace(core, tmp.dir);
    await finished(core, await core.invoke('verify.start', { runId: ids.runId }));
    expect(count(dbPath, 'SELECT count(*) AS n FROM question_answer_stats WHERE suspect_gold = 1')).toBe(1);
    await core.close();
    // What a crash after the first publishing batch leaves: the "twelve" rollouts re-checked against a
    // corrected gold answer (published, statistics not refreshed yet) and more verdicts still staged.
    const db = openDatabase(dbPath);
    const jobId = insertJob(db, VERIFY_JOB_KIND, 'Verify answers: all runs', { runId: null, datasetId: null });
    markRunning(db, jobId);
    const published = db
      .prepare(
        `UPDATE rollout_verdicts SET job_id = ?, equivalent = 1, answer_matches = 1, ` +
          `gold_answer = '15' WHERE gold_answer = '12'`,
      )
      .run(jobId).changes;
    db.prepare(
      `INSERT INTO verification_staging (job_id, rollout_id, run_id, rule, truncated, ` +
        `equivalent, answer_matches, stage, reason, gold_source, agreement)
       SELECT ?, rollout_id, run_id, 'none', 0, 0, 0, 'none', 'x', 'none', 'ungraded' FROM ` +
        `rollout_verdicts WHERE job_id != ?`,
    ).run(jobId, jobId);
    db.close();
    expect(published).toBe(5);

    core = createCore({ dbPath });
    expect(await call(core, 'jobs.get', { id: jobId })).toMatchObject({ status: 'failed' });
    expect(count(dbPath, 'SELECT count(*) AS n FROM verification_staging')).toBe(0);
    expect(count(dbPath, `SELECT count(*) AS n FROM rollout_verdicts WHERE job_id = ${jobId}`)).toBe(5);
    expect(count(dbPath, 'SELECT count(*) AS n FROM question_answer_stats WHERE suspect_gold = 1')).toBe(0);
    expect(count(dbPath, `SELECT matching_gold AS n FROM question_answer_stats WHERE gold_answer = '15'`)).toBe(5);
  });

  it('a job interrupted by a crash is rolled back when the workspace opens again', async () => {
    await core.close();
    const db = openDatabase(dbPath);
    const jobId = insertJob(db, VERIFY_JOB_KIND, 'Verify answers: all runs', { runId: null, datasetId: null });
    markRunning(db, jobId);
    db.prepare(
      `INSERT INTO verification_staging (job_id, rollout_id, run_id, rule, truncated, ` +
        `equivalent, answer_matches, stage, reason, gold_source, agreement) VALUES (?, 1, 1, ` +
        `'none', 0, 0, 0, 'none', 'x', 'none', 'ungraded')`,
    ).run(jobId);
    db.close();
    core = createCore({ dbPath });
    expect(await call(core, 'jobs.get', { id: jobId })).toMatchObject({ status: 'failed' });
    expect(count(dbPath, 'SELECT count(*) AS n FROM verification_staging')).toBe(0);
  });
});
