// Resuming an import that a crash cut short: its committed chunks stay invisible, the same import picks
// up after them without duplicates (native byte offsets; other adapters by line), a changed file or
// --restart starts over. Plus the real evaluation dump (Qwen2.5-Math, 100 prompts × 8) end to end.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fixture, FIXTURES_SKIP_REASON, hasFixtures, tempDir } from '../../../../test/temp-workspace';
import { createCore } from '../../index';
import type { Core } from '../../index';
import { questionHash } from '../../prompts/normalize';
import { writeSyntheticFile } from '../synthetic';
import { call, commitPartialImport, importRollouts } from './test-support';

const EVAL_DUMP = 'qwen25math_math_cot_100_rollouts.jsonl';

describe('rollout import resume', () => {
  let tmp: ReturnType<typeof tempDir>;
  let dbPath: string;
  let core: Core | null = null;
  beforeEach(() => {
    tmp = tempDir();
    dbPath = path.join(tmp.dir, 'ws.db');
  });
  afterEach(async () => {
    await core?.close();
    core = null;
    tmp.cleanup();
  });

  const open = () => (core = createCore({ dbPath }));
  const counts = () => {
    const db = new Database(dbPath, { readonly: true });
    try {
      return db
        .prepare(
          `SELECT (SELECT count(*) FROM rollouts) AS rows, (SELECT count(DISTINCT run_id || ':' ` +
            `|| source_line) FROM rollouts) AS distinctLines,
                  (SELECT count(*) FROM rollout_imports) AS imports, (SELECT ` +
            `group_concat(status) FROM rollout_imports) AS statuses`,
        )
        .get() as { rows: number; distinctLines: number; imports: number; statuses: string };
    } finally {
      db.close();
    }
  };
  const synthetic = (name: string, rollouts: number) => {
    const file = path.join(tmp.dir, name);
    writeSyntheticFile(file, { rollouts, tokensPerRollout: 12, groupSize: 8, rolloutsPerStep: 40, seed: 9 });
    return file;
  };

  it('keeps a cut-short import invisible, then resumes it after its last committed line', async () => {
    const file = synthetic('r.jsonl', 120);
    await commitPartialImport(dbPath, file, 50);
    const c = open();
    expect(await call(c, 'runs.list', {})).toEqual([]);
    expect(await call(c, 'rollouts.list', {})).toMatchObject({ total: 0 });
    expect((await call(c, 'stats.get', {})).rollouts).toMatchObject({ rollouts: 0, interruptedImports: 1 });

    const job = await importRollouts(c, { path: file });
    expect(job.status).toBe('done');
    expect(job.result).toMatchObject({ rollouts: 120, resumedFromLine: 50 });
    expect(counts()).toEqual({ rows: 120, distinctLines: 120, imports: 1, statuses: 'done' });

    // The statistics equal those of a fresh import of the same file.
    const [resumed] = await call(c, 'runs.list', {});
    const fresh = await importRollouts(c, { path: file, restart: true, again: true });
    expect(fresh.result).toMatchObject({ rollouts: 120, resumedFromLine: null });
    const [, again] = await call(c, 'runs.list', {});
    const strip = (r: typeof resumed) => ({ ...r, id: 0, name: '', createdAt: '' });
    expect(strip(again)).toEqual(strip(resumed));
  });

  it('starts over when the file changed since, or with restart, and drops the stale rows', async () => {
    const file = synthetic('r.jsonl', 80);
    await commitPartialImport(dbPath, file, 30);
    fs.appendFileSync(file, fs.readFileSync(file, 'utf8').split('\n')[0] + '\n');
    const c = open();
    const job = await importRollouts(c, { path: file });
    expect(job.result).toMatchObject({ rollouts: 81, resumedFromLine: null });
    expect(counts()).toEqual({ rows: 81, distinctLines: 81, imports: 1, statuses: 'done' });

    await c.close();
    core = null;
    await commitPartialImport(dbPath, file, 10);
    const c2 = open();
    const restarted = await importRollouts(c2, { path: file, restart: true, again: true });
    expect(restarted.result).toMatchObject({ rollouts: 81, resumedFromLine: null });
    expect(counts()).toMatchObject({ rows: 162, imports: 2, statuses: 'done,done' });
  });

  it.skipIf(!hasFixtures)(
    `imports the Qwen2.5-Math evaluation dump as 800 rollouts over 100 prompts with its pass ` +
      `rates, also when resumed (${hasFixtures ? 'real data' : FIXTURES_SKIP_REASON})`,
    async () => {
      const file = fixture(EVAL_DUMP);
      const lines = fs
        .readFileSync(file, 'utf8')
        .split('\n')
        .filter((l) => l.trim() !== '')
        .map((l) => JSON.parse(l) as { question: string; score: boolean[] });
      const expected = new Map(
        lines.map((l) => [questionHash(l.question), l.score.filter(Boolean).length / l.score.length]),
      );
      expect(expected.size).toBe(100);

      await commitPartialImport(dbPath, file, 37);
      const c = open();
      const job = await importRollouts(c, { path: file });
      expect(job.status).toBe('done');
      expect(job.result).toMatchObject({ rollouts: 800, format: 'eval-k', resumedFromLine: 37, unmatchedPrompts: 100 });
      const [run] = await call(c, 'runs.list', {});
      expect(run).toMatchObject({ rollouts: 800, promptCount: 100 });

      const db = new Database(dbPath, { readonly: true });
      const perPrompt = db
        .prepare(
          `SELECT question_hash AS hash, rollout_count AS n, correct_count AS correct, ` +
            `graded_count AS graded FROM run_prompts`,
        )
        .all() as { hash: string; n: number; correct: number; graded: number }[];
      db.close();
      expect(perPrompt).toHaveLength(100);
      for (const p of perPrompt) {
        expect(p.n).toBe(8);
        expect({ hash: p.hash, passRate: p.correct / p.graded }).toEqual({
          hash: p.hash,
          passRate: expected.get(p.hash),
        });
      }
      const rates = perPrompt.map((p) => p.correct / p.graded);
      expect([rates.filter((r) => r === 1).length, rates.filter((r) => r === 0).length]).toEqual([86, 4]);
    },
  );
});
