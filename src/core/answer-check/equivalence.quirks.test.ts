// Gold-answer quirks found in the public datasets, and broken string escapes.
import { describe, expect, it } from 'vitest';
import { checkAnswer } from './equivalence';
import { rows, runCases } from './equivalence-test-kit';

describe('gold answers stored as JSON numbers and lists', () => {
  runCases(
    rows([
      ['27', 27, true, 'exact'], // AMC 2023 stores 27.0, which JSON.parse makes 27
      ['\\boxed{27}', JSON.parse('27.0'), true, 'exact'],
      ['36.0', 36, true, 'exact'],
      ['\\frac{55}{2}', 27.5, true, 'numeric'],
      ['10\\%', 0.1, true, 'numeric'],
      ['28', 27, false],
      [1e21, '1000000000000000000000', true, 'numeric'],
      ['x = 2 \\text{ or } x = 1', ['$x=1$', '$x=2$'], true, 'multiple'],
      ['-2, 3', [3, -2], true, 'multiple'],
    ]),
  );
});

describe('MATH / PRM800K notation', () => {
  runCases(
    rows([
      ['(3, \\frac{\\pi}{2})', '\\left( 3, \\frac{\\pi}{2} \\right)', true, 'exact'],
      ['40000', '40,\\!000', true, 'exact'],
      ['11111111100', '11,\\! 111,\\! 111,\\! 100', true, 'exact'],
      ['32348', '\\$32,\\!348', true, 'exact'],
      ['10080', '10,\\!080', true, 'exact'],
      ['10000', '10{,}000', true, 'exact'],
      ['C', '\\text{(C)}', true, 'exact'],
      ['(C)', 'C', true, 'exact'],
      ['52_{8}', '52_8', true, 'exact'],
      ['4:30 \\text{ p.m.}', '\\text{4:30 p.m.}', true, 'exact'],
      ['4:30 \\text{ a.m.}', '\\text{4:30 p.m.}', false],
      ['864', '864 \\mbox{ inches}^2', true, 'exact'],
      ['15', '15\\mbox{ cm}^2', true, 'exact'],
      ['5.4', '5.4 \\text{ cents}', true, 'exact'],
      ['0.0000672', '.0000672', true, 'exact'],
      ['137.5', '137 \\frac{1}{2}', true, 'numeric'],
      ['\\text{ellipse}', '\\text{(D) ellipse}', false],
      ['\\text{even}', '\\text{odd}', false],
      // An anagram: as products of letters these would be equal.
      ['\\text{east}', '\\text{seat}', false],
      ['\\text{Navin}', 'Navin', true, 'exact'],
    ]),
  );
});

describe('control characters from broken escapes', () => {
  runCases(
    rows([
      // "\frac" written into JSON with one backslash: \f is a form feed.
      ['\x0crac{1}{2}', '\\frac12', true, 'exact'],
      ['\x0crac{3}{4}', '0.75', true, 'numeric'],
      // "\times" → tab + "imes", "\boxed" → backspace + "oxed", "\right" → CR + "ight".
      ['3\times 10^5', '300000', true, 'numeric'],
      ['\x08oxed{5}', '5', true, 'exact'],
      ['\\left(1,2\right)', '(1,2)', true, 'exact'],
      // "\neq" → newline + "eq" (only restored inside answers).
      ['x \neq 3', 'x\\ne 3', true, 'exact'],
      // Python's "\a" and "\v": \alpha and \vec.
      ['\x07lpha', '\\alpha', true, 'exact'],
      // Double escaping leaves "\\frac".
      ['\\\\frac{1}{2}', '0.5', true, 'numeric'],
      ['\x0crac{1}{3}', '\\frac12', false],
    ]),
  );
});

describe('missing answers', () => {
  it('rejects a missing prediction with a reason', () => {
    for (const pred of [null, undefined, [], {}]) {
      const r = checkAnswer(pred, '5');
      expect(r).toMatchObject({ equivalent: false, stage: 'none', predNormalized: null, goldNormalized: '5' });
      expect(r.reason).toMatch(/no predicted answer/);
    }
  });

  it('rejects an empty prediction and a missing gold answer', () => {
    expect(checkAnswer('', '5')).toMatchObject({ equivalent: false, reason: 'empty prediction' });
    expect(checkAnswer('  $ $ ', '5').equivalent).toBe(false);
    expect(checkAnswer('5', null)).toMatchObject({ equivalent: false, reason: 'no gold answer' });
  });

  it('returns the normal forms it compared', () => {
    expect(checkAnswer('\\dfrac{1}{2}', ['1', '\\$2'])).toMatchObject({
      predNormalized: '\\frac{1}{2}',
      goldNormalized: '1,2',
    });
  });
});
