// Plausible step-by-step solutions for the demo problems, with LaTeX and a final \boxed{}: correct ones
// box the gold answer, incorrect ones slip at one step and box a wrong answer (or stop, truncated).
// Cut into tokens the way a BPE tokenizer roughly does (words with their leading space, LaTeX commands,
// single digits), so the heatmap viewer shows realistic token boundaries.
import type { DemoProblem } from './problems';
import { intBetween, pick } from '../../shared/random';

export interface DemoSolution {
  tokens: string[];
  /** Index of the first token of the step that goes wrong; null for a correct solution. */
  errorToken: number | null;
  boxed: string | null;
  truncated: boolean;
}

const OPENINGS = [
  "Let's work through this step by step.",
  'We solve the problem carefully, one step at a time.',
  'To answer this, we set up the computation and simplify.',
];
const CHECKS = [
  'Let me double-check this computation.',
  'This is consistent with the conditions of the problem.',
  'We verify each quantity before moving on.',
  'Note that every step above is reversible.',
];
const METHOD: Record<string, string[]> = {
  Algebra: [
    'Subtracting the constant term from both sides gives an equation of the form $ax = c - b$.',
    'Dividing both sides by the coefficient isolates the variable: $x = \\frac{c - b}{a}$.',
  ],
  'Number Theory': [
    'The powers cycle modulo the divisor, so we look for the period $k$ with $a^k \\equiv 1 \\pmod{m}$.',
    'Reducing the exponent modulo the period leaves a small power to compute.',
  ],
  Geometry: [
    'By the Pythagorean theorem, $c^2 = a^2 + b^2$.',
    'The area of a circle is $A = \\pi r^2$, where $r = \\tfrac{d}{2}$.',
  ],
  'Counting & Probability': [
    'The number of ways is $\\binom{n}{k} = \\frac{n!}{k!\\,(n-k)!}$.',
    'The two rolls are independent, so the probabilities multiply: $P = p \\cdot p$.',
  ],
  'Intermediate Algebra': [
    "By Vieta's formulas, $r_1 + r_2 = -\\frac{b}{a}$ and $r_1 r_2 = \\frac{c}{a}$.",
    'Then $r_1^2 + r_2^2 = (r_1 + r_2)^2 - 2 r_1 r_2$.',
  ],
  Prealgebra: [
    'We use $\\sum_{k=1}^{n} k = \\frac{n(n+1)}{2}$.',
    'The change is the amount paid minus the total cost.',
  ],
  Precalculus: [
    'On the unit circle, $\\cos \\theta$ is the $x$-coordinate of the point at angle $\\theta$.',
    'We have $r = \\sqrt{x^2 + y^2}$ and $\\tan \\theta = \\frac{y}{x}$.',
  ],
};

/** A wrong answer of the same shape as the gold one. */
export function wrongAnswer(answer: string, rand: () => number): string {
  if (/^-?\d+$/.test(answer)) {
    const n = Number(answer);
    return String(rand() < 0.5 ? n + intBetween(rand, 1, 3) * (rand() < 0.5 ? -1 : 1) : n * 2);
  }
  const frac = /^\\frac\{(\d+)\}\{(\d+)\}$/.exec(answer);
  if (frac) return `\\frac{${frac[2]}}{${frac[1]}}`;
  if (answer.includes('\\sqrt')) return `2${answer}`;
  return `${answer} + 1`;
}

/** Pieces as a byte-level BPE tokenizer would roughly cut them; they spell the text exactly. */
export function tokenize(text: string): string[] {
  return text.match(/ ?[A-Za-z]+| ?\\[A-Za-z]+|\d| ?[^\sA-Za-z\d]|\n+| +/g) ?? [];
}

export function demoSolution(problem: DemoProblem, correct: boolean, rand: () => number): DemoSolution {
  const method = METHOD[problem.subject] ?? [pick(rand, CHECKS)];
  const steps: string[] = [pick(rand, OPENINGS)];
  const firstMath = /\$([^$]+)\$/.exec(problem.question)?.[1];
  if (firstMath) steps.push(`**Step 1.** From the problem statement, we are working with $${firstMath}$.`);
  method.forEach((line, i) => steps.push(`**Step ${i + 2}.** ${line}`));
  if (rand() < 0.6) steps.push(pick(rand, CHECKS));
  const errorStep = correct ? null : intBetween(rand, 1, Math.max(1, steps.length - 1));
  const boxed = correct ? problem.answer : wrongAnswer(problem.answer, rand);
  const truncated = !correct && rand() < 0.1;
  if (!correct) steps.splice(errorStep as number, 0, `Simplifying this expression, we get $${boxed}$.`);
  else steps.push(`Simplifying, we get $${boxed}$.`);
  const tokens: string[] = [];
  let errorToken: number | null = null;
  steps.forEach((step, i) => {
    if (i === errorStep) errorToken = tokens.length;
    tokens.push(...tokenize(`${i > 0 ? '\n\n' : ''}${step}`));
  });
  if (truncated)
    return {
      tokens: tokens.slice(0, Math.max(8, tokens.length - intBetween(rand, 3, 10))),
      errorToken,
      boxed: null,
      truncated,
    };
  tokens.push(...tokenize(`\n\nTherefore, the final answer is $\\boxed{${boxed}}$.`));
  return { tokens, errorToken, boxed, truncated };
}
