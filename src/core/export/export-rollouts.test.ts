// Exports that use rollouts: the empirical pass rate (correct / graded over a prompt's rollouts) and the
// behaviour-cloning JSONL (the best correct response per prompt).
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../../../test/temp-workspace';
import { importFile, jsonl, simplePrompts, writeFile } from '../import/import-test-helpers';
import { createCore } from '../index';
import type { Core } from '../index';
import { idsOf, importRollouts, labelId, unwrap } from '../curation/curation-test-kit';
import { exportTo, jsonlRows } from './export-test-kit';

describe('exports from rollouts', () => {
  let tmp: ReturnType<typeof tempDir>;
  let core: Core;
  let prompts: number[];
  const questions = simplePrompts(4).map((p, i) => ({ ...p, pass_rate: [0.5, 0.25, null, 1][i] }));
  const q = (i: number) => questions[i]?.question as string;
  beforeAll(async () => {
    tmp = tempDir();
    core = createCore({ dbPath: path.join(tmp.dir, 'ws.db') });
    await importFile(core, { path: writeFile(tmp.dir, 'set.jsonl', jsonl(questions)) });
    prompts = await idsOf(core);
    // Prompt 0: 3 of 4 correct, a long and a short correct one; prompt 1: none correct; prompt 2: 1 of 2,
    // truncated; prompt 3: no rollouts.
    await importRollouts(core, tmp.dir, [
      { question: q(0), gold: '0', response: 'a long but correct derivation that ends with 0', reward: 1 },
      { question: q(0), gold: '0', response: 'short: 0', reward: 1 },
      { question: q(0), gold: '0', response: 'medium length answer: 0', reward: 1 },
      { question: q(0), gold: '0', response: 'wrong: 5', reward: 0 },
      { question: q(1), gold: '1', response: 'wrong: 2', reward: 0 },
      { question: q(2), gold: '2', response: 'cut off answer 2', reward: 1, truncated: true },
      { question: q(2), gold: '2', response: 'wrong 3', reward: 0 },
    ]);
  });
  afterAll(async () => {
    await core.close();
    tmp.cleanup();
  });

  it('takes the empirical pass rate when asked, falling back to the dataset in auto mode', async () => {
    const read = async (name: string, source: 'auto' | 'empirical' | 'dataset') => {
      const outDir = path.join(tmp.dir, 'out', name);
      await exportTo(core, {
        format: 'jsonl',
        outDir,
        columns: ['id', 'pass_rate', 'empirical_pass_rate', 'dataset_pass_rate', 'graded_rollouts'],
        passRate: { source },
      });
      return jsonlRows<{
        pass_rate: number | null;
        empirical_pass_rate: number | null;
        dataset_pass_rate: number | null;
        graded_rollouts: number;
      }>(path.join(outDir, 'prompts.jsonl'));
    };
    const empirical = await read('empirical', 'empirical');
    expect(empirical.map((r) => r.pass_rate)).toEqual([0.75, 0, 0.5, null]);
    expect(empirical.map((r) => r.graded_rollouts)).toEqual([4, 1, 2, 0]);
    expect((await read('dataset', 'dataset')).map((r) => r.pass_rate)).toEqual([0.5, 0.25, null, 1]);
    expect((await read('auto', 'auto')).map((r) => r.pass_rate)).toEqual([0.75, 0, 0.5, 1]);
  });

  it('writes the best correct rollout per prompt for behaviour cloning', async () => {
    const outDir = path.join(tmp.dir, 'out', 'bc');
    const { manifest } = await exportTo(core, { format: 'rollouts-jsonl', outDir });
    const rows = jsonlRows<{ prompt_id: number; response: string; question: string; rollout_id: number; run: string }>(
      path.join(outDir, 'rollouts.jsonl'),
    );
    // Prompt 0: the shortest correct response; prompt 2: its only correct one (truncated, still correct).
    expect(rows.map((r) => [r.prompt_id, r.response])).toEqual([
      [prompts[0], 'short: 0'],
      [prompts[2], 'cut off answer 2'],
    ]);
    expect(rows[0]).toMatchObject({ question: q(0), run: 'tiny' });
    expect(manifest.counts).toMatchObject({ exported: 2, withoutCorrectRollout: 2 });
    expect(manifest.files[0]?.rows).toBe(2);

    // An exemplar label wins over length; an excluded label disqualifies a rollout.
    const rollouts = unwrap(await core.invoke('rollouts.list', { promptId: prompts[0] as number })).rows;
    const longOne = rollouts.find((r) => r.preview.startsWith('a long'))?.id as number;
    const shortOne = rollouts.find((r) => r.preview.startsWith('short'))?.id as number;
    unwrap(
      await core.invoke('labels.toggle', {
        item: { target: 'rollout', id: longOne },
        labelId: await labelId(core, 'rollout', 'exemplar'),
      }),
    );
    const hacking = await labelId(core, 'rollout', 'reward hacking');
    unwrap(await core.invoke('labels.toggle', { item: { target: 'rollout', id: shortOne }, labelId: hacking }));
    const again = path.join(tmp.dir, 'out', 'bc2');
    await exportTo(core, { format: 'rollouts-jsonl', outDir: again, excludeLabelIds: [hacking] });
    expect(jsonlRows<{ rollout_id: number }>(path.join(again, 'rollouts.jsonl'))[0]?.rollout_id).toBe(longOne);
  });
});
