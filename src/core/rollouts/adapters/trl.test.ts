import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { parquetWriteBuffer } from 'hyparquet-writer';
import { afterAll, describe, expect, it } from 'vitest';
import { tempDir } from '../../../../test/temp-workspace';
import { drain } from './testing';
import { trlAdapter } from './trl';

const TEXT = { type: 'BYTE_ARRAY', converted_type: 'UTF8', repetition_type: 'OPTIONAL' } as const;
const DOUBLE = { type: 'DOUBLE', repetition_type: 'OPTIONAL' } as const;
const CHATML_PROMPT = (q: string) =>
  `<|im_start|>system\nReason step by step.<|im_end|>\n<|im_start|>user\n${q}<|im_end|>\n<|im_start|>assistant\n`;

function writeParquet(file: string, buffer: ArrayBuffer): string {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, Buffer.from(buffer));
  return file;
}

describe('TRL adapter', () => {
  const tmp = tempDir();
  afterAll(() => tmp.cleanup());

  it('reads text completions row group by row group, summing reward columns', async () => {
    const prompts = [
      CHATML_PROMPT('What is 2+2?'),
      CHATML_PROMPT('What is 2+2?'),
      CHATML_PROMPT('What is 5-1?'),
      CHATML_PROMPT('What is 5-1?'),
      CHATML_PROMPT('What is 2+2?'),
    ];
    const schema = [
      { name: 'root', num_children: 7 },
      { name: 'step', ...TEXT },
      { name: 'prompt', ...TEXT },
      { name: 'completion', ...TEXT },
      { name: 'accuracy_reward', ...DOUBLE },
      { name: 'format_reward', ...DOUBLE },
      { name: 'note', ...TEXT },
      { name: 'advantage', ...DOUBLE },
    ];
    const buffer = parquetWriteBuffer({
      schema,
      codec: 'GZIP',
      compressors: { GZIP: (input: Uint8Array) => zlib.gzipSync(input) },
      rowGroupSize: 2,
      columnData: [
        { name: 'step', data: ['10', '10', '10', '10', '10'] },
        { name: 'prompt', data: prompts },
        { name: 'completion', data: ['\\boxed{4}', '\\boxed{5}', '\\boxed{4}', 'no idea', '\\boxed{4}'] },
        { name: 'accuracy_reward', data: [1, 0, 1, 0, 1] },
        { name: 'format_reward', data: [0.5, 0.5, 0.5, null, 0.5] },
        { name: 'note', data: ['a', 'b', 'c', 'd', 'e'] },
        { name: 'advantage', data: [0.7, -0.7, 0.9, -0.9, 0.7] },
      ],
    });
    const file = writeParquet(path.join(tmp.dir, 'completions/completions_00010.parquet'), buffer);
    const { records, issues } = await drain(trlAdapter, file);
    expect(issues).toEqual([]);
    expect(records.map((r) => r.line)).toEqual([1, 2, 3, 4, 5]);
    expect(records.map((r) => r.reward)).toEqual([1.5, 0.5, 1.5, 0, 1.5]);
    expect(records[0]).toMatchObject({
      step: 10,
      advantage: 0.7,
      response: '\\boxed{4}',
      prompt: { question: 'What is 2+2?', system: 'Reason step by step.' },
      extra: {
        accuracy_reward: 1,
        format_reward: 0.5,
        note: 'a',
        reward_columns: ['accuracy_reward', 'format_reward'],
      },
    });
    expect(records.map((r) => r.sampleIndex)).toEqual([0, 1, 0, 1, 2]);
    expect(records[4]?.groupId).toBe(records[0]?.groupId);
    expect(records[2]?.groupId).not.toBe(records[0]?.groupId);
    expect(records[1]?.endOffset).toBeGreaterThan(0); // last row of the first row group
    expect(records[0]?.endOffset).toBeNull();
  });

  it('reads conversational prompts and completions given as chat messages', async () => {
    const schema = [
      { name: 'root', num_children: 4 },
      { name: 'prompt', repetition_type: 'OPTIONAL', converted_type: 'LIST', num_children: 1 },
      { name: 'list', repetition_type: 'REPEATED', num_children: 1 },
      { name: 'element', repetition_type: 'OPTIONAL', num_children: 2 },
      { name: 'role', ...TEXT },
      { name: 'content', ...TEXT },
      { name: 'completion', repetition_type: 'OPTIONAL', converted_type: 'LIST', num_children: 1 },
      { name: 'list', repetition_type: 'REPEATED', num_children: 1 },
      { name: 'element', repetition_type: 'OPTIONAL', num_children: 2 },
      { name: 'role', ...TEXT },
      { name: 'content', ...TEXT },
      { name: 'accuracy_reward', ...DOUBLE },
      { name: 'advantage', ...DOUBLE },
    ] as const;
    const buffer = parquetWriteBuffer({
      schema: schema.map((e) => ({ ...e })),
      columnData: [
        {
          name: 'prompt',
          data: [
            [
              { role: 'system', content: 'S' },
              { role: 'user', content: 'Q' },
            ],
            null,
          ],
        },
        { name: 'completion', data: [[{ role: 'assistant', content: 'A' }], [{ role: 'assistant', content: 'B' }]] },
        { name: 'accuracy_reward', data: [null, 1] },
        { name: 'advantage', data: [0, 0] },
      ],
    });
    const file = writeParquet(path.join(tmp.dir, 'completions_00003.parquet'), buffer);
    const { records, issues } = await drain(trlAdapter, file);
    expect(records).toHaveLength(1);
    expect(records[0]).toMatchObject({
      line: 1,
      step: 3,
      response: 'A',
      reward: null,
      prompt: { question: 'Q', system: 'S' },
    });
    expect(issues.map((i) => [i.line, i.field])).toEqual([[2, 'prompt']]);
  });

  it('detects by columns, with a bonus for the file name', () => {
    const row = { step: '1', prompt: 'p', completion: 'c', accuracy_reward: 1, advantage: 0 };
    expect(trlAdapter.detect('completions_00001.parquet', [row])).toBeGreaterThan(
      trlAdapter.detect('x.parquet', [row]),
    );
    expect(trlAdapter.detect('x.parquet', [{ prompt: 'p' }])).toBe(0);
  });
});
