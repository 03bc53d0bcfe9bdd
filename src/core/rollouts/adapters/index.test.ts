import fs from 'node:fs';
import path from 'node:path';
import { parquetWriteBuffer } from 'hyparquet-writer';
import { afterAll, describe, expect, it } from 'vitest';
import { CuratorError } from '../../../shared/errors';
import { tempDir } from '../../../../test/temp-workspace';
import { ROLLOUT_ADAPTERS, detectAdapter, findAdapter, rankAdapters } from './index';
import { chatMl, writeJsonl, writeText } from './testing';

const tmp = tempDir();
afterAll(() => tmp.cleanup());

function trlParquet(name: string): string {
  const buffer = parquetWriteBuffer({
    columnData: [
      { name: 'step', data: ['1'] },
      { name: 'prompt', data: ['Q'] },
      { name: 'completion', data: ['A'] },
      { name: 'accuracy_reward', data: [1], type: 'DOUBLE' },
      { name: 'advantage', data: [0], type: 'DOUBLE' },
    ],
  });
  const file = path.join(tmp.dir, name);
  fs.writeFileSync(file, Buffer.from(buffer));
  return file;
}

const SAMPLES: Record<string, () => string> = {
  oreal: () =>
    writeJsonl(tmp.dir, 'step.0.jsonl', [
      { sequence: chatMl('S', 'Q', 'A'), num_tokens: 3, judger_reward: 1, judger_advantage: 0 },
    ]),
  verl: () =>
    writeJsonl(tmp.dir, '5.jsonl', [{ input: 'user\nQ\nassistant\n', output: 'A', gts: '1', score: 1, step: 5 }]),
  trl: () => trlParquet('completions_00001.parquet'),
  xtuner: () => {
    const header = JSON.stringify({ reward_mean: 1, total_len: 1 }, null, 2);
    const rollout = JSON.stringify({ prompt: 'Q', response: 'A', response_len: 1, label: '1', reward: 1 }, null, 2);
    return writeText(tmp.dir, 'rollout_idx_0_trajectory.jsonl', `${header}\n${rollout}\n`);
  },
  'eval-k': () =>
    writeJsonl(tmp.dir, 'math_cot.jsonl', [
      {
        idx: 0,
        question: 'Q',
        gt: '1',
        response: ['A', 'B'],
        pred: ['1', '2'],
        score: [true, false],
        pred_score: [[1], [0]],
      },
    ]),
  prm800k: () =>
    writeJsonl(tmp.dir, 'prm.jsonl', [
      { question: { problem: 'Q', ground_truth_answer: '1' }, label: { steps: [], finish_reason: 'solution' } },
    ]),
  'math-aps': () =>
    writeJsonl(tmp.dir, 'aps.jsonl', [
      { question: 'Q', final_answer: '1', reasoning_steps: [{ solution_prefix: 'Q', mc_value: 1 }] },
    ]),
};

describe('detectAdapter', () => {
  it('has one sample per trainer-log adapter and unique names', () => {
    const names = ROLLOUT_ADAPTERS.map((a) => a.name);
    expect(new Set(names).size).toBe(names.length);
    // The native format is tested with its own reader (../native).
    expect(names.filter((n) => n !== 'native').sort()).toEqual(Object.keys(SAMPLES).sort());
  });

  for (const [name, write] of Object.entries(SAMPLES)) {
    it(`recognises ${name} and no other adapter is as confident`, async () => {
      const file = write();
      expect((await detectAdapter(file)).name).toBe(name);
      const [best, second] = await rankAdapters(file);
      expect(best?.adapter.name).toBe(name);
      expect(best?.confidence ?? 0).toBeGreaterThan(second?.confidence ?? 0);
    });
  }

  it('still recognises a file whose first line is broken', async () => {
    const file = writeText(
      tmp.dir,
      'broken-first.jsonl',
      `{"input": "Q", "outp\n${JSON.stringify({ input: 'Q', output: 'A', score: 0 })}\n`,
    );
    expect((await detectAdapter(file)).name).toBe('verl');
  });

  it('honours an override by name, case-insensitively, without reading the file', async () => {
    expect((await detectAdapter(path.join(tmp.dir, 'missing.jsonl'), 'OREAL')).name).toBe('oreal');
    expect(findAdapter('math-aps').name).toBe('math-aps');
  });

  it('refuses unknown formats with the list of known ones', async () => {
    const file = writeJsonl(tmp.dir, 'other.jsonl', [{ foo: 1, bar: 2 }]);
    const error = await detectAdapter(file).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CuratorError);
    expect(error).toMatchObject({ code: 'FORMAT_UNKNOWN' });
    const message = (error as CuratorError).message;
    for (const adapter of ROLLOUT_ADAPTERS) expect(message).toContain(adapter.name);
    expect(message).toContain('foo, bar');
    await expect(detectAdapter(file, 'nope')).rejects.toMatchObject({
      code: 'FORMAT_UNKNOWN',
      message: expect.stringContaining('oreal'),
    });
  });

  it('reports empty and missing files', async () => {
    await expect(detectAdapter(writeText(tmp.dir, 'empty.jsonl', ''))).rejects.toMatchObject({ code: 'EMPTY_FILE' });
    await expect(detectAdapter(path.join(tmp.dir, 'nope.jsonl'))).rejects.toMatchObject({ code: 'FILE_NOT_FOUND' });
  });
});
