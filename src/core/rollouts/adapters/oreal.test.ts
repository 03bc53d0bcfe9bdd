import { afterAll, describe, expect, it } from 'vitest';
import { tempDir } from '../../../../test/temp-workspace';
import { orealAdapter } from './oreal';
import { chatMl, drain, rlooAdvantages, writeJsonl, writeText } from './testing';

const SYSTEM = 'You are an expert mathematician. … you have [[8192]] tokens to complete the answer.';

function trajectory(question: string, response: string, reward: number, advantage: number, stopped = true) {
  return {
    sequence: chatMl(SYSTEM, question, response, stopped),
    num_tokens: 100 + response.length,
    judger_reward: reward,
    judger_advantage: advantage,
  };
}

/** A filtered step: per prompt one correct then one incorrect sample, with advantages from a group of 16. */
function filteredStep(correctCounts: number[]) {
  return correctCounts.flatMap((c, p) => {
    const adv = rlooAdvantages(Array.from({ length: 16 }, (_, i) => (i < c ? 1 : -1)));
    return [
      trajectory(`Question ${p}`, `right \\boxed{${p}}`, 1, adv[0] as number),
      trajectory(`Question ${p}`, `wrong`, -1, adv[15] as number),
    ];
  });
}

describe('OREAL adapter', () => {
  const tmp = tempDir();
  afterAll(() => tmp.cleanup());

  it('detects the trajectory shape, with a bonus for step.N.jsonl', () => {
    const value = trajectory('Q', 'A', 1, 0);
    expect(orealAdapter.detect('step.3.jsonl', [value])).toBeGreaterThan(orealAdapter.detect('dump.jsonl', [value]));
    expect(orealAdapter.detect('dump.jsonl', [value])).toBeGreaterThan(0.8);
    expect(orealAdapter.detect('step.3.jsonl', [{ input: 'x', output: 'y', score: 1 }])).toBe(0);
  });

  it('reads filtered pairs: step from the file name, template split, pass rate from the advantages', async () => {
    const file = writeJsonl(tmp.dir, 'trajectories/step.7.jsonl', filteredStep([4, 12]));
    const { records, issues } = await drain(orealAdapter, file);
    expect(issues).toEqual([]);
    expect(records).toHaveLength(4);
    const [first, second, third] = records;
    expect(first).toMatchObject({
      line: 1,
      step: 7,
      groupId: '7:0',
      sampleIndex: 0,
      reward: 1,
      response: 'right \\boxed{0}',
      finishReason: 'stop',
      truncated: false,
      prompt: { question: 'Question 0', system: SYSTEM },
    });
    expect(second).toMatchObject({ groupId: '7:0', sampleIndex: 1, reward: -1 });
    expect(first?.advantage).toBeCloseTo(1.6, 9);
    expect(second?.advantage).toBeCloseTo(-0.5333, 3);
    for (const r of [first, second])
      expect(r?.extra).toMatchObject({ group_correct: 4, group_pass_rate: 0.25, group_k: 16, grouping: 'pairs' });
    expect(third?.extra).toMatchObject({ group_correct: 12, group_pass_rate: 0.75 });
    expect(first?.extra.num_tokens).toBe(100 + 'right \\boxed{0}'.length);
  });

  it("reads unfiltered blocks of 16 and recovers each block's pass rate", async () => {
    const values = [3, 16].flatMap((c, p) => {
      const rewards = Array.from({ length: 16 }, (_, i) => ((i * 7) % 16 < c ? 1 : -1)); // c correct, interleaved
      const adv = rlooAdvantages(rewards);
      return rewards.map((r, i) => trajectory(`Q${p}`, `sample ${i}`, r, adv[i] as number));
    });
    const file = writeJsonl(tmp.dir, 'step.0.jsonl', values);
    const { records, issues } = await drain(orealAdapter, file);
    expect(issues).toEqual([]);
    expect(records).toHaveLength(32);
    const expected = (p: number) => values.slice(p * 16, p * 16 + 16).filter((v) => v.judger_reward > 0).length;
    expect(records[0]?.extra).toMatchObject({ grouping: 'blocks', group_k: 16, group_correct: expected(0) });
    expect(records[31]?.extra).toMatchObject({ group_correct: expected(1), group_pass_rate: expected(1) / 16 });
    expect(new Set(records.map((r) => r.groupId))).toEqual(new Set(['0:0', '0:1']));
    expect(records[17]?.sampleIndex).toBe(1);
  });

  it('takes K from options.groupSize and warns about a partial last group', async () => {
    const rewards = [1, -1, -1, -1];
    const adv = rlooAdvantages(rewards);
    const values = [
      ...rewards.map((r, i) => trajectory('Q', `s${i}`, r, adv[i] as number)),
      trajectory('Q2', 'lonely', 1, 0),
    ];
    const file = writeJsonl(tmp.dir, 'step.1.jsonl', values);
    const { records, issues } = await drain(orealAdapter, file, { groupSize: 4 });
    expect(records.map((r) => r.groupId)).toEqual(['1:0', '1:0', '1:0', '1:0', '1:1']);
    expect(records[0]?.extra).toMatchObject({ group_correct: 1, group_pass_rate: 0.25, group_k: 4 });
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ line: 5, file: 'step.1.jsonl' });
    expect(issues[0]?.message).toContain('1 of 4');
    await expect(drain(orealAdapter, file, { groupSize: 0 })).rejects.toMatchObject({ code: 'INVALID_INPUT' });
  });

  it('splits the DeepSeek-R1 template and flags truncated responses', async () => {
    const ds = (response: string) => `<｜begin▁of▁sentence｜><｜User｜>What is 6*7?<｜Assistant｜>${response}`;
    const file = writeJsonl(tmp.dir, 'step.2.jsonl', [
      {
        sequence: ds('<think>\nok\n</think>\n\\boxed{42}<｜end▁of▁sentence｜>'),
        num_tokens: 50,
        judger_reward: 1,
        judger_advantage: 1,
      },
      { sequence: ds('<think>\nstill going'), num_tokens: 14000, judger_reward: -1, judger_advantage: -1 },
    ]);
    const { records } = await drain(orealAdapter, file);
    expect(records[0]).toMatchObject({
      response: '<think>\nok\n</think>\n\\boxed{42}',
      finishReason: 'stop',
      truncated: false,
      prompt: { question: 'What is 6*7?', system: null },
    });
    expect(records[1]).toMatchObject({ response: '<think>\nstill going', finishReason: 'length', truncated: true });
    expect(records[0]?.extra.chat_template).toBe('deepseek');
  });

  it('reports bad lines with their line numbers, keeps NaN values as null with a warning', async () => {
    const good = filteredStep([8]).map((v) => JSON.stringify(v));
    const nanLine = JSON.stringify(trajectory('Q9', 'r', 1, 0)).replace(
      '"judger_advantage":0',
      '"judger_advantage":NaN',
    );
    const text = [
      good[0],
      '{"sequence": "broken',
      '{"no_sequence": 1}',
      good[1],
      nanLine,
      JSON.stringify(trajectory('Q9', 'w', -1, 0)),
    ].join('\n');
    const file = writeText(tmp.dir, 'step.4.jsonl', text);
    const { records, issues } = await drain(orealAdapter, file, { groupSize: 2 });
    expect(records.map((r) => r.line)).toEqual([1, 4, 5, 6]);
    expect(issues.map((i) => [i.line, i.field])).toEqual([
      [2, 'sequence'],
      [3, 'sequence'],
      [5, 'judger_advantage'],
    ]);
    expect(issues[0]?.message).toContain('invalid JSON');
    expect(issues[2]?.message).toContain('NaN');
    expect(records[2]?.advantage).toBeNull();
    expect(records[0]?.extra.group_correct).toBe(8);
  });

  it('counts response tokens from debug labels and does not copy token ids', async () => {
    const value = { ...trajectory('Q', 'A', 1, 0), input_ids: [1, 2, 3, 4, 5], labels: [-100, -100, -100, 4, 5] };
    const file = writeJsonl(tmp.dir, 'debug/step.5.jsonl', [value, { ...value, judger_reward: -1 }]);
    const { records } = await drain(orealAdapter, file);
    expect(records[0]?.tokenCount).toBe(2);
    expect(records[0]?.extra).not.toHaveProperty('input_ids');
    expect(records[0]?.extra).not.toHaveProperty('labels');
  });
});
