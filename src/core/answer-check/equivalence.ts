// checkAnswer: is a predicted answer equivalent to the gold answer? Stages, cheapest first, each
// recorded: exact normal-form string → numeric → structured (tuples, intervals, sets, matrices) /
// multiple answers → symbolic (mathjs). mathjs is reached only when the cheap stages cannot decide,
// which keeps the common string-and-number path fast.
import { LruCache } from '../../shared/lru-cache';
import { answerTexts, mentionsPercent } from './answer-input';
import { normalizeAnswer } from './normalize';
import { compareNumeric, parseNumeric } from './numeric';
import { expandPlusMinus, parseStructure } from './structure';
import type { Structure } from './structure';
import { anyOrder, compareStructures } from './structured-compare';
import { symbolicEqual } from './symbolic';
import type { CheckOptions, CheckResult, CompareContext, Verdict } from './types';

const MAX_DEPTH = 4;
const MAX_ANSWER_LENGTH = 1000;
const DEFAULT_BUDGET_MS = 200;

export function checkAnswer(pred: unknown, gold: unknown, options: CheckOptions = {}): CheckResult {
  const predTexts = answerTexts(pred);
  const goldTexts = answerTexts(gold);
  const predNormalized = predTexts ? predTexts.map(normalizeCached).join(',') : null;
  const goldNormalized = goldTexts ? goldTexts.map(normalizeCached).join(',') : null;
  const done = (v: Verdict): CheckResult => ({ ...v, predNormalized, goldNormalized });
  if (goldTexts === null) return done(reject('no gold answer'));
  if (predTexts === null) return done(reject('no predicted answer'));

  const mode = options.percentLeniency ?? 'when-marked';
  const ctx: CompareContext = {
    percent: mode === 'always' || (mode === 'when-marked' && mentionsPercent([...predTexts, ...goldTexts])),
    symbolic: options.symbolic ?? true,
    relativeTolerance: options.relativeTolerance ?? 1e-4,
    deadline: performance.now() + (options.symbolicBudgetMs ?? DEFAULT_BUDGET_MS),
  };
  try {
    if (goldTexts.length > 1 || predTexts.length > 1 || options.isMultipleAnswer) {
      return done(compareAnswerSets(predTexts.map(normalizeCached), goldTexts.map(normalizeCached), ctx));
    }
    return done(compareNormalized(predNormalized as string, goldNormalized as string, ctx, 0));
  } catch (err) {
    return done(reject(`internal error: ${err instanceof Error ? err.message : String(err)}`));
  }
}

/** Two normalised answers through the stages. Exported for majority voting and tests. */
export function compareNormalized(pred: string, gold: string, ctx: CompareContext, depth: number): Verdict {
  if (pred === gold) return { equivalent: true, stage: 'exact', reason: 'equal normal forms' };
  if (pred === '' || gold === '') return reject(pred === '' ? 'empty prediction' : 'empty gold answer');
  // Real answers are short; a pasted paragraph gets the exact comparison only (and no deep recursion).
  if (pred.length > MAX_ANSWER_LENGTH || gold.length > MAX_ANSWER_LENGTH)
    return reject(`longer than ${MAX_ANSWER_LENGTH} characters and not equal as text`);
  if (/^[a-zA-Z][a-zA-Z ]+$/.test(pred) && pred.toLowerCase() === gold.toLowerCase()) {
    return { equivalent: true, stage: 'exact', reason: 'equal text ignoring case' };
  }

  const np = parseNumeric(pred);
  const ng = np === null ? null : parseNumeric(gold);
  if (np !== null && ng !== null) {
    const v = compareNumeric(np, ng, { relativeTolerance: ctx.relativeTolerance, percent: ctx.percent });
    return v.equal ? { equivalent: true, stage: 'numeric', reason: v.reason } : reject(`numeric: ${v.reason}`);
  }

  if (depth >= MAX_DEPTH) return reject('nested too deeply');
  const sp = structureOf(pred);
  const sg = structureOf(gold);
  if (sp !== null || sg !== null) {
    const eq = (a: string, b: string) => compareNormalized(normalizeCached(a), normalizeCached(b), ctx, depth + 1);
    return compareStructures(sp, sg, pred, gold, eq);
  }

  // Words are not products of letters: "east" and "seat" must not meet in the symbolic stage.
  if (looksLikeText(pred) || looksLikeText(gold)) return reject('different text answers');
  if (!ctx.symbolic) return reject('different strings and not both numbers (symbolic stage off)');
  const remaining = ctx.deadline - performance.now();
  if (remaining <= 0) return reject('symbolic time budget spent');
  const s = symbolicEqual(pred, gold, remaining, ctx.relativeTolerance);
  if (s.equal === true) return { equivalent: true, stage: 'symbolic', reason: s.reason };
  return reject(s.equal === false ? `symbolic: ${s.reason}` : `undecided, treated as different: ${s.reason}`);
}

/** A word of three letters or more, or a run of four letters that is not a command name. */
function looksLikeText(s: string): boolean {
  return /^[a-zA-Z]{3,}$/.test(s) || /(?<![\\a-zA-Z])[a-zA-Z]{4,}/.test(s);
}

/** A structure, or the two answers of a single `a \pm b`. */
function structureOf(s: string): Structure | null {
  const parsed = parseStructure(s);
  if (parsed !== null) return parsed;
  const pm = expandPlusMinus(s);
  return pm === null ? null : { kind: 'list', items: pm };
}

/** Several gold answers (a list, or `is_multiple_answer`): matched in any order. */
function compareAnswerSets(predItems: string[], goldItems: string[], ctx: CompareContext): Verdict {
  const pred = predItems.flatMap(splitAnswers);
  const gold = goldItems.flatMap(splitAnswers);
  if (pred.length === 1 && gold.length === 1) return compareNormalized(pred[0] as string, gold[0] as string, ctx, 0);
  const eq = (a: string, b: string) => compareNormalized(a, b, ctx, 1);
  return anyOrder(pred, gold, eq, 'multiple', 'answers');
}

/** The answers inside one text: a list, a set or a ± pair; a tuple stays one answer (a point). */
function splitAnswers(s: string): string[] {
  const st = structureOf(s);
  if (st !== null && (st.kind === 'list' || st.kind === 'set')) return st.items.map(normalizeCached);
  return [s];
}

function reject(reason: string): Verdict {
  return { equivalent: false, stage: 'none', reason };
}

// Gold answers repeat (8–16 responses per prompt), so normal forms are memoised in a bounded map.
const CACHE_LIMIT = 4096;
const cache = new LruCache<string, string>(CACHE_LIMIT);

export function normalizeCached(s: string): string {
  return cache.getOrSet(s, () => normalizeAnswer(s));
}

/** Forget memoised normal forms (the benchmark's cold figure times normalisation as well). */
export function clearNormalizeCache(): void {
  cache.clear();
}
