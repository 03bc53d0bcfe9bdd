// Shared runner for the hand-written equivalence tables (*.test.ts in this folder). Each row is
// checked in both directions unless it is marked one-way (percent leniency and the integer rule
// are asymmetric on purpose: the gold answer decides).
import { expect, it } from 'vitest';
import { checkAnswer } from './equivalence';
import type { CheckOptions, VerifyStage } from './types';

export interface EquivalenceCase {
  pred: unknown;
  gold: unknown;
  equivalent: boolean;
  /** The accepting stage, for positive cases. */
  stage?: VerifyStage;
  options?: CheckOptions;
  oneWay?: boolean;
}

/** Compact rows: [pred, gold, equivalent, stage?]. */
export type CaseRow = [unknown, unknown, boolean, VerifyStage?];

export function rows(list: CaseRow[], extra: Partial<EquivalenceCase> = {}): EquivalenceCase[] {
  return list.map(([pred, gold, equivalent, stage]) => ({
    pred,
    gold,
    equivalent,
    ...(stage ? { stage } : {}),
    ...extra,
  }));
}

const show = (v: unknown) => (typeof v === 'string' ? v : JSON.stringify(v));

export function runCases(cases: EquivalenceCase[]): void {
  for (const c of cases) {
    const verb = c.equivalent ? '≡' : '≢';
    it(`${show(c.pred)} ${verb} ${show(c.gold)}${c.oneWay ? ' (one way)' : ''}`, () => {
      const forward = checkAnswer(c.pred, c.gold, c.options);
      expect(forward.equivalent, forward.reason).toBe(c.equivalent);
      if (c.equivalent && c.stage) expect(forward.stage, forward.reason).toBe(c.stage);
      if (!c.equivalent) {
        expect(forward.stage).toBe('none');
        expect(forward.reason.length).toBeGreaterThan(0);
      }
      if (c.oneWay) return;
      const backward = checkAnswer(c.gold, c.pred, c.options);
      expect(backward.equivalent, `reversed: ${backward.reason}`).toBe(c.equivalent);
    });
  }
}
