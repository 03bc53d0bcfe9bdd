import { describe, expect, it } from 'vitest';
import type { RolloutVerdict } from '../../../shared/verification';
import { recheckBadge } from './recheck-badge';

const verdict = (patch: Partial<RolloutVerdict>): RolloutVerdict => ({
  rolloutId: 1,
  extractedAnswer: '40',
  rule: 'boxed',
  truncated: false,
  equivalent: false,
  answerMatches: false,
  stage: 'numeric',
  reason: '40 ≠ 140',
  goldAnswer: '140',
  goldSource: 'prompt',
  agreement: 'agree',
  verifierVersion: 'rl-curator-verify/1',
  verifiedAt: '2025-01-01T00:00:00Z',
  ...patch,
});

describe('re-check badge', () => {
  it('highlights a disagreement with the log in either direction', () => {
    expect(recheckBadge(verdict({ agreement: 'loggedCorrectRecheckWrong' }))).toMatchObject({
      text: 're-check ✗',
      tone: 'disagree',
    });
    const right = recheckBadge(
      verdict({ agreement: 'loggedWrongRecheckRight', equivalent: true, answerMatches: true }),
    );
    expect(right).toMatchObject({ text: 're-check ✓', tone: 'disagree' });
    expect(right.title.split('\n')[0]).toBe('Logged wrong, the re-check says right.');
  });

  it('stays quiet when it agrees, and colours an ungraded rollout by the re-check alone', () => {
    expect(recheckBadge(verdict({ agreement: 'agree', equivalent: true })).tone).toBe('agree');
    expect(recheckBadge(verdict({ agreement: 'ungraded', equivalent: true })).tone).toBe('ok');
    expect(recheckBadge(verdict({ agreement: 'ungraded' })).tone).toBe('bad');
  });

  it('explains the answer, the gold answer it used, the stage and truncation in the tooltip', () => {
    const title = recheckBadge(verdict({ truncated: true, goldSource: 'correction' })).title;
    expect(title).toContain('answer 40 (boxed)');
    expect(title).toContain('against the curator’s corrected gold answer 140');
    expect(title).toContain('numeric: 40 ≠ 140');
    expect(title).toContain('truncated: counts as wrong');
    expect(
      recheckBadge(verdict({ extractedAnswer: null, rule: 'none', goldAnswer: null, goldSource: 'none' })).title,
    ).toContain('no answer found\nagainst no gold answer\n');
  });
});
