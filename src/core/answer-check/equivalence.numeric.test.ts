// Exact and numeric stages: MATH-style normal forms, numbers in every written form, tolerance.
import { describe } from 'vitest';
import { rows, runCases } from './equivalence-test-kit';

describe('exact normal forms', () => {
  runCases(
    rows([
      ['5', '5', true, 'exact'],
      ['5.0', '5', true, 'exact'],
      ['05', '5', true, 'exact'],
      ['00123', '123', true, 'exact'],
      ['.5', '0.5', true, 'exact'],
      ['-0', '0', true, 'exact'],
      ['\\frac12', '\\frac{1}{2}', true, 'exact'],
      ['\\dfrac{3}{4}', '\\frac34', true, 'exact'],
      ['\\tfrac{3}{4}', '\\frac{3}{4}', true, 'exact'],
      ['3/4', '\\frac{3}{4}', true, 'exact'],
      ['-3/4', '-\\frac{3}{4}', true, 'exact'],
      ['\\sqrt3', '\\sqrt{3}', true, 'exact'],
      ['11\\sqrt2', '11\\sqrt{2}', true, 'exact'],
      ['1,000', '1000', true, 'exact'],
      ['40,\\!000', '40000', true, 'exact'],
      ['1\\,000\\,000', '1000000', true, 'exact'],
      ['\\$18.90', '18.9', true, 'exact'],
      ['37.50', '37.5', true, 'exact'],
      ['25', '25\\%', true, 'exact'],
      ['90^\\circ', '90', true, 'exact'],
      ['90^{\\circ}', '90°', true, 'exact'],
      ['5\\text{ cm}', '5', true, 'exact'],
      ['5 cm', '5', true, 'exact'],
      ['100 square units', '100', true, 'exact'],
      ['\\text{5 inches}', '5', true, 'exact'],
      ['x = 5', '5', true, 'exact'],
      ['5.', '5', true, 'exact'],
      ['−3', '-3', true, 'exact'],
      ['{5}', '5', true, 'exact'],
      ['\\boxed{5}', '5', true, 'exact'],
      ['$5$', '5', true, 'exact'],
      ['\\(7\\pi\\)', '7\\pi', true, 'exact'],
      ['\\frac{270}{7}', '\\frac{270}7\\text{ degrees}', true, 'exact'],
      ['\\frac 59', '\\frac{5}{9}', true, 'exact'],
      ['\\text{Evelyn}', 'Evelyn', true, 'exact'],
      ['evelyn', '\\text{Evelyn}', true, 'exact'],
      ['3 R^{2}', '3R^2', true, 'exact'],
      ['\\left(-3\\right)', '(-3)', true, 'exact'],
    ]),
  );
});

describe('numeric values', () => {
  runCases(
    rows([
      ['0.5', '\\frac{1}{2}', true, 'numeric'],
      ['\\tfrac{3}{4}', '0.75', true, 'numeric'],
      ['1.5e3', '1500', true, 'numeric'],
      ['1.5\\times10^{3}', '1500', true, 'numeric'],
      ['2\\cdot 10^3', '2000', true, 'numeric'],
      ['\\sqrt{2}/2', '\\frac{\\sqrt{2}}{2}', true, 'numeric'],
      ['2\\sqrt{3}', '\\sqrt{12}', true, 'numeric'],
      ['3\\sqrt{13}', '\\sqrt{117}', true, 'numeric'],
      ['3.4641', '2\\sqrt{3}', true, 'numeric'],
      ['\\pi', '3.14159', true, 'numeric'],
      ['2\\pi', '\\frac{4\\pi}{2}', true, 'numeric'],
      ['12\\frac{3}{5}', '12.6', true, 'numeric'],
      ['12\\frac{3}{5}', '\\frac{63}{5}', true, 'numeric'],
      ['-2\\frac{1}{2}', '-2.5', true, 'numeric'],
      ['1e-3', '0.001', true, 'numeric'],
      ['0.333333', '\\frac{1}{3}', true, 'numeric'],
      ['2^{10}', '1024', true, 'numeric'],
      ['\\sqrt[3]{27}', '3', true, 'numeric'],
      ['\\frac{-1}{2}', '-\\frac12', true, 'numeric'],
      ['\\frac{1}{\\sqrt{2}}', '\\frac{\\sqrt{2}}{2}', true, 'numeric'],
      ['2\\sqrt{2}+\\sqrt{2}', '3\\sqrt{2}', true, 'numeric'],
      ['\\dfrac{17}{50}', '0.34', true, 'numeric'],
      ['k=\\frac{1}{2}', '0.5', true, 'numeric'],
      ['(-3)', '-3', true, 'numeric'],
      ['5', '6', false],
      ['100001', '100000', false],
      ['6290000', '6287000', false],
      ['0.33', '\\frac13', false],
      ['3.14', '\\pi', false],
      ['\\frac{3}{8}', '\\frac{5}{16}', false],
      ['-4', '4', false],
      ['1\\frac{1}{10}', '1\\frac{8}{91}', false],
      ['2\\sqrt{3}', '3\\sqrt{2}', false],
      ['12\\frac{3}{5}', '7.2', false],
      ['0', '0.00001', false],
      ['1e5', '1e6', false],
      ['2500', '25', false],
      ['0.25', '25', false],
    ]),
  );
});

describe('asymmetric numeric rules (the gold answer decides)', () => {
  runCases([
    // 9999.857 is not an approximation of the integer answer 10000 (as PRM800K's grader) …
    { pred: '9999.857142857143', gold: '10000', equivalent: false, oneWay: true },
    { pred: '9999\\frac{6}{7}', gold: '10{,}000', equivalent: false, oneWay: true },
    // … but a rounded decimal answer is accepted within the relative tolerance 1e-4.
    { pred: '10000', gold: '9999.857142857143', equivalent: true, stage: 'numeric', oneWay: true },
    // Percent leniency: gold×100 or gold/100, when either side marks a percentage …
    { pred: '10\\%', gold: '0.1', equivalent: true, stage: 'numeric', oneWay: true },
    { pred: '0.25', gold: '25\\%', equivalent: true, stage: 'numeric', oneWay: true },
    { pred: '25 percent', gold: '0.25', equivalent: true, stage: 'numeric', oneWay: true },
    // … always (as OREAL and Qwen2.5-Math) or never, on request.
    { pred: '0.25', gold: '25', equivalent: true, stage: 'numeric', options: { percentLeniency: 'always' } },
    { pred: '0.25', gold: '25\\%', equivalent: false, options: { percentLeniency: 'never' }, oneWay: true },
    // A looser tolerance can be asked for.
    { pred: '3.14', gold: '\\pi', equivalent: true, stage: 'numeric', options: { relativeTolerance: 1e-3 } },
  ]);
});
