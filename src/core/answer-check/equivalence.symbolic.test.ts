// The mathjs stage: expressions with variables, functions and constants the numeric stage cannot read.
import { describe, expect, it } from 'vitest';
import { checkAnswer } from './equivalence';
import { rows, runCases } from './equivalence-test-kit';

describe('symbolic equivalence', () => {
  runCases(
    rows([
      ['4a-2', '2(2a-1)', true, 'symbolic'],
      ['x^2+2x+1', '(x+1)^2', true, 'symbolic'],
      ['\\frac{x+2}{7}', '\\frac{x}{7}+\\frac{2}{7}', true, 'symbolic'],
      ['(a+5)(b+2)', 'ab+2a+5b+10', true, 'symbolic'],
      ['6r^2-4r-24', '2(3r^2-2r-12)', true, 'symbolic'],
      ['\\sin^2 x + \\cos^2 x', '1', true, 'symbolic'],
      ['p - q', '-q + p', true, 'symbolic'],
      ['\\sqrt{8}x', '2\\sqrt{2}x', true, 'symbolic'],
      ['x^{2}', 'x \\cdot x', true, 'symbolic'],
      ['2k+2', '2(k+1)', true, 'symbolic'],
      ['y = 2x + 3', 'y=3+2x', true, 'symbolic'],
      ['\\frac{11+9a}{20}', '\\frac{9a+11}{20}', true, 'symbolic'],
      ['\\tan x', '\\frac{\\sin x}{\\cos x}', true, 'symbolic'],
      ['\\cot x', '\\frac{\\cos x}{\\sin x}', true, 'symbolic'],
      ['\\sin(2\\theta)', '2\\sin\\theta\\cos\\theta', true, 'symbolic'],
      ['\\ln(e^2)', '2', true, 'symbolic'],
      ['\\log_2 8', '3', true, 'symbolic'],
      ['\\binom{5}{2}', '10', true, 'symbolic'],
      ['3!', '6', true, 'symbolic'],
      ['6 - 5i', '-5i + 6', true, 'symbolic'],
      ['e^{i\\pi}', '-1', true, 'symbolic'],
      ['\\frac{1}{x-1} - \\frac{1}{x+1}', '\\frac{2}{x^2-1}', true, 'symbolic'],
      ['x^5 - x^4 + x^3 - x^2 + x - 1', '(x-1)(x^4+x^2+1)', true, 'symbolic'],
      ['8n^2 + 4n + 1', '4n(2n+1)+1', true, 'symbolic'],
      ['|x|', '\\sqrt{x^2}', true, 'symbolic'],
      ['x_1 + x_2', 'x_2 + x_1', true, 'symbolic'],
      ['\\alpha + \\beta', '\\beta+\\alpha', true, 'symbolic'],
      ['\\frac{a}{b}', 'a/b', true, 'symbolic'],
      ['\\frac{20000}{\\pi}', '\\frac{40000}{2\\pi}', true, 'numeric'],
      ['x^3+3x-6', 'x^3+3x+6', false],
      ['p - q', 'q - p', false],
      ['(x+1)^2', 'x^2+1', false],
      ['2k+2', '2k', false],
      ['\\sin x', '\\cos x', false],
      ['\\frac{x}{2}', '2x', false],
      ['y = 2x + 3', 'y = 2x - 3', false],
      ['4', '4t', false],
      ['x', 'y', false],
      ['ab', 'a+b', false],
      ['\\log_2 8', '4', false],
      ['3!', '3', false],
      ['6 - 5i', '6 + 5i', false],
    ]),
  );
});

describe('equations', () => {
  runCases(
    rows([
      // The normal form drops `y =`, so the missing variable is put back for the comparison.
      ['y = 2x + 3', '2x - y + 3 = 0', true, 'symbolic'],
      ['y = -2x', '2x + y = 0', true, 'symbolic'],
      ['5x - 7y + 11z + 4 = 0', '-5x + 7y - 11z - 4 = 0', true, 'symbolic'],
      ['5x - 7y + 11z + 4 = 0', '5x - 7y + 11z - 4 = 0', false],
      ['x + y = 1', 'x - y = 1', false],
    ]),
  );
});

describe('limits of the symbolic stage', () => {
  it('reports unreadable input as undecided, not as an error', () => {
    // Base-8 numerals are outside the LaTeX subset the converter reads.
    const r = checkAnswer('52_8', '42_8');
    expect(r.equivalent).toBe(false);
    expect(r.stage).toBe('none');
    expect(r.reason).toMatch(/^undecided, treated as different: cannot read/);
  });

  it('can be switched off, leaving only the cheap stages', () => {
    const r = checkAnswer('2(2a-1)', '4a-2', { symbolic: false });
    expect(r.equivalent).toBe(false);
    expect(r.reason).toMatch(/symbolic stage off/);
  });

  it('gives up when the time budget is spent', () => {
    const r = checkAnswer('(x+1)^2', 'x^2+2x+1', { symbolicBudgetMs: 0 });
    expect(r.equivalent).toBe(false);
    expect(r.reason).toMatch(/budget/);
  });

  it('is reproducible: the random points are seeded', () => {
    const a = checkAnswer('x^3+3x-6', 'x^3+3x+6');
    const b = checkAnswer('x^3+3x-6', 'x^3+3x+6');
    expect(a.reason).toBe(b.reason);
    expect(a.reason).toMatch(/differ/);
  });
});
