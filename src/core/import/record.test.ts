// Source record -> prompt row: faithful answers, GSM8K ####, boxed fallback, pass rate and level quirks, extra.
import { describe, expect, it } from 'vitest';
import type { FieldMapping } from '../../shared/domain';
import { answerNormalized, questionHash } from '../prompts/normalize';
import { EMPTY_MAPPING } from './mapping';
import type { FieldNote } from './record';
import { createRecordBuilder, numberLiteralFinder } from './record';
import { goodItem } from './types';

const MAPPING: FieldMapping = {
  ...EMPTY_MAPPING,
  question: 'question',
  goldAnswer: 'answer',
  solution: 'solution',
  passRate: 'pass_rate',
  sourceId: 'id',
  subject: 'subject',
  level: 'level',
  source: 'source',
};

function build(row: Record<string, unknown>, options: { raw?: string; mapping?: FieldMapping } = {}) {
  const notes: FieldNote[] = [];
  const item = goodItem(7, row, options.raw ?? JSON.stringify(row), false) as ReturnType<typeof goodItem> & {
    value: Record<string, unknown>;
  };
  const result = createRecordBuilder(options.mapping ?? MAPPING)(item, 6, notes);
  return {
    ...result,
    notes,
    extra: result.record?.extra ? (JSON.parse(result.record.extra) as Record<string, unknown>) : null,
  };
}

describe('createRecordBuilder', () => {
  it('maps the fields, hashes the question and keeps every other field in extra', () => {
    const { record, extra } = build({
      id: 12,
      question: 'What is $1+1$?',
      answer: '2',
      subject: 'Algebra',
      level: 'Level 3',
      source: 'MATH',
      pass_rate: 0.25,
      url: 'u',
      tags: ['a'],
    });
    expect(record).toEqual({
      rowIndex: 6,
      sourceId: '12',
      question: 'What is $1+1$?',
      questionHash: questionHash('What is $1+1$?'),
      goldAnswer: '2',
      goldAnswerJson: null,
      goldAnswerNorm: '2',
      passRate: 0.25,
      source: 'MATH',
      subject: 'Algebra',
      level: 3,
      isDuplicate: false,
      extra: JSON.stringify({ url: 'u', tags: ['a'] }),
    });
    expect(extra).toEqual({ url: 'u', tags: ['a'] });
  });

  it('keeps a numeric answer as written (27.0), and lists and objects as JSON', () => {
    const raw = '{"question":"q","answer":27.0,"nested":{"answer":5}}';
    const numeric = build(JSON.parse(raw) as Record<string, unknown>, { raw });
    expect(numeric.record).toMatchObject({ goldAnswer: '27.0', goldAnswerJson: '27.0', goldAnswerNorm: '27' });
    // Without the raw text (CSV, Parquet) the number's own form is used.
    expect(build({ question: 'q', answer: 0.5 }, { raw: '' }).record).toMatchObject({
      goldAnswer: '0.5',
      goldAnswerJson: '0.5',
    });
    const list = build({ question: 'q', answer: ['1', '2'] });
    expect(list.record).toMatchObject({
      goldAnswer: '["1","2"]',
      goldAnswerJson: '["1","2"]',
      goldAnswerNorm: answerNormalized(['1', '2']),
    });
  });

  it('takes the number after "#### " of a GSM8K solution and keeps the solution in extra', () => {
    const answer = 'She has 3 + 4 = <<3+4=7>>7 apples.\nThen 7 * 2 = 14.\n#### 14';
    const { record, extra } = build({ question: 'q', answer });
    expect(record).toMatchObject({ goldAnswer: '14', goldAnswerJson: null, goldAnswerNorm: '14' });
    expect(extra).toEqual({ answer });
  });

  it('falls back to the last \\boxed{} of the solution, which stays in extra', () => {
    const solution = 'First \\boxed{1}, then finally \\boxed{\\frac{1}{2}}.';
    const { record, extra } = build({ question: 'q', solution });
    expect(record?.goldAnswer).toBe('\\frac{1}{2}');
    expect(extra).toEqual({ solution });
    expect(build({ question: 'q', answer: '5', solution }).record?.goldAnswer).toBe('5');
  });

  it('refuses a record whose pass rate is outside [0, 1], naming the field', () => {
    for (const passRate of [1.5, -0.25, 16, 'often']) {
      const { record, problem } = build({ question: 'q', pass_rate: passRate });
      expect(record).toBeNull();
      expect(problem).toEqual({
        field: 'pass_rate',
        message: `pass rate ${JSON.stringify(passRate)} is not a number between 0 and 1`,
      });
    }
    expect(build({ question: 'q', pass_rate: '0.75' }).record?.passRate).toBe(0.75);
    expect(build({ question: 'q', pass_rate: 1 }).record?.passRate).toBe(1);
    expect(build({ question: 'q', pass_rate: null }).notes).toEqual([]);
  });

  it('keeps a level it cannot read in extra, with a warning', () => {
    const { record, extra, notes } = build({ question: 'q', level: 'Level ?' });
    expect(record?.level).toBeNull();
    expect(extra).toEqual({ level: 'Level ?' });
    expect(notes).toEqual([
      { field: 'level', message: expect.stringMatching(/^warning: level "Level \?" is not a whole/) },
    ]);
  });

  it('takes no level beyond what SQLite stores as an integer (1e23 is a JavaScript integer)', () => {
    for (const level of [1e23, 2 ** 53, -1, 2.5]) {
      const { record, extra, notes } = build({ question: 'q', level });
      expect(record?.level).toBeNull();
      expect(extra).toEqual({ level });
      expect(notes).toMatchObject([{ field: 'level' }]);
    }
    expect(build({ question: 'q', level: 5 }).record?.level).toBe(5);
    expect(build({ question: 'q', level: 'Level 3' }).record?.level).toBe(3);
  });

  it('keeps ids beyond 2^53 exactly from the raw text', () => {
    const raw = '{"id":12345678901234567890,"question":"q"}';
    expect(build(JSON.parse(raw) as Record<string, unknown>, { raw }).record?.sourceId).toBe('12345678901234567890');
  });

  it('refuses records without a usable question', () => {
    expect(build({ answer: '1' }).problem).toEqual({
      field: 'question',
      message: 'missing question (column "question")',
    });
    expect(build({ question: '  ' }).problem).toEqual({
      field: 'question',
      message: 'empty question (column "question")',
    });
    expect(build({ question: { text: 'q' } }).problem).toEqual({
      field: 'question',
      message: 'question (column "question") is not text',
    });
  });

  it('reads the last user turn of a chat-style question', () => {
    const prompt = [
      { role: 'system', content: 'sys' },
      { role: 'user', content: 'Solve x+1=2.' },
    ];
    expect(build({ prompt }, { mapping: { ...EMPTY_MAPPING, question: 'prompt' } }).record?.question).toBe(
      'Solve x+1=2.',
    );
  });
});

describe('numberLiteralFinder', () => {
  it('finds the literal of the right key and value only', () => {
    const find = numberLiteralFinder('answer');
    expect(find('{"q":"the \\"answer\\": 1.50","nested":{"answer":1.50},"answer":1.5}', 1.5)).toBe('1.5');
    expect(find('{"q":"x \\\\","answer":2.50}', 2.5)).toBe('2.50');
    expect(find('{"answer": -2.0e3}', -2000)).toBe('-2.0e3');
    expect(find('{"answers": 4.0}', 4)).toBeNull();
  });
});
