import { describe, expect, it } from 'vitest';
import { PromptFilter } from '../../../shared/domain';
import { filterTitle } from '../curation/filter-title';
import {
  VERIFICATION_OPTIONS,
  clearVerificationFilters,
  isVerificationOpOn,
  setVerificationOp,
  setVerificationRun,
  verificationConditionCount,
  verificationRun,
  verificationTitle,
} from './verification-filter';

describe('re-verification filter edits', () => {
  it('offers the five conditions of the side panel, each one a valid PromptFilter condition', () => {
    expect(VERIFICATION_OPTIONS.map((o) => o.op)).toEqual([
      'loggedCorrectRecheckWrong',
      'loggedWrongRecheckRight',
      'suspectGold',
      'noAnswer',
      'truncated',
    ]);
    const all = VERIFICATION_OPTIONS.reduce<PromptFilter>((f, o) => setVerificationOp(f, o.op, true), {});
    expect(PromptFilter.parse(all)).toEqual(all);
    expect(verificationConditionCount(all)).toBe(5);
  });

  it('turns a condition on and off, keeping the rest of the filter and dropping the empty key', () => {
    const on = setVerificationOp({ search: 'sqrt' }, 'suspectGold', true);
    expect(on).toEqual({ search: 'sqrt', verification: [{ op: 'suspectGold' }] });
    expect(isVerificationOpOn(on, 'suspectGold')).toBe(true);
    expect(isVerificationOpOn(on, 'truncated')).toBe(false);
    // Turning it on twice keeps one condition.
    expect(setVerificationOp(on, 'suspectGold', true).verification).toHaveLength(1);
    expect(setVerificationOp(on, 'suspectGold', false)).toEqual({ search: 'sqrt' });
  });

  it('narrows rollout-level conditions to a run, never the suspect-gold one', () => {
    let f = setVerificationOp({}, 'truncated', true, 3);
    f = setVerificationOp(f, 'suspectGold', true, 3);
    expect(f.verification).toEqual([{ op: 'truncated', runId: 3 }, { op: 'suspectGold' }]);
    expect(verificationRun(f)).toBe(3);
    f = setVerificationRun(f, 9);
    expect(f.verification).toEqual([{ op: 'truncated', runId: 9 }, { op: 'suspectGold' }]);
    f = setVerificationRun(f, null);
    expect(f.verification).toEqual([{ op: 'truncated' }, { op: 'suspectGold' }]);
    expect(verificationRun(f)).toBeNull();
    // No conditions: choosing a run changes nothing.
    expect(setVerificationRun({ sources: ['x'] }, 4)).toEqual({ sources: ['x'] });
  });

  it('clears only its own conditions', () => {
    const f = setVerificationOp({ labels: [{ op: 'has' }] }, 'noAnswer', true);
    expect(clearVerificationFilters(f)).toEqual({ labels: [{ op: 'has' }] });
    expect(verificationConditionCount(clearVerificationFilters(f))).toBe(0);
  });

  it('describes a condition in words, naming its run when known', () => {
    expect(verificationTitle({ op: 'suspectGold' })).toBe('Suspect gold answer');
    expect(verificationTitle({ op: 'loggedCorrectRecheckWrong', runId: 2 }, new Map([[2, 'grpo-7b']]))).toBe(
      'Logged correct, re-check wrong (in grpo-7b)',
    );
    expect(verificationTitle({ op: 'disagree', runId: 5 })).toBe('Re-check disagrees with the log (in run #5)');
  });

  it('is part of the one-line filter title the review header and the export dialog show', () => {
    const f = setVerificationOp(
      setVerificationOp({ subjects: ['Geometry'] }, 'suspectGold', true),
      'truncated',
      true,
      4,
    );
    expect(filterTitle(f, new Map())).toBe('Subject: Geometry · Suspect gold answer · Truncated (in run #4)');
  });
});
