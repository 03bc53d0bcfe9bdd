// The rollout import job through core (in-process runner), on small self-written native files: joins to
// prompts by question hash and by id, per-prompt / per-step / per-run statistics, bad-line policies,
// cancel, folders of step files.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempDir } from '../../../../test/temp-workspace';
import { createCore } from '../../index';
import type { Core } from '../../index';
import { writeSyntheticFile } from '../synthetic';
import { call, importRollouts, writeLines } from './test-support';

const Q = ['What is $1+1$?', 'Compute $\\frac{6}{3}$.', 'Find $x$ if $x^2 = 9$ and $x > 0$.'];
const TOKENS = ['The', ' answer', ' is', ' $', '2', '$', '.'];

function rollout(fields: Record<string, unknown>) {
  return {
    response: TOKENS.join(''),
    tokens: TOKENS,
    signals: { rm_logit: [0.5, 0.2, -0.1, 0.3, 1.5, 0.4, 0.2] },
    ...fields,
  };
}

describe('rollout import job', () => {
  let tmp: ReturnType<typeof tempDir>;
  let core: Core;
  let dbPath: string;
  beforeEach(() => {
    tmp = tempDir();
    dbPath = path.join(tmp.dir, 'ws.db');
    core = createCore({ dbPath });
  });
  afterEach(async () => {
    await core.close();
    tmp.cleanup();
  });

  async function importPrompts(): Promise<number[]> {
    const file = writeLines(
      path.join(tmp.dir, 'prompts.jsonl'),
      Q.map((question, i) => ({ id: `p${i}`, question, answer: '2' })),
    );
    const { jobId } = await call(core, 'import.prompts', { path: file });
    expect((await core.waitForJob(jobId)).status).toBe('done');
    const page = await call(core, 'prompts.page', { sort: [{ column: 'id', direction: 'asc' }] });
    return page.rows.map((r) => r.id);
  }

  it(
    'joins prompts by normalised question and by id, and keeps per-prompt, per-step and ' + 'per-run statistics',
    async () => {
      const [p0, p1] = await importPrompts();
      const file = writeLines(path.join(tmp.dir, 'run.jsonl'), [
        // Prompt 0 by question (different whitespace), 2 steps; prompt 1 by id only; one unknown prompt.
        rollout({ run: 'exp', step: 0, question: `  What is   $1+1$?\n`, reward: 1, group_id: 'a', sample_index: 0 }),
        rollout({
          run: 'exp',
          step: 0,
          question: Q[0],
          reward: 0,
          group_id: 'a',
          sample_index: 1,
          finish_reason: 'length',
          response: 'The answer',
          tokens: ['The', ' answer'],
          signals: {},
        }),
        rollout({ run: 'exp', step: 1, question: Q[0], reward: 1 }),
        rollout({ run: 'exp', step: 1, prompt_id: 'p1', reward: -1, system: 'Think step by step.' }),
        rollout({ run: 'exp', step: 1, question: 'A question no prompt set has.', reward: true }),
      ]);
      const job = await importRollouts(core, { path: file });
      expect(job.status).toBe('done');
      expect(job.result).toMatchObject({ rollouts: 5, badRows: 0, unmatchedPrompts: 1, format: 'native' });

      const [run] = await call(core, 'runs.list', {});
      expect(run).toMatchObject({
        name: 'exp',
        rollouts: 5,
        graded: 5,
        correct: 3,
        promptCount: 3,
        unmatchedPromptCount: 1,
        systemPrompt: 'Think step by step.',
      });
      expect(run?.passRate).toBeCloseTo(3 / 5, 9);
      expect(run?.truncationRate).toBeCloseTo(1 / 5, 9);
      expect(run?.steps.map((s) => [s.step, s.rollouts, s.passRate, s.rewardMean])).toEqual([
        [0, 2, 0.5, 0.5],
        [1, 3, 2 / 3, 1 / 3],
      ]);
      expect(run?.signals).toEqual([{ name: 'rm_logit', rollouts: 4 }]);

      const unmatched = await call(core, 'runs.unmatchedPrompts', { runId: run?.id as number });
      expect(unmatched.rows.map((u) => [u.question, u.rollouts])).toEqual([['A question no prompt set has.', 1]]);

      const stats = await call(core, 'prompts.stats', { promptId: p0 as number });
      expect([stats.rollouts, stats.passRate, stats.truncationRate]).toEqual([3, 2 / 3, 1 / 3]);
      expect(stats.meanResponseChars).toBeCloseTo((2 * TOKENS.join('').length + 'The answer'.length) / 3, 9);
      expect(stats.runs[0]?.steps.map((s) => [s.step, s.rollouts, s.passRate])).toEqual([
        [0, 2, 0.5],
        [1, 1, 1],
      ]);
      expect((await call(core, 'prompts.stats', { promptId: p1 as number })).passRate).toBe(0);

      const list = await call(core, 'rollouts.list', { promptId: p0 as number });
      expect(list.total).toBe(3);
      expect(list.rows.every((r) => r.promptId === p0)).toBe(true);
      const detail = await call(core, 'rollouts.get', { id: list.rows[0]?.id as number });
      expect(detail.response).toBe(TOKENS.join(''));
      expect(detail.tokens).toEqual({ count: 7, starts: [0, 3, 10, 13, 15, 16, 17], texts: null });
      expect(detail.signals.map((s) => [s.name, s.derived])).toEqual([
        ['rm_logit', false],
        ['rm_prob', true],
        ['is_weight', true],
      ]);
      expect(detail.signals[0]?.values[4]).toBeCloseTo(1.5, 6);
      expect(detail.sourceFile).toBe(file);
      expect(detail.sourceLine).toBe(1);

      const ws = await call(core, 'stats.get', {});
      expect(ws.rollouts).toMatchObject({
        runs: 1,
        steps: 2,
        rollouts: 5,
        runPrompts: 3,
        unmatchedPrompts: 1,
        interruptedImports: 0,
      });
    },
  );

  it('skips bad lines with their line and reason, or aborts keeping nothing', async () => {
    const file = writeLines(path.join(tmp.dir, 'bad.jsonl'), [
      rollout({ question: Q[0], reward: 1 }),
      rollout({ question: Q[0], reward: 'yes' }),
      rollout({ question: Q[1], signals: { rm_logit: [1, 2] } }),
      '{"question": "q", "response": "x", "reward": NaN}',
      rollout({ question: Q[2] }),
    ]);
    const skipped = await importRollouts(core, { path: file, onBadRecord: 'skip' });
    expect(skipped.status).toBe('done');
    expect(skipped.result).toMatchObject({ rollouts: 2, badRows: 3 });
    expect(skipped.issues.map((i) => [i.file, i.line, i.field])).toEqual([
      ['bad.jsonl', 2, 'reward'],
      ['bad.jsonl', 3, 'signals.rm_logit'],
      ['bad.jsonl', 4, 'reward'],
    ]);
    expect(skipped.issues[2]?.message).toBe('reward must be a number or a boolean, got NaN');

    const aborted = await importRollouts(core, { path: file, runName: 'second', again: true });
    expect(aborted.status).toBe('failed');
    expect(aborted.error).toMatchObject({ code: 'PARSE_ERROR' });
    expect(aborted.error?.message).toMatch(/^bad\.jsonl: line 2 \(reward\): reward must be/);
    expect((await call(core, 'runs.list', {})).map((r) => r.rollouts)).toEqual([2]);
    const db = new Database(dbPath, { readonly: true });
    expect(db.prepare(`SELECT count(*) AS n FROM rollouts`).get()).toEqual({ n: 2 });
    expect(db.prepare(`SELECT count(*) AS n FROM rollout_imports`).get()).toEqual({ n: 1 });
    db.close();
  });

  it('cancels after committed chunks and removes them', async () => {
    const file = path.join(tmp.dir, 'big.jsonl');
    // ~25 MB: several 4 MB blocks, so chunks commit before the end.
    writeSyntheticFile(file, { rollouts: 3000, tokensPerRollout: 300, groupSize: 8, rolloutsPerStep: 1000, seed: 5 });
    const { jobId } = await call(core, 'import.rollouts', { path: file });
    let sawCommit = false;
    const stop = core.on('job.updated', (job) => {
      if (job.id === jobId && !sawCommit && (job.progress?.rows ?? 0) > 0) {
        sawCommit = true;
        void core.invoke('jobs.cancel', { id: jobId });
      }
    });
    const job = await core.waitForJob(jobId);
    stop();
    expect(sawCommit).toBe(true);
    expect(job.status).toBe('cancelled');
    const db = new Database(dbPath, { readonly: true });
    expect(
      db
        .prepare(
          `SELECT (SELECT count(*) FROM rollouts) AS rollouts, (SELECT count(*) FROM runs) AS ` +
            `runs, (SELECT count(*) FROM rollout_imports) AS imports`,
        )
        .get(),
    ).toEqual({ rollouts: 0, runs: 0, imports: 0 });
    db.close();
  });

  it('imports a folder of step files as one run, steps from the file names', async () => {
    const dir = path.join(tmp.dir, 'trajectories');
    fs.mkdirSync(dir);
    for (const [name, n] of [
      ['step.10.jsonl', 1],
      ['step.2.jsonl', 2],
      ['step.1.jsonl', 3],
    ] as const) {
      writeLines(
        path.join(dir, name),
        Array.from({ length: n }, (_, i) => rollout({ question: Q[i % 3], reward: i % 2 })),
      );
    }
    fs.writeFileSync(path.join(dir, 'step.1.log'), 'not a rollout file');
    const job = await importRollouts(core, { path: dir });
    expect(job.status).toBe('done');
    expect(job.result).toMatchObject({ rollouts: 6, files: 3 });
    const [run] = await call(core, 'runs.list', {});
    expect(run?.name).toBe('trajectories');
    expect(run?.steps.map((s) => [s.step, s.rollouts])).toEqual([
      [1, 3],
      [2, 2],
      [10, 1],
    ]);
    // Importing the same files again is refused unless asked; then it makes a second run with a name of its own.
    await expect(call(core, 'import.rollouts', { path: dir })).rejects.toThrow(
      /CONFLICT trajectories was already imported/,
    );
    await importRollouts(core, { path: dir, again: true });
    expect((await call(core, 'runs.list', {})).map((r) => r.name)).toEqual(['trajectories', 'trajectories (2)']);
  });
});
