// Representative [pred, gold] pairs for the verifier micro-benchmark (scripts/bench/verify.ts,
// `npm run bench -- verify`): the string+numeric path must stay fast (≥ 50,000 checks/s on one core);
// the symbolic path is timed separately. Positive and negative pairs are mixed as in real rollouts
// (most agree exactly).

export interface BenchCases {
  'string+numeric': Array<[string, string]>;
  symbolic: Array<[string, string]>;
}

export function benchCases(): BenchCases {
  return {
    'string+numeric': [
      ['420', '420'],
      ['\\frac{1}{9}', '\\dfrac{1}{9}'],
      ['4:30 \\text{ p.m.}', '\\text{4:30 p.m.}'],
      ['100', '100\\text{ square units}'],
      ['\\frac{5}{16}', '\\frac{3}{8}'],
      ['48', '48^\\circ'],
      ['6287000', '6290000'],
      ['900000000', '900,\\!000,\\!000'],
      ['12.5', '25\\%'],
      ['0.25', '25\\%'],
      ['\\$6', '6'],
      ['1\\frac{1}{10}', '1\\frac{1}{10}'],
      ['1\\frac{8}{91}', '1\\frac{1}{10}'],
      ['9999', '10{,}000'],
      ['10000', '10{,}000'],
      ['0.5', '\\frac12'],
      ['\\frac{\\sqrt{3}}{2}', '0.8660254'],
      ['3\\sqrt{13}', '\\sqrt{117}'],
      ['2\\pi', '6.2831853'],
      ['x = 5', '5'],
      ['\\left( 3, \\frac{\\pi}{2} \\right)', '(3,\\frac{\\pi}{2})'],
      ['(3, 4]', '(3,4)'],
      ['\\{1, 2, 3\\}', '\\{3, 2, 1\\}'],
      ['1, -2', '-2,1'],
      ['\\text{(C)}', 'C'],
      ['\\text{Evelyn}', '\\text{evelyn}'],
      ['27', 27],
      ['1.25', '\\frac{5}{4}'],
      ['-\\frac{40}{153}', '-\\frac{40}{153}'],
      ['2.5e3', '2500'],
      ['(1,2),(3,4)', '(3,4),(1,2)'],
      ['x=1, x=2', '2, 1'],
      ['\\frac{-3\\pm\\sqrt{5}}{2}', '\\frac{-3+\\sqrt5}{2}, \\frac{-3-\\sqrt5}{2}'],
      ['[2, 7]', '(2, 7)'],
      ['\\begin{pmatrix} 0.2 \\\\ -3.6 \\end{pmatrix}', '\\begin{pmatrix} 1/5 \\\\ -18/5 \\end{pmatrix}'],
      ['9999.857142857143', '10000'],
      ['\x0crac{1}{2}', '0.5'],
      ['11111111100', '11,\\! 111,\\! 111,\\! 100'],
      ['-2, 1, 3', '3, 1, -2'],
      ['\\frac{3}{4}', '\\frac{3}{5}'],
    ].map(([a, b]) => [String(a), String(b)] as [string, string]),
    symbolic: [
      ['4a-2', '2(2a-1)'],
      ['x^2+2x+1', '(x+1)^2'],
      ['\\frac{x+2}{7}', '\\frac{x}{7}+\\frac{2}{7}'],
      ['6r^2-4r-24', '2(3r^2-2r-12)'],
      ['(a+5)(b+2)', 'ab+2a+5b+10'],
      ['\\sin^2 x + \\cos^2 x', '1'],
      ['y = 2x + 3', '2x - y + 3 = 0'],
      ['\\frac{11+9a}{20}', '\\frac{11}{20}+\\frac{9a}{20}'],
      ['x^3+3x-6', 'x^3+3x+6'],
      ['p - q', 'q - p'],
    ],
  };
}
