import { afterAll, describe, expect, it } from 'vitest';
import { tempDir } from '../../../../test/temp-workspace';
import { SPAN_STEP_RATING, prm800kAdapter } from './prm800k';
import { drain, writeJsonl } from './testing';

const line = {
  labeler: 'l1',
  timestamp: '2022-07-30T23:23:32',
  generation: null,
  is_quality_control_question: false,
  is_initial_screening_question: false,
  question: { problem: 'What is 2+3?', ground_truth_answer: '5' },
  label: {
    steps: [
      {
        completions: [{ text: 'Add the numbers.', rating: 1, flagged: false }],
        human_completion: null,
        chosen_completion: 0,
      },
      {
        completions: [
          { text: '2+3=6.', rating: -1, flagged: false },
          { text: '2+3=23.', rating: -1, flagged: false },
        ],
        human_completion: { text: '2+3=5.', rating: null, source: 'human', flagged: false },
        chosen_completion: null,
      },
      {
        completions: [
          { text: 'Maybe check again.', rating: 0, flagged: false },
          { text: 'So the answer is 5.\n\n# Answer\n\n5', rating: 1, flagged: false },
        ],
        human_completion: null,
        chosen_completion: 1,
      },
    ],
    total_time: 1000,
    finish_reason: 'solution',
  },
};

describe('PRM800K adapter', () => {
  const tmp = tempDir();
  afterAll(() => tmp.cleanup());

  it('detects step-rated lines', () => {
    expect(prm800kAdapter.detect('x.jsonl', [line])).toBe(1);
    expect(prm800kAdapter.detect('x.jsonl', [{ question: 'q' }])).toBe(0);
  });

  it('joins the chosen steps and puts each rating on its step', async () => {
    const stopped = {
      ...line,
      label: {
        ...line.label,
        finish_reason: 'found_error',
        steps: [
          line.label.steps[0],
          {
            completions: [
              { text: 'Then 2+3=7.', rating: -1 },
              { text: 'Fine.', rating: 1 },
            ],
            human_completion: null,
            chosen_completion: null,
          },
          { completions: null, human_completion: null, chosen_completion: null },
        ],
      },
    };
    const file = writeJsonl(tmp.dir, 'phase2.jsonl', [line, stopped]);
    const { records, issues } = await drain(prm800kAdapter, file);
    expect(issues).toEqual([]);
    const [solved, failed] = records;
    expect(solved?.response).toBe('Add the numbers.\n2+3=5.\nSo the answer is 5.\n\n# Answer\n\n5');
    const text = (s: { start: number; end: number }) => solved?.response.slice(s.start, s.end);
    expect(solved?.spans.map((s) => [s.name, text(s), s.value])).toEqual([
      [SPAN_STEP_RATING, 'Add the numbers.', 1],
      [SPAN_STEP_RATING, 'So the answer is 5.\n\n# Answer\n\n5', 1],
    ]);
    expect(solved).toMatchObject({
      finishReason: 'solution',
      extractedAnswer: '5',
      prompt: { question: 'What is 2+3?', goldAnswer: '5' },
      extra: { labeler: 'l1', total_time: 1000, human_steps: [1] },
    });
    expect(solved?.extra.alternatives).toEqual([
      { step: 1, text: '2+3=6.', rating: -1 },
      { step: 1, text: '2+3=23.', rating: -1 },
      { step: 2, text: 'Maybe check again.', rating: 0 },
    ]);
    expect(failed?.response).toBe('Add the numbers.\nThen 2+3=7.');
    expect(failed?.spans.map((s) => s.value)).toEqual([1, -1]);
    expect(failed?.finishReason).toBe('found_error');
  });

  it('reports lines without label steps and steps with nothing usable', async () => {
    const unusable = {
      ...line,
      label: {
        ...line.label,
        steps: [{ completions: [{ text: 'x', rating: 1 }], human_completion: null, chosen_completion: null }],
      },
    };
    const file = writeJsonl(tmp.dir, 'bad.jsonl', [{ question: { problem: 'q' }, label: { steps: null } }, unusable]);
    const { records, issues } = await drain(prm800kAdapter, file);
    expect(records.map((r) => [r.line, r.response])).toEqual([[2, '']]);
    expect(issues).toMatchObject([
      { line: 1, field: 'label.steps' },
      { line: 2, field: 'label.steps[0]' },
    ]);
  });
});
