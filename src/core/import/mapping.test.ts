// Mapping detection from common column names, and checks of a mapping the user chose.
import { describe, expect, it } from 'vitest';
import { EMPTY_MAPPING, checkMapping, detectMapping, fieldValue, questionText } from './mapping';

const detect = (rows: Record<string, unknown>[]) =>
  detectMapping([...new Set(rows.flatMap((r) => Object.keys(r)))], rows);

describe('detectMapping', () => {
  it('maps the common column names, preferring the first candidate', () => {
    const { mapping } = detect([
      {
        unique_id: 'u1',
        problem: 'p',
        solution: 's',
        answer: 'a',
        subject: 'Algebra',
        level: 3,
        data_source: 'MATH',
        pass_rate: 0.5,
      },
    ]);
    expect(mapping).toEqual({
      question: 'problem',
      goldAnswer: 'answer',
      solution: 'solution',
      passRate: 'pass_rate',
      sourceId: 'unique_id',
      subject: 'subject',
      level: 'level',
      source: 'data_source',
    });
    expect(
      detect([{ question: 'q', problem: 'p', query: 'x', gold_answer: 'g', answer: 'a', id: 1, idx: 2 }]).mapping,
    ).toMatchObject({ question: 'question', goldAnswer: 'gold_answer', sourceId: 'id' });
    expect(detect([{ prompt: 'q', gt: '1', type: 'Geometry', source: 'amc' }]).mapping).toMatchObject({
      question: 'prompt',
      goldAnswer: 'gt',
      subject: 'type',
      source: 'source',
    });
    expect(detect([{ query: 'q', ground_truth: '1', subfield: 'Combinatorics' }]).mapping).toMatchObject({
      question: 'query',
      goldAnswer: 'ground_truth',
      subject: 'subfield',
    });
    expect(detect([{ question: 'q', final_answer: ['1'] }]).mapping.goldAnswer).toBe('final_answer');
  });

  it('matches names regardless of case, underscores and spaces', () => {
    const { mapping } = detect([{ Question: 'q', 'Gold Answer': '1', passRate: 0.1, 'DATA-SOURCE': 'x' }]);
    expect(mapping).toMatchObject({
      question: 'Question',
      goldAnswer: 'Gold Answer',
      passRate: 'passRate',
      source: 'DATA-SOURCE',
    });
  });

  it('finds verl-style nested answers and chat-style prompts', () => {
    const row = {
      prompt: [
        { role: 'system', content: 'Be brief.' },
        { role: 'user', content: 'What is 2+2?' },
      ],
      reward_model: { style: 'rule', ground_truth: '4' },
      data_source: 'gsm8k',
    };
    const { mapping } = detect([row]);
    expect(mapping).toMatchObject({
      question: 'prompt',
      goldAnswer: 'reward_model.ground_truth',
      source: 'data_source',
    });
    expect(fieldValue(row, 'reward_model.ground_truth')).toBe('4');
    expect(questionText(row.prompt)).toBe('What is 2+2?');
  });

  it('does not take a column that holds objects as the question, and says what is missing', () => {
    const { mapping, warnings } = detect([{ question: { problem: 'p' }, answer: '1' }]);
    expect(mapping.question).toBeNull();
    expect(warnings.join('\n')).toMatch(/"question" is not used as the question: it does not hold text/);
    expect(warnings.join('\n')).toMatch(/No question column found \(columns: question, answer\)/);
  });

  it('explains the GSM8K "#### n" answers, numeric answers and the \\boxed fallback', () => {
    expect(detect([{ question: 'q', answer: 'work\n#### 18' }]).warnings.join('\n')).toMatch(
      /GSM8K style.*extra\.answer/,
    );
    expect(detect([{ question: 'q', answer: 27 }]).warnings.join('\n')).toMatch(/kept exactly as written/);
    const boxed = detect([{ problem: 'q', solution: 'so \\boxed{4}' }]);
    expect(boxed.mapping).toMatchObject({ goldAnswer: null, solution: 'solution' });
    expect(boxed.warnings.join('\n')).toMatch(/last \\boxed\{\} of "solution"/);
  });
});

describe('checkMapping', () => {
  const rows = [{ q: 'text', a: '1' }];
  it('refuses a question column that does not exist, naming the columns', () => {
    expect(() => checkMapping({ ...EMPTY_MAPPING, question: 'question' }, ['q', 'a'], rows, 'f.jsonl')).toThrow(
      expect.objectContaining({
        code: 'MISSING_FIELD',
        message: 'f.jsonl: there is no column "question" to read the question from (columns: q, a).',
      }),
    );
  });
  it('warns about other missing columns', () => {
    expect(
      checkMapping({ ...EMPTY_MAPPING, question: 'q', goldAnswer: 'a', subject: 'topic' }, ['q', 'a'], rows, 'f.jsonl'),
    ).toEqual(['Column "topic" (chosen for subject) is not in the first rows of the file.']);
  });
});
