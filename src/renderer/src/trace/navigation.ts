// Keyboard targets in a trace: the next / previous run of high-importance tokens, the crossing point
// (where the RM's running probability crosses 0.5 for the last time) and the final answer.
import { binImportance } from './heat/scale';
import type { HeatScale } from './heat/scale';

/** Importance at or above which a token counts as "high" (the outer quarter of the scale). */
export const HIGH_IMPORTANCE = 0.75;

function isHigh(bins: Uint8Array, i: number, kind: HeatScale['kind']): boolean {
  return binImportance(bins[i] as number, kind) >= HIGH_IMPORTANCE;
}

/**
 * The start of the next run of high-importance tokens after `from` (a run of adjacent high tokens is one
 * stop, so the key does not crawl through a hot line token by token). -1 when there is none.
 */
export function nextHighRun(bins: Uint8Array, kind: HeatScale['kind'], from: number): number {
  let i = Math.max(-1, from) + 1;
  // Leave the run `from` is in.
  if (from >= 0 && from < bins.length && isHigh(bins, from, kind)) while (i < bins.length && isHigh(bins, i, kind)) i++;
  for (; i < bins.length; i++) if (isHigh(bins, i, kind)) return i;
  return -1;
}

/** The start of the previous run of high-importance tokens before `from`. -1 when there is none. */
export function previousHighRun(bins: Uint8Array, kind: HeatScale['kind'], from: number): number {
  let i = Math.min(bins.length, from) - 1;
  // Leave the run `from` is in: its own start is not "previous".
  if (from >= 0 && from < bins.length && isHigh(bins, from, kind)) while (i >= 0 && isHigh(bins, i, kind)) i--;
  for (; i >= 0; i--) {
    if (isHigh(bins, i, kind)) {
      while (i > 0 && isHigh(bins, i - 1, kind)) i--;
      return i;
    }
  }
  return -1;
}

/**
 * The token from which the running probability stays on its final side of 0.5 (as core's oreal-signals
 * computes it for rollout rows); null when it never changes side. 0.5 counts as the upper side.
 */
export function crossingIndex(prob: ArrayLike<number>): number | null {
  const n = prob.length;
  if (n < 2) return null;
  const finalUpper = (prob[n - 1] as number) >= 0.5;
  for (let t = n - 2; t >= 0; t--) {
    if ((prob[t] as number) >= 0.5 !== finalUpper) return t + 1;
  }
  return null;
}

const ANSWER_MARKERS = [/\\boxed\s*\{/g, /\\fbox\s*\{/g, /answer is/gi, /\*\*Final Answer\*\*/gi, /Final Answer/gi];

/**
 * The character offset where the final answer is written: the last \boxed{…}, else the last "answer is";
 * null if neither.
 */
export function finalAnswerOffset(text: string): number | null {
  for (const marker of ANSWER_MARKERS) {
    let last: number | null = null;
    const re = new RegExp(marker.source, marker.flags);
    for (let m = re.exec(text); m !== null; m = re.exec(text)) last = m.index;
    if (last !== null) return last;
  }
  return null;
}
