import { afterAll, describe, expect, it } from 'vitest';
import { tempDir } from '../../../../test/temp-workspace';
import { evalDumpAdapter } from './eval-dump';
import { drain, writeJsonl, writeText } from './testing';

function evalLine(idx: number, scores: boolean[]) {
  const k = scores.length;
  return {
    idx,
    question: `Problem ${idx}`,
    gt: String(idx),
    level: 'Level 2',
    response: scores.map((s, i) => `response ${i} \\boxed{${s ? idx : -1}}`),
    code: scores.map((s, i) => `response ${i} \\boxed{${s ? idx : -1}}`),
    pred: scores.map((s) => (s ? String(idx) : '-1')),
    report: Array.from({ length: k }, () => null),
    score: scores,
    pred_score: scores.map((s) => [s ? 3.5 : -1.25]),
    system: 'Please reason step by step.',
    history: [],
  };
}

describe('evaluation dumps with K responses per line', () => {
  const tmp = tempDir();
  afterAll(() => tmp.cleanup());

  it('detects the Qwen2.5-Math shape', () => {
    expect(evalDumpAdapter.detect('x.jsonl', [evalLine(0, [true, false])])).toBeGreaterThan(0.9);
    expect(evalDumpAdapter.detect('x.jsonl', [{ idx: 0, question: 'q', response: 'not a list', score: [true] }])).toBe(
      0,
    );
  });

  it('writes K records per line: groupId = idx, rewards from score, RM score in extra', async () => {
    const file = writeJsonl(tmp.dir, 'math_cot.jsonl', [evalLine(5, [true, false, true]), evalLine(6, [false, false])]);
    const { records, issues } = await drain(evalDumpAdapter, file, { step: 2 });
    expect(issues).toEqual([]);
    expect(records).toHaveLength(5);
    expect(records.map((r) => [r.groupId, r.sampleIndex, r.reward])).toEqual([
      ['5', 0, 1],
      ['5', 1, 0],
      ['5', 2, 1],
      ['6', 0, 0],
      ['6', 1, 0],
    ]);
    expect(records[1]).toMatchObject({
      line: 1,
      step: 2,
      response: 'response 1 \\boxed{-1}',
      extractedAnswer: '-1',
      prompt: { id: '5', question: 'Problem 5', goldAnswer: '5', system: 'Please reason step by step.' },
      extra: { rm_score: -1.25, level: 'Level 2', report: null, history: [] },
    });
    expect(records[0]?.extra).not.toHaveProperty('code');
    expect(records.map((r) => r.endOffset === null)).toEqual([true, true, false, true, false]);
  });

  it('warns about lists whose length differs from the responses and reports broken lines', async () => {
    const bad = { ...evalLine(1, [true, true]), score: [true] };
    const text = [JSON.stringify(bad), '{oops', JSON.stringify({ idx: 2, question: 'q' })].join('\n');
    const file = writeText(tmp.dir, 'bad.jsonl', text);
    const { records, issues } = await drain(evalDumpAdapter, file);
    expect(records.map((r) => r.reward)).toEqual([null, null]);
    expect(issues.map((i) => [i.line, i.field])).toEqual([
      [1, 'score'],
      [2, null],
      [3, 'response'],
    ]);
  });
});
