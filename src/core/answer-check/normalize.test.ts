// MATH-style normal forms: each rule of hendrycks' strip_string (and the Qwen2.5-Math additions we
// keep) has a row here, so a change of the normaliser shows up as a diff of these strings.
import { describe, expect, it } from 'vitest';
import { canonicalNumber, normalizeAnswer } from './normalize';
import { repairControlChars } from './repair';

const CASES: Array<[string, string, string]> = [
  ['dfrac / tfrac', '\\dfrac{1}{2} + \\tfrac{3}{4}', '\\frac{1}{2}+\\frac{3}{4}'],
  ['\\left and \\right', '\\left( 3, \\frac{\\pi}{2} \\right)', '(3,\\frac{\\pi}{2})'],
  ['\\! thin negative space', '40,\\!000', '40000'],
  ['thousands separators', '1,234,567', '1234567'],
  ['{,} separator', '10{,}000', '10000'],
  ['trailing \\text unit', '100\\text{ square units}', '100'],
  ['\\mbox unit squared', '864 \\mbox{ inches}^2', '864'],
  ['plain unit words', '12 inches', '12'],
  ['\\text unwrapped', '\\text{Evelyn}', 'Evelyn'],
  ['choice letter', '\\text{(C)}', 'C'],
  ['degrees ^\\circ', '48^\\circ', '48'],
  ['degrees ^{\\circ}', '120^{\\circ}', '120'],
  ['degree sign', '30°', '30'],
  ['percent', '25\\%', '25'],
  ['dollar', '\\$32,\\!348', '32348'],
  ['spaces', '3 \\sqrt{5} + 1', '3\\sqrt{5}+1'],
  ['space kept between command and letter', '2 \\pi r', '2\\pi r'],
  ['leading zero added', '.5', '0.5'],
  ['leading zero inside', '{.5}', '0.5'],
  ['leading zeros dropped', '007', '7'],
  ['trailing .0 dropped', '27.0', '27'],
  ['trailing zeros of a decimal', '37.50', '37.5'],
  ['short x = prefix', 'x = 5', '5'],
  ['short k = prefix', 'k=\\frac{1}{2}', '\\frac{1}{2}'],
  ['long left side kept', '5x - 7y + 11z + 4 = 0', '5x-7y+11z+4=0'],
  ['x \\in prefix', 'x \\in [-2,7]', '[-2,7]'],
  ['\\frac12', '\\frac12', '\\frac{1}{2}'],
  ['\\frac1{72}', '\\frac1{72}', '\\frac{1}{72}'],
  ['\\frac{270}7', '\\frac{270}7', '\\frac{270}{7}'],
  ['\\sqrt3', '\\sqrt3', '\\sqrt{3}'],
  ['\\sqrt12', '\\sqrt12', '\\sqrt{12}'],
  ['a/b of integers', '3/4', '\\frac{3}{4}'],
  ['trailing period', '5.', '5'],
  ['math delimiters', '$\\frac{1}{2}$', '\\frac{1}{2}'],
  ['display delimiters', '\\[ x^2 \\]', 'x^2'],
  ['boxed wrapper', '\\boxed{\\{1, 2\\}}', '{1,2}'],
  ['grouping braces', '{{5}}', '5'],
  ['set braces kept', '\\{1,2\\}', '{1,2}'],
  ['empty set', '\\varnothing', '\\emptyset'],
  ['empty braces', '\\{\\}', '\\emptyset'],
  ['bmatrix', '\\begin{bmatrix} 1 & 2 \\end{bmatrix}', '\\begin{pmatrix}1&2\\end{pmatrix}'],
  ['matrix rows keep \\\\', '\\begin{pmatrix} 1 \\\\ 2 \\end{pmatrix}', '\\begin{pmatrix}1\\\\2\\end{pmatrix}'],
  ['unicode', '2π − √3', '2\\pi-\\sqrt{3}'],
  ['single-character braces', 'x^{2} + a_{1}', 'x^2+a_1'],
  ['relations', 'x \\leq 3', 'x\\le3'],
  ['and between answers', '1 \\text{ and } 2', '1,2'],
  ['a.m. / p.m. kept', '4:30 \\text{ p.m.}', '4:30p.m'],
  ['infinity', '(2, infinity)', '(2,\\infty)'],
  ['control chars', '\x0crac{1}{2}', '\\frac{1}{2}'],
  ['double escaped command', '\\\\frac{1}{2}', '\\frac{1}{2}'],
];

describe('normalizeAnswer', () => {
  for (const [rule, input, expected] of CASES) {
    it(`${rule}: ${JSON.stringify(input)} → ${JSON.stringify(expected)}`, () => {
      expect(normalizeAnswer(input)).toBe(expected);
    });
  }

  it('is idempotent on its own output', () => {
    for (const [, input] of CASES) {
      const once = normalizeAnswer(input);
      expect(normalizeAnswer(once), input).toBe(once);
    }
  });
});

describe('canonicalNumber', () => {
  it.each([
    ['+5', '5'],
    ['-0.0', '0'],
    ['000.500', '0.5'],
    ['-.25', '-0.25'],
    ['100', '100'],
    ['1.', '1'],
  ])('%s → %s', (input, expected) => {
    expect(canonicalNumber(input)).toBe(expected);
  });
});

describe('repairControlChars', () => {
  it('restores commands whose backslash became a control character', () => {
    expect(repairControlChars('\x0crac{1}{2} \x08oxed{3} \x07lpha \x0bec{v}')).toBe(
      '\\frac{1}{2} \\boxed{3} \\alpha \\vec{v}',
    );
    expect(repairControlChars('3\times 4, \text{cm}, \right)')).toBe('3\\times 4, \\text{cm}, \\right)');
    expect(repairControlChars('a \neq b')).toBe('a \\neq b');
  });

  it('leaves ordinary whitespace alone', () => {
    expect(repairControlChars('line one\nline two\tcolumn\r\n')).toBe('line one\nline two\tcolumn\r\n');
    // In a whole response a newline before "eq" is more likely a real newline.
    expect(repairControlChars('so\neq', 'response')).toBe('so\neq');
    expect(repairControlChars('plain text')).toBe('plain text');
  });
});
