import { afterAll, describe, expect, it } from 'vitest';
import { tempDir } from '../../../../test/temp-workspace';
import { SPAN_MC_VALUE, mathApsAdapter } from './math-aps';
import { drain, writeJsonl } from './testing';

const Q = 'What is 2+3?';
const step = (text: string, mc: number) => ({ solution_prefix: text, mc_value: mc });

describe('math-aps adapter', () => {
  const tmp = tempDir();
  afterAll(() => tmp.cleanup());

  it('detects prefix-value lines', () => {
    expect(
      mathApsAdapter.detect('x.jsonl', [{ question: Q, final_answer: '5', reasoning_steps: [step(Q, 0.5)] }]),
    ).toBe(1);
    expect(mathApsAdapter.detect('x.jsonl', [{ question: Q }])).toBe(0);
  });

  it('joins a chain of prefixes into one response with a span per step', async () => {
    const a = `${Q}\n\nFirst add.`;
    const b = `${a}\nThen 2+3=5.`;
    const c = `${b}\nThe answer is 5.`;
    const file = writeJsonl(tmp.dir, 'chain.jsonl', [
      {
        question: Q,
        final_answer: '5',
        question_id: 11,
        reasoning_steps: [step(Q, 0.75), step(a, 0.8), step(b, 1), step(c, 1)],
      },
    ]);
    const { records, issues } = await drain(mathApsAdapter, file);
    expect(issues).toEqual([]);
    expect(records).toHaveLength(1);
    const record = records[0];
    expect(record?.response).toBe('First add.\nThen 2+3=5.\nThe answer is 5.');
    expect(record?.spans.map((s) => [s.name, record.response.slice(s.start, s.end), s.value])).toEqual([
      [SPAN_MC_VALUE, 'First add.', 0.8],
      [SPAN_MC_VALUE, 'Then 2+3=5.', 1],
      [SPAN_MC_VALUE, 'The answer is 5.', 1],
    ]);
    expect(record).toMatchObject({
      groupId: '11',
      sampleIndex: 0,
      prompt: { question: Q, goldAnswer: '5' },
      extra: { question_mc_value: 0.75, question_id: 11, prefix_count: 4 },
    });
  });

  it('writes one record per leaf of a prefix tree, sharing the common prefix values', async () => {
    const split = `${Q}\n\nAdd: `;
    const right = `${split}2+3=5.`;
    const wrong = `${split}2+3=6.`;
    const file = writeJsonl(tmp.dir, 'tree.jsonl', [
      {
        question: Q,
        final_answer: '5',
        reasoning_steps: [step(Q, 0.5), step(split, 0.6), step(right, 1), step(wrong, 0), step(right, 0.9)],
      },
    ]);
    const { records, issues } = await drain(mathApsAdapter, file);
    expect(issues).toEqual([]);
    expect(records[0]?.extra.repeated_prefixes).toEqual([{ steps: [2, 4], values: [1, 0.9] }]);
    expect(records.map((r) => r.response)).toEqual(['Add: 2+3=5.', 'Add: 2+3=6.']);
    expect(records.map((r) => r.spans.map((s) => s.value))).toEqual([
      [0.6, 1],
      [0.6, 0],
    ]);
    expect(records.map((r) => r.sampleIndex)).toEqual([0, 1]);
    expect(records[0]?.groupId).toBe('line:1');
  });
});
