import { describe, expect, it } from 'vitest';
import type { VerifySummary } from '../../../shared/verification';
import { agreementRate, summaryRows } from './verify-summary-view';

const base: VerifySummary = {
  rollouts: 800,
  verified: 800,
  staleVersion: 0,
  agree: 790,
  loggedCorrectRecheckWrong: 3,
  loggedWrongRecheckRight: 7,
  ungraded: 0,
  recheckCorrect: 700,
  noAnswer: 1,
  truncated: 2,
  byStage: { exact: 780 },
  byRule: { boxed: 800 },
  suspectGold: 2,
  verifierVersion: 'rl-curator-verify/1',
};

describe('re-verify summary rows', () => {
  it('lists agreement and both directions of disagreement, flagging the non-zero ones', () => {
    const rows = summaryRows(base);
    const byKey = new Map(rows.map((r) => [r.key, r]));
    expect(byKey.get('verified')?.value).toBe('800 of 800');
    expect(byKey.get('agreementRate')?.value).toBe('98.8%');
    expect(byKey.get('loggedCorrectRecheckWrong')).toMatchObject({ value: '3', attention: true });
    expect(byKey.get('loggedWrongRecheckRight')).toMatchObject({ value: '7', attention: true });
    expect(byKey.get('suspectGold')).toMatchObject({ value: '2', attention: true });
    expect(byKey.get('agree')?.attention).toBe(false);
    expect(byKey.has('staleVersion')).toBe(false);
  });

  it('adds verdicts from an older verifier, and shows no rate when nothing graded was verified', () => {
    const rows = summaryRows({
      ...base,
      verified: 10,
      agree: 0,
      loggedCorrectRecheckWrong: 0,
      loggedWrongRecheckRight: 0,
      ungraded: 10,
      staleVersion: 4,
      suspectGold: 0,
    });
    const byKey = new Map(rows.map((r) => [r.key, r]));
    expect(byKey.get('staleVersion')).toMatchObject({ value: '4', attention: true });
    expect(byKey.get('agreementRate')?.value).toBe('—');
    expect(byKey.get('suspectGold')?.attention).toBe(false);
    expect(agreementRate({ ...base, agree: 0, loggedCorrectRecheckWrong: 0, loggedWrongRecheckRight: 0 })).toBeNull();
  });
});
