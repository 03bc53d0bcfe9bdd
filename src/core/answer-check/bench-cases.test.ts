// The benchmark pairs: the string+numeric set must be decided by the cheap stages alone (mathjs is
// never even loaded), and the symbolic set must really reach the symbolic stage.
import { describe, expect, it } from 'vitest';
import { benchCases } from './bench-cases';
import { checkAnswer } from './equivalence';
import { isMathjsLoaded } from './mathjs-loader';

describe('benchCases', () => {
  const cases = benchCases();

  it('string+numeric pairs never need mathjs, and mix accepted with rejected pairs', () => {
    const results = cases['string+numeric'].map(([pred, gold]) => checkAnswer(pred, gold));
    for (const [k, r] of results.entries()) {
      expect(r.stage, JSON.stringify(cases['string+numeric'][k])).not.toBe('symbolic');
      expect(r.reason, JSON.stringify(cases['string+numeric'][k])).not.toMatch(/symbolic|undecided/);
    }
    expect(isMathjsLoaded()).toBe(false);
    const accepted = results.filter((r) => r.equivalent).length;
    expect(accepted).toBeGreaterThan(results.length / 2);
    expect(accepted).toBeLessThan(results.length);
    expect(new Set(results.map((r) => r.stage))).toEqual(
      new Set(['exact', 'numeric', 'structured', 'multiple', 'none']),
    );
  });

  it('symbolic pairs are decided by the symbolic stage', () => {
    const results = cases.symbolic.map(([pred, gold]) => checkAnswer(pred, gold));
    for (const [k, r] of results.entries()) {
      const decidedSymbolically = r.stage === 'symbolic' || r.reason.startsWith('symbolic:');
      expect(decidedSymbolically, `${JSON.stringify(cases.symbolic[k])}: ${r.reason}`).toBe(true);
    }
    expect(results.some((r) => !r.equivalent)).toBe(true);
  });
});
