// Element-wise comparison of tuples, intervals, sets, matrices, unions and answer lists. Tuples and
// intervals keep their order and brackets (`(1, 2]` is not `(1, 2)`); sets and lists of answers are
// matched in any order; a tuple is never a set.
import type { Structure } from './structure';
import { matrixAsVector } from './structure';
import type { ElementComparer, Verdict } from './types';

const MAX_ITEMS = 64;

export function compareStructures(
  pred: Structure | null,
  gold: Structure | null,
  predText: string,
  goldText: string,
  eq: ElementComparer,
): Verdict {
  if (pred === null || gold === null) {
    const single = pred === null ? soleItem(gold) : soleItem(pred);
    if (single !== null) {
      const v = pred === null ? eq(predText, single) : eq(single, goldText);
      return v.equivalent
        ? structured(`one-element ${kindName(pred ?? gold)} matches: ${v.reason}`)
        : reject(`one-element ${kindName(pred ?? gold)}: ${v.reason}`);
    }
    return reject(`${kindName(pred)} vs ${kindName(gold)}`);
  }
  if (pred.kind === 'sequence' && gold.kind === 'sequence') {
    if (pred.items.length !== gold.items.length) return reject(`${pred.items.length} vs ${gold.items.length} elements`);
    if (pred.open !== gold.open || pred.close !== gold.close) {
      return reject(`brackets differ: ${pred.open}…${pred.close} vs ${gold.open}…${gold.close}`);
    }
    return inOrder(pred.items, gold.items, eq, gold.open === '(' && gold.close === ')' ? 'tuple' : 'interval');
  }
  if (pred.kind === 'matrix' && gold.kind === 'matrix') {
    if (pred.rows.length !== gold.rows.length || pred.rows.some((row, r) => row.length !== gold.rows[r]?.length)) {
      return reject('matrix shapes differ');
    }
    return inOrder(pred.rows.flat(), gold.rows.flat(), eq, 'matrix');
  }
  if ((pred.kind === 'matrix' && gold.kind === 'sequence') || (pred.kind === 'sequence' && gold.kind === 'matrix')) {
    const m = pred.kind === 'matrix' ? pred : (gold as Extract<Structure, { kind: 'matrix' }>);
    const seq = pred.kind === 'sequence' ? pred : (gold as Extract<Structure, { kind: 'sequence' }>);
    const vector = matrixAsVector(m);
    if (vector === null || seq.open !== '(' || seq.close !== ')') return reject('matrix vs tuple');
    return pred.kind === 'matrix' ? inOrder(vector, seq.items, eq, 'vector') : inOrder(seq.items, vector, eq, 'vector');
  }
  if (pred.kind === 'union' && gold.kind === 'union')
    return anyOrder(pred.parts, gold.parts, eq, 'structured', 'union');
  if (pred.kind === 'set' && gold.kind === 'set') return anyOrder(pred.items, gold.items, eq, 'structured', 'set');
  if (gold.kind === 'list' && (pred.kind === 'list' || pred.kind === 'set' || pred.kind === 'sequence')) {
    return anyOrder(pred.items, gold.items, eq, 'multiple', 'answer list');
  }
  if (pred.kind === 'list' && gold.kind === 'set')
    return anyOrder(pred.items, gold.items, eq, 'multiple', 'answer list vs set');
  if (pred.kind === 'list' && gold.kind === 'sequence') {
    // "3, \frac{\pi}{2}" for the point (3, \frac{\pi}{2}): the parentheses are only missing.
    if (gold.open !== '(' || gold.close !== ')') return reject(`bare list vs interval`);
    return inOrder(pred.items, gold.items, eq, 'tuple written without parentheses');
  }
  return reject(`${kindName(pred)} vs ${kindName(gold)}`);
}

/** The sole element of a one-element set or list, compared with a scalar. */
function soleItem(s: Structure | null): string | null {
  if (s === null) return null;
  if ((s.kind === 'set' || s.kind === 'list') && s.items.length === 1) return s.items[0] ?? null;
  return null;
}

function inOrder(pred: string[], gold: string[], eq: ElementComparer, what: string): Verdict {
  if (pred.length !== gold.length) return reject(`${what}: ${pred.length} vs ${gold.length} elements`);
  if (gold.length > MAX_ITEMS) return reject(`${what}: more than ${MAX_ITEMS} elements`);
  const stages = new Set<string>();
  for (let k = 0; k < gold.length; k++) {
    const v = eq(pred[k] as string, gold[k] as string);
    if (!v.equivalent) return reject(`${what}: element ${k + 1} differs (${v.reason})`);
    stages.add(v.stage);
  }
  return structured(`${what}: all ${gold.length} elements match (${[...stages].join(', ')})`);
}

/**
 * Greedy matching in any order. Equivalence is checked pairwise, so n² checks at most; greedy is
 * exact unless two gold items are both equivalent to the same predicted item, which normal
 * answers never are.
 */
export function anyOrder(
  pred: string[],
  gold: string[],
  eq: ElementComparer,
  stage: 'structured' | 'multiple',
  what: string,
): Verdict {
  if (pred.length !== gold.length) return reject(`${what}: ${pred.length} vs ${gold.length} answers`);
  if (gold.length > MAX_ITEMS) return reject(`${what}: more than ${MAX_ITEMS} answers`);
  const used = new Array<boolean>(pred.length).fill(false);
  for (const g of gold) {
    let found = -1;
    for (let k = 0; k < pred.length && found < 0; k++) if (!used[k] && eq(pred[k] as string, g).equivalent) found = k;
    if (found < 0) return reject(`${what}: nothing matches gold "${g}"`);
    used[found] = true;
  }
  return { equivalent: true, stage, reason: `${what}: all ${gold.length} match in some order` };
}

function kindName(s: Structure | null): string {
  if (s === null) return 'a single value';
  if (s.kind === 'sequence') return s.open === '(' && s.close === ')' ? 'a tuple' : 'an interval';
  return s.kind === 'list' ? 'a list of answers' : `a ${s.kind}`;
}

function structured(reason: string): Verdict {
  return { equivalent: true, stage: 'structured', reason };
}

function reject(reason: string): Verdict {
  return { equivalent: false, stage: 'none', reason: `structured: ${reason}` };
}
