// Tuples, intervals, sets, matrices, unions and several answers.
import { describe } from 'vitest';
import { rows, runCases } from './equivalence-test-kit';

describe('tuples and intervals: in order, brackets must match', () => {
  runCases(
    rows([
      ['(1,2)', '(1, 2)', true, 'exact'],
      ['\\left( 3, \\frac{\\pi}{2} \\right)', '(3,\\frac{\\pi}{2})', true, 'exact'],
      ['(3, \\pi/2)', '\\left( 3, \\frac{\\pi}{2} \\right)', true, 'structured'],
      ['(0.5, 2)', '(\\frac12, 2)', true, 'structured'],
      ['(6, 31, -1)', '(6,31,-1.0)', true, 'exact'],
      ['x\\in[-2, 7]', '[-2,7]', true, 'exact'],
      ['(-∞, 0]', '(-\\infty, 0]', true, 'exact'],
      ['(2, \\infty)', '(2,\\infty)', true, 'exact'],
      ['[0.5, 1)', '[\\frac{1}{2}, 1)', true, 'structured'],
      ['\\left(\\frac{3}{5},\\frac{8}{3}\\right]', '(0.6, \\frac{8}{3}]', true, 'structured'],
      ['(-\\infty,2)\\cup(3,\\infty)', '(3,\\infty)\\cup(-\\infty,2)', true, 'structured'],
      ['(0,9) \\cup (9,36)', '(0, 9)\\cup(9, 36)', true, 'exact'],
      ['(3,4]', '(3,4)', false],
      ['[3,4]', '(3,4)', false],
      ['[2, 7]', '(2, 7)', false],
      ['(1,2)', '(2,1)', false],
      ['(1,2)', '(1,2,3)', false],
      ['(1,2)', '1', false],
      ['(1, 2)', '(1, 3)', false],
      ['(-\\infty,2)\\cup(3,\\infty)', '(-\\infty,2)\\cup(4,\\infty)', false],
      ['(-\\infty,2)\\cup(3,\\infty)', '(-\\infty,\\infty)', false],
      ['(1,2)', '\\{1,2\\}', false],
    ]),
  );
});

describe('sets: any order', () => {
  runCases(
    rows([
      ['\\{1,2,3\\}', '\\{3,1,2\\}', true, 'structured'],
      ['\\{1,2\\}', '\\{2,1\\}', true, 'structured'],
      ['\\{\\frac12, 3\\}', '\\{3, 0.5\\}', true, 'structured'],
      ['\\emptyset', '\\{\\}', true, 'exact'],
      ['\\varnothing', '\\emptyset', true, 'exact'],
      ['\\{1\\pm\\sqrt{5},-2\\}', '-2, 1+\\sqrt5, 1-\\sqrt5', true, 'multiple'],
      ['\\{1,2\\}', '\\{1,3\\}', false],
      ['\\{1,2\\}', '\\{1,2,3\\}', false],
      ['\\{(1,2),(3,4)\\}', '\\{(3,4),(1,2)\\}', true, 'structured'],
      ['\\{(1,2),(3,4)\\}', '\\{(4,3),(1,2)\\}', false],
    ]),
  );
});

describe('matrices and vectors', () => {
  runCases(
    rows([
      ['\\begin{pmatrix} 1 \\\\ 2 \\end{pmatrix}', '\\begin{pmatrix}1\\\\2\\end{pmatrix}', true, 'exact'],
      ['\\begin{bmatrix} 1 & 2 \\\\ 3 & 4 \\end{bmatrix}', '\\begin{pmatrix}1&2\\\\3&4\\end{pmatrix}', true, 'exact'],
      [
        '\\begin{pmatrix} -1/3 \\\\ 2/3 \\\\ 5/3 \\end{pmatrix}',
        '\\begin{pmatrix} -\\frac13 \\\\ \\frac23 \\\\ \\frac53 \\end{pmatrix}',
        true,
        'structured',
      ],
      ['(-1/3, 2/3, 5/3)', '\\begin{pmatrix} -1/3 \\\\ 2/3 \\\\ 5/3 \\end{pmatrix}', true, 'structured'],
      [
        '\\begin{pmatrix} 0.2 \\\\ -3.6 \\end{pmatrix}',
        '\\begin{pmatrix} 1/5 \\\\ -18/5 \\end{pmatrix}',
        true,
        'structured',
      ],
      ['\\begin{pmatrix}1&2\\\\3&4\\end{pmatrix}', '\\begin{pmatrix}1&3\\\\2&4\\end{pmatrix}', false],
      ['\\begin{pmatrix}1\\\\2\\end{pmatrix}', '\\begin{pmatrix}1&2\\\\3&4\\end{pmatrix}', false],
      [
        '\\begin{pmatrix} -2 \\\\ -14 \\\\ -7 \\end{pmatrix}',
        '\\begin{pmatrix} -2 \\\\ -14 \\\\ 7 \\end{pmatrix}',
        false,
      ],
      ['[1, 2]', '\\begin{pmatrix}1\\\\2\\end{pmatrix}', false],
    ]),
  );
});

describe('several answers: any order', () => {
  runCases(
    rows([
      ['1, -2', '-2,1', true, 'multiple'],
      ['3, 5, 7', '7,5,3', true, 'multiple'],
      ['3, \\frac{\\pi}{2}', '\\left( 3, \\frac{\\pi}{2} \\right)', true],
      ['(1,2),(3,4)', '(3,4),(1,2)', true, 'multiple'],
      ['x=1, x=2', ['1', '2'], true, 'multiple'],
      ['2, 1', ['1', '2'], true, 'multiple'],
      ['1 \\text{ and } 2', ['2', '1'], true, 'multiple'],
      ['x = 2 \\text{ or } x = 1', ['$x=1$', '$x=2$'], true, 'multiple'],
      ['\\{1, 2\\}', ['2', '1'], true, 'multiple'],
      [['1', '2'], '2, 1', true, 'multiple'],
      ['1', ['1'], true, 'exact'],
      ['1\\pm\\sqrt{19}', '1+\\sqrt{19},1-\\sqrt{19}', true, 'multiple'],
      ['\\frac{-3\\pm\\sqrt{5}}{2}', '\\frac{-3+\\sqrt5}{2}, \\frac{-3-\\sqrt5}{2}', true, 'multiple'],
      ['1, 2', ['1', '2', '3'], false],
      ['1, 3', ['1', '2'], false],
      ['1, 2', '1, 2, 3', false],
      ['3, 5', '3, 5, 7', false],
      ['1+\\sqrt{19}', '1\\pm\\sqrt{19}', false],
      ['1', ['1', '2'], false],
    ]),
  );
  runCases([
    { pred: '5, -3', gold: '-3, 5', equivalent: true, stage: 'multiple', options: { isMultipleAnswer: true } },
    { pred: '(1,2)', gold: '(1, 2)', equivalent: true, stage: 'exact', options: { isMultipleAnswer: true } },
    { pred: '(2,1)', gold: '(1,2)', equivalent: false, options: { isMultipleAnswer: true } },
    { pred: '2', gold: ['2', '-2'], equivalent: false, options: { isMultipleAnswer: true } },
  ]);
});
