// Real data (shared fixtures): MATH-500 exported as OREAL JSONL re-imports unchanged; with the Qwen2.5-Math
// rollouts (8 graded responses per prompt) the empirical pass rate drives OREAL's 0 < p < 1 selection
// and the behaviour-cloning export picks graded-correct responses.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURES_SKIP_REASON, fixture, hasFixtures, tempDir } from '../../../test/temp-workspace';
import { importFile } from '../import/import-test-helpers';
import { createCore } from '../index';
import type { Core } from '../index';
import { unwrap } from '../curation/curation-test-kit';
import { normalizeQuestion } from '../prompts/normalize';
import { exportTo, jsonlRows } from './export-test-kit';

if (!hasFixtures) console.warn(`export-real-data.test: skipped: ${FIXTURES_SKIP_REASON}`);

interface QwenLine {
  question: string;
  gt: string;
  score: boolean[];
  code: string[];
}

describe.skipIf(!hasFixtures)(`exports of real data (skipped if ${FIXTURES_SKIP_REASON})`, () => {
  let tmp: ReturnType<typeof tempDir>;
  let core: Core;
  beforeAll(async () => {
    tmp = tempDir();
    core = createCore({ dbPath: path.join(tmp.dir, 'ws.db') });
    expect((await importFile(core, { path: fixture('math500_test.jsonl') })).status).toBe('done');
  });
  afterAll(async () => {
    await core.close();
    tmp.cleanup();
  });

  it('MATH-500 as OREAL JSONL re-imports with the same questions and answers', async () => {
    const outDir = path.join(tmp.dir, 'oreal');
    const { manifest } = await exportTo(core, { format: 'oreal-jsonl', outDir });
    expect(manifest.counts.exported).toBe(500);
    const exported = jsonlRows<{ question: string; gold_answer: string }>(path.join(outDir, 'prompts.jsonl'));
    const source = jsonlRows<{ problem: string; answer: string }>(fixture('math500_test.jsonl'));
    expect(exported.map((e) => [e.question, e.gold_answer])).toEqual(source.map((s) => [s.problem, s.answer]));
    const job = await importFile(core, { path: path.join(outDir, 'prompts.jsonl'), datasetName: 'again' });
    expect(job.result).toMatchObject({ prompts: 500 });
    const again = unwrap(
      await core.invoke('prompts.page', {
        filter: { datasetIds: [job.result?.datasetId as number] },
        sort: [{ column: 'id', direction: 'asc' }],
        limit: 500,
      }),
    );
    for (const [i, row] of again.rows.entries()) {
      const detail = unwrap(await core.invoke('prompts.get', { id: row.id }));
      expect([detail.question, detail.goldAnswer]).toEqual([source[i]?.problem, source[i]?.answer]);
    }
    unwrap(await core.invoke('datasets.delete', { id: job.result?.datasetId as number }));
  });

  it('selects 0 < p < 1 by the empirical pass rate of real rollouts, and clones correct responses', async () => {
    const lines = fs
      .readFileSync(fixture('qwen25math_math_cot_100_rollouts.jsonl'), 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l) as QwenLine);
    // The rollouts' own prompts as a prompt set (question and gold answer of each line, written to a temp file).
    const promptFile = path.join(tmp.dir, 'qwen-prompts.jsonl');
    fs.writeFileSync(promptFile, lines.map((l) => JSON.stringify({ question: l.question, answer: l.gt })).join('\n'));
    const imported = await importFile(core, { path: promptFile, datasetName: 'qwen prompts' });
    expect(imported.result).toMatchObject({ prompts: 100 });
    const filter = { datasetIds: [imported.result?.datasetId as number] };
    const { jobId } = unwrap(
      await core.invoke('import.rollouts', {
        path: fixture('qwen25math_math_cot_100_rollouts.jsonl'),
        runName: 'qwen',
      }),
    );
    expect((await core.waitForJob(jobId)).status).toBe('done');

    const rate = (l: QwenLine) => l.score.filter(Boolean).length / l.score.length;
    const byQuestion = new Map(lines.map((l) => [normalizeQuestion(l.question), l]));
    const mixed = lines.filter((l) => rate(l) > 0 && rate(l) < 1);
    expect(mixed.length).toBeGreaterThan(5);

    const outDir = path.join(tmp.dir, 'mixed');
    const { manifest } = await exportTo(core, {
      format: 'oreal-jsonl',
      filter,
      outDir,
      passRate: { source: 'empirical', min: 0, minInclusive: false, max: 1, maxInclusive: false },
    });
    const rows = jsonlRows<{ question: string; gold_answer: string; pass_rate: number }>(
      path.join(outDir, 'prompts.jsonl'),
    );
    expect(rows.map((r) => r.question)).toEqual(mixed.map((l) => l.question));
    for (const r of rows) {
      const line = byQuestion.get(normalizeQuestion(r.question)) as QwenLine;
      expect(r.pass_rate).toBeCloseTo(rate(line), 12);
      expect(r.gold_answer).toBe(line.gt);
    }
    expect(manifest.counts.excludedByPassRate).toBe(100 - mixed.length);

    const bcDir = path.join(tmp.dir, 'bc');
    const bcExport = await exportTo(core, { format: 'rollouts-jsonl', filter, outDir: bcDir });
    const bc = jsonlRows<{ question: string; response: string }>(path.join(bcDir, 'rollouts.jsonl'));
    expect(bc).toHaveLength(lines.filter((l) => rate(l) > 0).length);
    expect(bcExport.manifest.counts.withoutCorrectRollout).toBe(lines.filter((l) => rate(l) === 0).length);
    for (const row of bc) {
      const line = byQuestion.get(normalizeQuestion(row.question)) as QwenLine;
      const correct = line.code.filter((_, k) => line.score[k]);
      expect(correct).toContain(row.response);
      // The shortest correct response wins when nothing else tells them apart.
      expect(row.response.length).toBe(Math.min(...correct.map((c) => c.length)));
    }
  });
});
