// Imports of the real prompt sets in ../shared/fixtures, checked against the files themselves; skipped when absent.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURES_SKIP_REASON, fixture, hasFixtures, tempDir } from '../../../test/temp-workspace';
import type { PromptRow } from '../../shared/domain';
import { createCore } from '../index';
import type { Core } from '../index';
import { importFile, unwrap } from './import-test-helpers';

if (!hasFixtures) console.warn(`prompt import real-data tests skipped: ${FIXTURES_SKIP_REASON}`);

/** The fixture's lines, parsed, with the raw text kept (to read number literals as written). */
function fixtureRecords(name: string): { raw: string; value: Record<string, unknown> }[] {
  return fs
    .readFileSync(fixture(name), 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((raw) => ({ raw, value: JSON.parse(raw) as Record<string, unknown> }));
}

describe.skipIf(!hasFixtures)(
  `prompt import of the real prompt sets in shared/fixtures (skipped when absent: ${FIXTURES_SKIP_REASON})`,
  () => {
    let tmp: ReturnType<typeof tempDir>;
    let core: Core;
    beforeAll(() => {
      tmp = tempDir();
      core = createCore({ dbPath: path.join(tmp.dir, 'ws.db') });
    });
    afterAll(async () => {
      await core.close();
      tmp.cleanup();
    });

    async function importFixture(name: string): Promise<{ datasetId: number; rows: PromptRow[] }> {
      const preview = unwrap(await core.invoke('import.preview', { path: fixture(name) }));
      expect(preview.issues).toEqual([]);
      const job = await importFile(core, { path: fixture(name), mapping: preview.mapping });
      expect(job.error).toBeNull();
      const datasetId = (job.result as { datasetId: number }).datasetId;
      const rows: PromptRow[] = [];
      for (let offset = 0; ; offset += 1000) {
        const page = unwrap(
          await core.invoke('prompts.page', {
            filter: { datasetIds: [datasetId] },
            sort: [{ column: 'id', direction: 'asc' }],
            offset,
            limit: 1000,
          }),
        );
        rows.push(...page.rows);
        if (rows.length >= page.total) break;
      }
      return { datasetId, rows };
    }

    it('MATH-500: 500 prompts, answers and subjects as in the file, 41 in Geometry', async () => {
      const records = fixtureRecords('math500_test.jsonl');
      const { datasetId, rows } = await importFixture('math500_test.jsonl');
      expect(rows).toHaveLength(500);
      expect(rows.map((r) => [r.sourceId, r.goldAnswer, r.subject, r.level])).toEqual(
        records.map(({ value: v }) => [v.unique_id, v.answer, v.subject, v.level]),
      );
      const geometry = unwrap(
        await core.invoke('prompts.page', { filter: { datasetIds: [datasetId], subjects: ['Geometry'] } }),
      );
      expect(geometry.total).toBe(41);
      expect(geometry.total).toBe(records.filter((r) => r.value.subject === 'Geometry').length);
      const detail = unwrap(await core.invoke('prompts.get', { id: rows[0]?.id ?? 0 }));
      expect(detail.extra.solution).toBe(records[0]?.value.solution);
    });

    it('AIME 2024: 30 prompts with their string answers', async () => {
      const records = fixtureRecords('aime2024_test.jsonl');
      const { rows } = await importFixture('aime2024_test.jsonl');
      expect(rows).toHaveLength(30);
      expect(rows.map((r) => [r.sourceId, r.goldAnswer])).toEqual(
        records.map(({ value: v }) => [String(v.id), v.answer]),
      );
    });

    it('AMC 2023: 40 prompts, numeric answers kept as written (27.0)', async () => {
      const records = fixtureRecords('amc2023_test.jsonl');
      const { rows } = await importFixture('amc2023_test.jsonl');
      expect(rows).toHaveLength(40);
      const literals = records.map((r) => /"answer":\s*([-0-9.eE+]+)/.exec(r.raw)?.[1]);
      expect(rows.map((r) => r.goldAnswer)).toEqual(literals);
      expect(rows[0]?.goldAnswer).toBe('27.0');
      const detail = unwrap(await core.invoke('prompts.get', { id: rows[0]?.id ?? 0 }));
      expect(detail).toMatchObject({ goldAnswer: '27.0', goldAnswerRaw: 27, goldAnswerNormalized: '27' });
    });

    it('GSM8K: 1,319 prompts with the number after #### as gold answer and the solution in extra', async () => {
      const records = fixtureRecords('gsm8k_test.jsonl');
      const { rows } = await importFixture('gsm8k_test.jsonl');
      expect(rows).toHaveLength(1319);
      const finals = records.map(({ value }) => (value.answer as string).split('#### ').pop()?.trim());
      expect(rows.map((r) => r.goldAnswer)).toEqual(finals);
      for (const i of [0, 700, 1318]) {
        const detail = unwrap(await core.invoke('prompts.get', { id: rows[i]?.id ?? 0 }));
        expect(detail.extra).toEqual({ answer: records[i]?.value.answer });
      }
    });

    it(
      'Qwen2.5-Math rollouts file as a prompt set: 100 prompts, "Level N" levels, `answer` ' + 'preferred over `gt`',
      async () => {
        const records = fixtureRecords('qwen25math_math_cot_100_rollouts.jsonl');
        const { rows } = await importFixture('qwen25math_math_cot_100_rollouts.jsonl');
        expect(rows.map((r) => [r.sourceId, r.goldAnswer, r.level])).toEqual(
          records.map(({ value: v }) => [String(v.idx), v.answer, Number(String(v.level).replace('Level ', ''))]),
        );
        const detail = unwrap(await core.invoke('prompts.get', { id: rows[0]?.id ?? 0 }));
        expect(detail.extra.gt).toBe(records[0]?.value.gt);
      },
    );

    it('math-aps samples: question and final_answer', async () => {
      const records = fixtureRecords('math_aps_samples.jsonl');
      const { rows } = await importFixture('math_aps_samples.jsonl');
      expect(rows.map((r) => [r.question.slice(0, 100), r.goldAnswer])).toEqual(
        records.map(({ value: v }) => [(v.question as string).slice(0, 100), v.final_answer]),
      );
    });

    it('files that are not prompt sets are refused with the columns they have', async () => {
      const csv = await core.invoke('import.prompts', { path: fixture('math_verify_model_outputs.csv') });
      expect(csv).toMatchObject({
        ok: false,
        error: { code: 'MISSING_FIELD', message: expect.stringMatching(/columns: answer, gold/) },
      });
      const prm = await core.invoke('import.prompts', { path: fixture('prm800k_samples.jsonl') });
      expect(prm).toMatchObject({ ok: false, error: { code: 'MISSING_FIELD' } });
    });
  },
);
