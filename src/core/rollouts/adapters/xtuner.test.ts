import { afterAll, describe, expect, it } from 'vitest';
import { tempDir } from '../../../../test/temp-workspace';
import { drain, writeText } from './testing';
import { xtunerAdapter } from './xtuner';

const SUMMARY = {
  reward_mean: 0.5,
  reward_std: 0.5,
  reward_max: 1,
  reward_min: 0,
  response_len_mean: 10,
  total_len: 3,
};
const messages = (q: string) => [
  { role: 'system', content: 'Think.' },
  { role: 'user', content: q },
];

function current(
  groupId: number,
  rolloutId: number,
  q: string,
  response: string,
  reward: number | null,
  finish = 'stop',
) {
  return {
    rollout_id: rolloutId,
    group_id: groupId,
    task_name: 'math',
    data_source: 'dapo',
    status: 'completed',
    finish_reason: finish,
    error_msg: null,
    prompt: messages(q),
    label: '4',
    response,
    reward,
    prompt_len: 20,
    response_len: 5,
    reward_payload: { score: reward, acc: reward === 1 },
    agent: { name: null },
  };
}

describe('xtuner adapter', () => {
  const tmp = tempDir();
  afterAll(() => tmp.cleanup());

  it('detects current and old dumps from the summary and the first sample', () => {
    const sample = current(1, 1, 'Q', 'A', 1);
    expect(xtunerAdapter.detect('train_rollout_3.jsonl', [SUMMARY, sample])).toBeGreaterThan(0.9);
    expect(
      xtunerAdapter.detect('rollout_idx_3_trajectory.jsonl', [
        SUMMARY,
        { prompt: 'Q', response: 'A', response_len: 1, label: '1', reward: 0 },
      ]),
    ).toBeGreaterThan(0.7);
    expect(xtunerAdapter.detect('x.jsonl', [{ input: 'a', output: 'b', score: 1 }])).toBe(0);
  });

  it('reads a current dump: skips the summary into run_summary, groups by group_id', async () => {
    const lines = [
      SUMMARY,
      current(7, 1, 'What is 2+2?', 'four', 1),
      current(7, 2, 'What is 2+2?', 'five', 0, 'length'),
      current(8, 3, 'Other', 'x', null),
    ];
    const file = writeText(
      tmp.dir,
      'train_rollout/train_rollout_5.jsonl',
      lines.map((l) => JSON.stringify(l)).join('\n') + '\n',
    );
    const { records, issues } = await drain(xtunerAdapter, file);
    expect(issues).toEqual([]);
    expect(records).toHaveLength(3);
    expect(records[0]).toMatchObject({
      line: 2,
      step: 5,
      groupId: '7',
      sampleIndex: 0,
      reward: 1,
      finishReason: 'stop',
      truncated: false,
      tokenCount: 5,
      response: 'four',
      prompt: { question: 'What is 2+2?', system: 'Think.', goldAnswer: '4' },
      extra: { run_summary: SUMMARY, rollout_id: 1, status: 'completed', reward_payload: { score: 1, acc: true } },
    });
    expect(records[1]).toMatchObject({ groupId: '7', sampleIndex: 1, truncated: true, reward: 0 });
    expect(records[1]?.extra).not.toHaveProperty('run_summary');
    expect(records[2]).toMatchObject({ groupId: '8', sampleIndex: 0, reward: null });
  });

  it('reads older pretty-printed files as concatenated JSON values, with start lines', async () => {
    const old = (q: string, response: string, reward: number) => ({
      prompt: messages(q),
      response,
      response_len: 3,
      label: '2',
      reward,
      version: 0,
      finish_reason: 'stop',
    });
    const values = [SUMMARY, old('1+1?', 'two', 1), old('1+1?', 'three', 0), old('2+2?', 'four', 1)];
    const text = values.map((v) => JSON.stringify(v, null, 2)).join('\n') + '\n';
    const file = writeText(tmp.dir, 'rollout_idx_9_trajectory.jsonl', text);
    const { records, issues } = await drain(xtunerAdapter, file);
    expect(issues).toEqual([]);
    const starts = text.split('\n').flatMap((l, i) => (l === '{' ? [i + 1] : []));
    expect(records.map((r) => r.line)).toEqual(starts.slice(1));
    expect(records.map((r) => r.step)).toEqual([9, 9, 9]);
    expect(records[0]?.groupId).toBe(records[1]?.groupId);
    expect(records[2]?.groupId).not.toBe(records[0]?.groupId);
    expect(records.map((r) => r.sampleIndex)).toEqual([0, 1, 0]);
    expect(records[0]?.extra.run_summary).toEqual(SUMMARY);
  });

  it('reports a broken pretty-printed value and a truncated last one by line', async () => {
    const good = JSON.stringify({ prompt: 'Q', response: 'A', label: '1', reward: 1 }, null, 2);
    const text =
      `${JSON.stringify(SUMMARY, null, 2)}\n{\n  "prompt": "Q",\n  "response": ` +
      `oops\n}\n${good}\n{\n  "prompt": "cut`;
    const file = writeText(tmp.dir, 'rollout_idx_1_trajectory.jsonl', text);
    const { records, issues } = await drain(xtunerAdapter, file);
    expect(records).toHaveLength(1);
    expect(records[0]?.line).toBe(text.split('\n').indexOf('{', 12) + 1);
    // The broken value is reported at the line of its error (and its field), the cut one where it starts.
    expect(issues.map((i) => [i.line, i.field])).toEqual([
      [text.split('\n').findIndex((l) => l.includes('oops')) + 1, 'response'],
      [text.split('\n').lastIndexOf('{') + 1, null],
    ]);
    expect(issues[1]?.message).toContain('not closed');
  });
});
