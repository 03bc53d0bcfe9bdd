import { afterAll, describe, expect, it } from 'vitest';
import { tempDir } from '../../../../test/temp-workspace';
import { drain, writeJsonl, writeText } from './testing';
import { verlAdapter } from './verl';

const input = (q: string) => `system\nPlease reason step by step.\nuser\n${q}\nassistant\n`;

describe('verl adapter', () => {
  const tmp = tempDir();
  afterAll(() => tmp.cleanup());

  it('detects verl dumps and not other shapes', () => {
    const value = { input: input('Q'), output: 'A', gts: '1', score: 1, step: 3 };
    expect(verlAdapter.detect('3.jsonl', [value])).toBeGreaterThan(0.9);
    expect(verlAdapter.detect('x.jsonl', [{ input: 'a', output: 'b', gts: '1', step: 2 }])).toBe(0);
    expect(verlAdapter.detect('x.jsonl', [])).toBe(0);
  });

  it('maps fields, splits the role-prefixed input and groups samples by identical input', async () => {
    const file = writeJsonl(tmp.dir, '12.jsonl', [
      {
        input: input('What is 2+2?'),
        output: 'It is \\boxed{4}',
        gts: '4',
        score: 1.0,
        step: 12,
        acc: true,
        pred: '4',
        format_ok: 1,
      },
      {
        input: input('What is 3+3?'),
        output: 'It is \\boxed{5}',
        gts: '6',
        score: -1.0,
        step: 12,
        acc: false,
        pred: '5',
        format_ok: 1,
      },
      {
        input: input('What is 2+2?'),
        output: 'Answer: 22',
        gts: '4',
        score: -1.0,
        step: 12,
        acc: false,
        pred: '22',
        format_ok: 0,
      },
    ]);
    const { records, issues } = await drain(verlAdapter, file);
    expect(issues).toEqual([]);
    expect(records[0]).toMatchObject({
      line: 1,
      step: 12,
      prompt: { question: 'What is 2+2?', system: 'Please reason step by step.', goldAnswer: '4' },
      response: 'It is \\boxed{4}',
      reward: 1,
      extractedAnswer: '4',
      sampleIndex: 0,
      extra: { acc: true, format_ok: 1 },
    });
    expect(records[2]?.groupId).toBe(records[0]?.groupId);
    expect(records[2]?.sampleIndex).toBe(1);
    expect(records[1]?.groupId).not.toBe(records[0]?.groupId);
    expect(records[0]?.groupId?.startsWith('12:')).toBe(true);
  });

  it('falls back to the file name for the step and reports bad lines by number', async () => {
    const text = [
      JSON.stringify({ input: 'Q', output: 'A', score: 0.5 }),
      'not json',
      JSON.stringify({ input: 'Q', score: 1 }),
      JSON.stringify({ input: 'Q', output: 'B', score: 'n/a' }),
    ].join('\n');
    const file = writeText(tmp.dir, '40.jsonl', text);
    const { records, issues } = await drain(verlAdapter, file);
    expect(records.map((r) => [r.line, r.step, r.reward])).toEqual([
      [1, 40, 0.5],
      [4, 40, null],
    ]);
    expect(issues.map((i) => [i.line, i.field])).toEqual([
      [2, null],
      [3, 'output'],
      [4, 'score'],
    ]);
  });
});
