import { describe, expect, it } from 'vitest';
import { compareTexts, unitsOf } from './compare-diff';

const changed = (units: { changed: boolean; kind: string; text?: string; tex?: string }[]) =>
  units.filter((u) => u.changed).map((u) => (u.kind === 'math' ? `$${u.tex}$` : (u.text ?? '').trim()));

describe('compareTexts', () => {
  it('marks nothing for the same text, whatever the spacing inside formulas', () => {
    const r = compareTexts('Find $x^2 + 1$ when x is 3.', 'Find $x^2+1$ when x is 3.');
    expect(r.changes).toBe(0);
    expect(changed(r.left)).toEqual([]);
  });

  it('marks changed words on each side', () => {
    const r = compareTexts('A bag holds 5 red marbles.', 'A bag holds 6 red balls.');
    expect(changed(r.left)).toEqual(['5', 'marbles.']);
    expect(changed(r.right)).toEqual(['6', 'balls.']);
  });

  it('marks a whole formula when a number inside it changed, and keeps it a formula', () => {
    const r = compareTexts('Compute $\\binom{8}{4}$ now.', 'Compute $\\binom{9}{4}$ now.');
    expect(changed(r.left)).toEqual(['$\\binom{8}{4}$']);
    expect(r.right.find((u) => u.changed)?.kind).toBe('math');
  });

  it('keeps every unit of both texts in order', () => {
    const left = 'Here is a classic. In triangle $ABC$, find $AB$.';
    const right = 'In triangle $ABC$, determine $AB$.';
    const r = compareTexts(left, right);
    expect(r.left.length).toBe(unitsOf(left).length);
    expect(r.right.length).toBe(unitsOf(right).length);
    expect(changed(r.left)).toEqual(['Here', 'is', 'a', 'classic.', 'find']);
    expect(changed(r.right)).toEqual(['determine']);
  });
});
