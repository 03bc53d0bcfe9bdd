// Generators of realistic competition-style problems with LaTeX and their exact answers.
import { intBetween, pick } from '../../shared/random';

export interface DemoProblem {
  question: string;
  answer: string;
  subject: string;
}

type Generator = (rand: () => number) => DemoProblem;

function gcd(a: number, b: number): number {
  return b === 0 ? Math.abs(a) : gcd(b, a % b);
}

function frac(n: number, d: number): string {
  const g = gcd(n, d);
  const [p, q] = [n / g, d / g];
  return q === 1 ? `${p}` : `\\frac{${p}}{${q}}`;
}

const generators: Generator[] = [
  (r) => {
    const a = intBetween(r, 2, 9);
    const b = intBetween(r, 1, 20);
    const c = a * intBetween(r, 1, 12) + b;
    return { subject: 'Algebra', question: `Solve for $x$: $${a}x + ${b} = ${c}$.`, answer: frac(c - b, a) };
  },
  (r) => {
    const n = intBetween(r, 2, 40);
    return { subject: 'Algebra', question: `Simplify $\\sqrt{${n * n * 2}}$.`, answer: `${n}\\sqrt{2}` };
  },
  (r) => {
    const base = intBetween(r, 2, 9);
    const exp = intBetween(r, 20, 200);
    const mod = pick(r, [5, 7, 11, 13]);
    let v = 1;
    for (let i = 0; i < exp; i++) v = (v * base) % mod;
    return {
      subject: 'Number Theory',
      question: `Find the remainder when $${base}^{${exp}}$ is divided by $${mod}$.`,
      answer: `${v}`,
    };
  },
  (r) => {
    const a = intBetween(r, 3, 20);
    const b = intBetween(r, 3, 20);
    return {
      subject: 'Geometry',
      question:
        `A right triangle has legs of length ` +
        `$${a}$ and $${b}$. What is the length of its hypotenuse? Express your answer in simplest radical form.`,
      answer: Number.isInteger(Math.sqrt(a * a + b * b)) ? `${Math.sqrt(a * a + b * b)}` : `\\sqrt{${a * a + b * b}}`,
    };
  },
  (r) => {
    const rad = intBetween(r, 2, 15);
    return {
      subject: 'Geometry',
      question: `What is the area of a circle with diameter $${2 * rad}$? Express your answer in terms of $\\pi$.`,
      answer: `${rad * rad}\\pi`,
    };
  },
  (r) => {
    const n = intBetween(r, 5, 12);
    const k = intBetween(r, 2, Math.min(5, n - 1));
    let c = 1;
    for (let i = 0; i < k; i++) c = (c * (n - i)) / (i + 1);
    return {
      subject: 'Counting & Probability',
      question: `In how many ways can a committee of $${k}$ be chosen from $${n}$ people?`,
      answer: `${c}`,
    };
  },
  (r) => {
    const faces = pick(r, [6, 8, 12]);
    const target = intBetween(r, 1, faces);
    return {
      subject: 'Counting & Probability',
      question:
        `A fair ${faces}-sided die is rolled twice. What is the probability that both ` +
        `rolls are at most $${target}$? Express your answer as a common fraction.`,
      answer: frac(target * target, faces * faces),
    };
  },
  (r) => {
    const a = intBetween(r, 1, 9);
    const b = intBetween(r, 1, 9);
    return {
      subject: 'Intermediate Algebra',
      question: `Let $f(x) = x^2 - ${a + b}x + ${a * b}$. Find the sum of the squares of the roots of $f(x) = 0$.`,
      answer: `${a * a + b * b}`,
    };
  },
  (r) => {
    const n = intBetween(r, 3, 30);
    return {
      subject: 'Prealgebra',
      question: `Compute $\\displaystyle\\sum_{k=1}^{${n}} k$.`,
      answer: `${(n * (n + 1)) / 2}`,
    };
  },
  (r) => {
    const deg = pick(r, [30, 45, 60]);
    const ans = { 30: '\\frac{\\sqrt{3}}{2}', 45: '\\frac{\\sqrt{2}}{2}', 60: '\\frac{1}{2}' }[deg] as string;
    return { subject: 'Precalculus', question: `Compute $\\cos ${deg}^\\circ$.`, answer: ans };
  },
  (r) => {
    const x = intBetween(r, 1, 6);
    const y = intBetween(r, 1, 6);
    return {
      subject: 'Precalculus',
      question:
        `Convert the point ` +
        `$(${x}, ${x * y})$ in rectangular coordinates to polar coordinates. Enter your answer ` +
        `in the form $(r,\\theta)$, where $r > 0$ and $0 \\le \\theta < 2\\pi$.`,
      answer: `\\left( ${x}\\sqrt{${1 + y * y}}, \\arctan ${y} \\right)`,
    };
  },
  (r) => {
    const price = intBetween(r, 3, 40);
    const qty = intBetween(r, 2, 12);
    return {
      subject: 'Prealgebra',
      question:
        `Maria buys ${qty} notebooks at \\$${price} each and pays with a ` +
        `\\$${price * qty + 20} bill. How much change, in dollars, does she receive?`,
      answer: '20',
    };
  },
];

export function demoProblem(rand: () => number): DemoProblem {
  return pick(rand, generators)(rand);
}
