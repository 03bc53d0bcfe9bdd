import { describe, expect, it } from 'vitest';
import { answerView, stringifyRaw } from './gold-answer';

describe('answerView', () => {
  it('renders bare LaTeX as one formula', () => {
    expect(answerView('\\frac{14}{3}')).toEqual({ kind: 'tex', tex: '\\frac{14}{3}' });
    expect(answerView('x^2')).toEqual({ kind: 'tex', tex: 'x^2' });
  });

  it('renders delimited math through the tokenizer', () => {
    expect(answerView('$x = 3$ or $x = -3$')).toEqual({ kind: 'mixed', text: '$x = 3$ or $x = -3$' });
  });

  it('keeps words and plain numbers as text', () => {
    expect(answerView('Monday')).toEqual({ kind: 'plain', text: 'Monday' });
    expect(answerView('27')).toEqual({ kind: 'plain', text: '27' });
  });

  it('shows non-string answers in their JSON form', () => {
    expect(answerView(27)).toEqual({ kind: 'json', text: '27' });
    expect(answerView([1, '2'])).toEqual({ kind: 'json', text: '[\n  1,\n  "2"\n]' });
    expect(answerView(null)).toEqual({ kind: 'none' });
  });

  it('never throws on values JSON cannot hold', () => {
    expect(stringifyRaw(10n)).toBe('10');
    expect(stringifyRaw(undefined)).toBe('undefined');
  });
});
