// The symbolic stage: both answers converted to mathjs and compared by evaluation at seeded random
// points (an identity holds everywhere, so agreeing at several random points is strong evidence),
// with mathjs simplify(a - b) == 0 as a fallback when the points are inconclusive. mathjs calls
// cannot be interrupted, so the budget is checked between steps and inputs are size-capped.
import { seededRandom } from '../../shared/random';
import type { EvalFunction } from 'mathjs';
import { latexToMathjs } from './latex-to-mathjs';
import { mathjs } from './mathjs-loader';

export interface SymbolicVerdict {
  /** null: the stage could not decide (unsupported syntax, budget spent). */
  equal: boolean | null;
  reason: string;
}

const MAX_EXPRESSION_LENGTH = 600;
const POINTS_NEEDED = 4;
const POINTS_TRIED = 10;
const POINT_TOLERANCE = 1e-6;

type Complexish = { re: number; im: number };

export function symbolicEqual(
  pred: string,
  gold: string,
  budgetMs: number,
  constantTolerance: number,
): SymbolicVerdict {
  let deadline = performance.now() + budgetMs;
  const pair = convertPair(pred, gold);
  if ('reason' in pair) return { equal: null, reason: pair.reason };
  // The one-time load of mathjs (seconds) is not charged to this call's budget.
  const loadStart = performance.now();
  const { compile } = mathjs();
  deadline += performance.now() - loadStart;
  const { a, b, isEquation } = pair;
  if (a.expr.length > MAX_EXPRESSION_LENGTH || b.expr.length > MAX_EXPRESSION_LENGTH)
    return { equal: null, reason: 'expression too long for the symbolic stage' };

  let fa: EvalFunction;
  let fb: EvalFunction;
  try {
    fa = compile(a.expr);
    fb = compile(b.expr);
  } catch {
    return { equal: null, reason: 'mathjs could not parse the converted expressions' };
  }
  const variables = [...new Set([...a.variables, ...b.variables])].sort();
  if (variables.length === 0 && !isEquation) {
    const va = evaluate(fa, {});
    const vb = evaluate(fb, {});
    if (va === null || vb === null)
      return { equal: null, reason: 'a constant expression did not evaluate to a number' };
    return close(va, vb, constantTolerance)
      ? { equal: true, reason: 'equal constants (mathjs evaluation)' }
      : { equal: false, reason: `constants differ: ${show(va)} vs ${show(vb)}` };
  }

  const signs = isEquation ? [1, -1] : [1];
  for (const sign of signs) {
    const verdict = compareAtPoints(fa, fb, variables, sign, deadline);
    if (verdict.equal === true)
      return {
        equal: true,
        reason: isEquation ? `same equation${sign < 0 ? ' (sides swapped)' : ''}: ${verdict.reason}` : verdict.reason,
      };
    if (verdict.equal === null) return simplifyFallback(a.expr, b.expr, deadline, verdict.reason);
  }
  return {
    equal: false,
    reason: isEquation ? 'the equations differ at random points' : `expressions differ at random points`,
  };
}

type Converted = { expr: string; variables: Set<string> };

/**
 * Both sides as mathjs expressions. Equations become lhs - rhs (compared up to sign). An expression
 * against an equation whose extra variable it lacks is read as "that variable = expression": the
 * normal form drops a short `y =` prefix, so gold `2x - y + 3 = 0` meets prediction `2x+3`.
 */
function convertPair(
  pred: string,
  gold: string,
): { a: Converted; b: Converted; isEquation: boolean } | { reason: string } {
  const predEq = splitEquation(pred);
  const goldEq = splitEquation(gold);
  const a = predEq ? convertEquation(predEq) : latexToMathjs(pred);
  const b = goldEq ? convertEquation(goldEq) : latexToMathjs(gold);
  if (a === null) return { reason: `cannot read the prediction "${pred}" as an expression` };
  if (b === null) return { reason: `cannot read the gold answer "${gold}" as an expression` };
  if ((predEq === null) === (goldEq === null)) return { a, b, isEquation: predEq !== null };
  const [equation, expression] = predEq ? [a, b] : [b, a];
  const missing = [...equation.variables].filter((v) => !expression.variables.has(v));
  if (missing.length !== 1) return { reason: 'one side is an equation, the other is not' };
  const asEquation = {
    expr: `(${missing[0]}) - (${expression.expr})`,
    variables: new Set([...expression.variables, ...missing]),
  };
  return predEq ? { a, b: asEquation, isEquation: true } : { a: asEquation, b, isEquation: true };
}

function splitEquation(s: string): [string, string] | null {
  const parts = s.split('=');
  return parts.length === 2 ? [parts[0] as string, parts[1] as string] : null;
}

function convertEquation([left, right]: [string, string]): Converted | null {
  const l = latexToMathjs(left);
  const r = latexToMathjs(right);
  if (l === null || r === null) return null;
  return { expr: `(${l.expr}) - (${r.expr})`, variables: new Set([...l.variables, ...r.variables]) };
}

function compareAtPoints(
  fa: EvalFunction,
  fb: EvalFunction,
  variables: string[],
  sign: number,
  deadline: number,
): SymbolicVerdict {
  // Seeded, so that verdicts are reproducible.
  const random = seededRandom(0x5eed);
  let agreeing = 0;
  for (let k = 0; k < POINTS_TRIED && agreeing < POINTS_NEEDED; k++) {
    if (performance.now() > deadline) return { equal: null, reason: 'symbolic time budget spent' };
    const scope: Record<string, number> = {};
    for (const v of variables) scope[v] = 0.25 + 2.5 * random();
    const va = evaluate(fa, scope);
    const vb = evaluate(fb, scope);
    if (va === null || vb === null) continue; // outside a domain: try another point
    if (!close(va, { re: sign * vb.re, im: sign * vb.im }, POINT_TOLERANCE)) {
      return { equal: false, reason: `differ at ${describe(scope)}: ${show(va)} vs ${show(vb)}` };
    }
    agreeing++;
  }
  if (agreeing >= POINTS_NEEDED) return { equal: true, reason: `agree at ${agreeing} random points` };
  return { equal: null, reason: `only ${agreeing} random points could be evaluated` };
}

function simplifyFallback(a: string, b: string, deadline: number, why: string): SymbolicVerdict {
  if (performance.now() > deadline) return { equal: null, reason: why };
  try {
    const { parse, simplify } = mathjs();
    const difference = simplify(parse(`(${a}) - (${b})`)).toString();
    if (difference === '0') return { equal: true, reason: 'simplify(a - b) = 0' };
    return { equal: null, reason: `${why}; simplify(a - b) = ${difference.slice(0, 80)}` };
  } catch {
    return { equal: null, reason: why };
  }
}

function evaluate(f: EvalFunction, scope: Record<string, number>): Complexish | null {
  let v: unknown;
  try {
    v = f.evaluate(scope);
  } catch {
    return null;
  }
  if (typeof v === 'number') return Number.isFinite(v) ? { re: v, im: 0 } : null;
  if (v !== null && typeof v === 'object' && 're' in v && 'im' in v) {
    const { re, im } = v as Complexish;
    return Number.isFinite(re) && Number.isFinite(im) ? { re, im } : null;
  }
  return null;
}

function close(a: Complexish, b: Complexish, tolerance: number): boolean {
  const diff = Math.hypot(a.re - b.re, a.im - b.im);
  return diff <= Math.max(tolerance * Math.max(Math.hypot(a.re, a.im), Math.hypot(b.re, b.im)), 1e-9);
}

function show(v: Complexish): string {
  const re = Number(v.re.toPrecision(8));
  return v.im === 0 ? String(re) : `${re}${v.im < 0 ? '-' : '+'}${Math.abs(Number(v.im.toPrecision(8)))}i`;
}

function describe(scope: Record<string, number>): string {
  return Object.entries(scope)
    .map(([k, v]) => `${k.replace(/^v_/, '')}=${v.toFixed(3)}`)
    .join(', ');
}
