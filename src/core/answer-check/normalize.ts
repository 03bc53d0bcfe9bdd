// MATH-style answer normalisation (hendrycks `strip_string`, with the Qwen2.5-Math additions):
// two answers whose normal forms are equal strings are equivalent. Later stages (numeric,
// structured, symbolic) read these normal forms, so this also fixes LaTeX shorthand they parse.
import { matchingBrace, splitTopLevel } from './latex-scan';
import { repairControlChars } from './repair';
import { stripTrailingUnitWords } from './units';

const PLAIN_NUMBER = /^[-+]?(?:\d+(?:\.\d*)?|\.\d+)$/;

/** The canonical text of a plain number: no sign `+`, no leading zeros, no `.0` tail. */
export function canonicalNumber(s: string): string {
  let out = s.startsWith('+') ? s.slice(1) : s;
  const negative = out.startsWith('-');
  if (negative) out = out.slice(1);
  if (out.includes('.')) out = out.replace(/0+$/, '').replace(/\.$/, '');
  out = out.replace(/^0+(?=\d)/, '');
  if (out.startsWith('.')) out = `0${out}`;
  if (out === '') out = '0';
  return negative && out !== '0' ? `-${out}` : out;
}

const UNICODE: Array<[RegExp, string]> = [
  [/π/g, '\\pi '],
  [/√/g, '\\sqrt'],
  [/[×✕]/g, '\\times '],
  [/[·⋅]/g, '\\cdot '],
  [/÷/g, '\\div '],
  [/[−–]/g, '-'],
  [/∞/g, '\\infty '],
  [/≤/g, '\\le '],
  [/≥/g, '\\ge '],
  [/≠/g, '\\ne '],
  [/±/g, '\\pm '],
  [/∪/g, '\\cup '],
  [/°/g, '^\\circ'],
];

export function normalizeAnswer(raw: string): string {
  // Repair first: trim() would eat the form feed of a broken "\frac".
  let s = repairControlChars(raw, 'answer').trim();
  if (PLAIN_NUMBER.test(s)) return canonicalNumber(s);
  if (/[\u0080-\uffff]/.test(s)) for (const [re, to] of UNICODE) s = s.replace(re, to);
  s = s.replace(/\s+/g, ' ').replace(/[.\s]+$/, '');
  // Most predictions are short and plain: the LaTeX passes run only when there is LaTeX.
  if (/[\\$%{<>~]/.test(s)) s = latexPasses(s);
  s = stripTrailingUnitWords(s.trim());
  s = s.replace(/\binfinity\b|\\infin(?![a-zA-Z])/g, '\\infty').replace(/\\(?:varnothing)(?![a-zA-Z])/g, '\\emptyset');
  s = s.replace(/\s+(?:and|or)\s+/g, ',');
  s = removeSpaces(s);
  s = s.replace(/[.]+$/, '');
  s = dropShortPrefix(s);
  s = fixSqrt(s);
  s = fixFracs(s);
  s = fixNumbers(s);
  s = s.replace(/\^\{(\w)\}/g, '^$1').replace(/_\{(\w)\}/g, '_$1');
  s = stripGroupingBraces(s);
  if (/^\(([A-Za-z0-9])\)$/.test(s)) s = s.slice(1, -1);
  return slashToFrac(s);
}

function latexPasses(input: string): string {
  let s = unwrapDelimiters(input).replace(/[.\s]+$/, '');
  s = latexCleanup(s);
  s = stripUnits(s);
  return s
    .replace(/\^\s*\{\s*\\circ\s*\}|\^\s*\\circ|\\circ|\\degree/g, '')
    .replace(/\\\$|\$/g, '')
    .replace(/\\%|%/g, '')
    .replace(/\\(?:mathbf|boldsymbol|displaystyle|textstyle)(?![a-zA-Z])/g, '')
    .replace(/\\text\s*\{\s*(?:and|or)\s*\}/g, ',')
    .replace(/\\text\s*\{\s*([^{}]*?)\s*\}/g, '$1')
    .replace(/\\text\s*\{\s*([^{}]*?)\s*\}/g, '$1');
}

/** `$…$`, `\(…\)`, `\[…\]` and a whole-answer `\boxed{…}` removed. */
function unwrapDelimiters(input: string): string {
  let s = input;
  for (let changed = true; changed;) {
    changed = false;
    const m = /^(?:\$\$([\s\S]*)\$\$|\$([\s\S]*)\$|\\\(([\s\S]*)\\\)|\\\[([\s\S]*)\\\])$/.exec(s);
    if (m) {
      s = (m[1] ?? m[2] ?? m[3] ?? m[4] ?? '').trim();
      changed = true;
    }
    const box = /^\\(?:boxed|fbox)\s*\{/.exec(s);
    if (box && matchingBrace(s, box[0].length - 1) === s.length - 1) {
      s = s.slice(box[0].length, -1).trim();
      changed = true;
    }
  }
  return s;
}

function latexCleanup(input: string): string {
  let s = input.replace(/\\!/g, '').replace(/\\(?:left|right)\./g, '');
  // `\\frac` left over from double escaping; a lone `\\` (matrix row break) is kept.
  s = s.replace(/\\\\(?=(?:frac|dfrac|tfrac|sqrt|pi|text|cdot|times|infty|left|right|circ|boxed)(?![a-zA-Z]))/g, '\\');
  s = s.replace(/(?<!\\)\\[,;: ]|\\q?quad(?![a-zA-Z])|~/g, ' ');
  s = s.replace(/\\(?:left|right|bigl|bigr|Bigl|Bigr|biggl|biggr|big|Big|bigg|Bigg)(?![a-zA-Z])\s*/g, '');
  s = s.replace(/\\[dtc]frac(?![a-zA-Z])/g, '\\frac').replace(/\\[dt]binom(?![a-zA-Z])/g, '\\binom');
  s = s.replace(/\\(?:mbox|textbf|textrm|textit|mathrm|mathit|textnormal|operatorname)\s*\{/g, '\\text{');
  s = s
    .replace(/\\neq(?![a-zA-Z])/g, '\\ne')
    .replace(/\\(?:leq|leqslant)(?![a-zA-Z])|<=/g, '\\le')
    .replace(/\\(?:geq|geqslant)(?![a-zA-Z])|>=/g, '\\ge')
    .replace(/\\lt(?![a-zA-Z])/g, '<')
    .replace(/\\gt(?![a-zA-Z])/g, '>');
  s = s.replace(/\\\{/g, '{').replace(/\\\}/g, '}');
  s = s.replace(/\{,\}/g, ',');
  s = s.replace(/\\begin\{array\}\{[^}]*\}/g, '\\begin{pmatrix}').replace(/\\end\{array\}/g, '\\end{pmatrix}');
  return s.replace(/[bv]matrix/g, 'pmatrix').replace(/\\ldots|\\cdots|\\dots/g, '\\dots');
}

/** A trailing `\text{ unit}` (optionally squared) after a non-empty answer, as MATH and Qwen drop it. */
function stripUnits(input: string): string {
  let s = input;
  for (let k = 0; k < 2; k++) {
    const m = /\\text\s*\{[^{}]*\}\s*(?:\^\s*\{?[23]\}?)?$/.exec(s);
    if (!m) break;
    const head = s.slice(0, m.index).trim();
    // a.m. / p.m. are part of a time, not a unit.
    if (head === '' || /[ap]\.\s*m\./i.test(m[0]) || /\\text\s*\{[^{}]*$/.test(head)) break;
    s = head.replace(/[,\s]+$/, '');
  }
  return s;
}

/** Spaces go, except one after a command name that a letter follows (`\pi r`, not `\pir`). */
function removeSpaces(s: string): string {
  return s
    .replace(/(\\[a-zA-Z]+)\s+(?=[a-zA-Z])/g, '$1\ue000')
    .replace(/\s+/g, '')
    .replace(/\ue000/g, ' ');
}

/** `x=5` → `5`, `k = \frac12` → `\frac12`, `x\in[1,2]` → `[1,2]`: the left side has at most two characters. */
function dropShortPrefix(s: string): string {
  const inPrefix = /^[a-zA-Z]\\in(?![a-zA-Z])/.exec(s);
  if (inPrefix) return s.slice(inPrefix[0].length).trim();
  const eq = s.indexOf('=');
  if (eq < 0 || eq > 2 || s.indexOf('=', eq + 1) >= 0) return s;
  const left = s.slice(0, eq);
  if (!/^[a-zA-Z][a-zA-Z0-9']?$/.test(left) || eq + 1 >= s.length) return s;
  return s.slice(eq + 1);
}

/** `\sqrt3` → `\sqrt{3}`, `\sqrt12` → `\sqrt{12}`, `\sqrt x` → `\sqrt{x}`. */
function fixSqrt(s: string): string {
  if (!s.includes('\\sqrt')) return s;
  return s.replace(/\\sqrt\s*(\d+|[a-zA-Z](?![a-zA-Z]))/g, '\\sqrt{$1}');
}

/** `\frac12` → `\frac{1}{2}`, `\frac1{72}` → `\frac{1}{72}`, `\frac{3}4` → `\frac{3}{4}`. */
function fixFracs(s: string): string {
  if (!s.includes('\\frac')) return s;
  return s
    .replace(/\\frac\s*(\d|[a-zA-Z])\s*(\d|[a-zA-Z])/g, '\\frac{$1}{$2}')
    .replace(/\\frac\s*(\d|[a-zA-Z])\s*\{/g, '\\frac{$1}{')
    .replace(/\\frac(\{[^{}]*\})\s*(\d|[a-zA-Z])/g, '\\frac$1{$2}');
}

/** Thousands separators, `.5` → `0.5`, leading zeros, `2.0` → `2`, inside any answer. */
function fixNumbers(input: string): string {
  let s = input;
  if (/^[-+]?\d{1,3}(?:,\d{3})+(?:\.\d+)?$/.test(s)) s = s.replace(/,/g, '');
  if (PLAIN_NUMBER.test(s)) return canonicalNumber(s);
  return s
    .replace(/(^|[^\d.])\.(\d)/g, '$10.$2')
    .replace(/(^|[^\d.])0+(?=\d)/g, '$1')
    .replace(/(\d)\.0+(?![\d])/g, '$1');
}

/** `3/4` → `\frac{3}{4}` for integers, as MATH's `_fix_a_slash_b` does. */
function slashToFrac(s: string): string {
  const m = /^(-?)(\d+)\/(\d+)$/.exec(s);
  return m ? `${m[1]}\\frac{${m[2]}}{${m[3]}}` : s;
}

/** `{5}` → `5`, `{{x}}` → `x`; a set `{1,2}` keeps its braces and `{}` is the empty set. */
function stripGroupingBraces(input: string): string {
  let s = input;
  if (s === '{}') return '\\emptyset';
  while (
    s.length > 2 &&
    s.startsWith('{') &&
    matchingBrace(s, 0) === s.length - 1 &&
    splitTopLevel(s.slice(1, -1), ',').length === 1
  )
    s = s.slice(1, -1);
  return s;
}
