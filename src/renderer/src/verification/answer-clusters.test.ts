import { describe, expect, it } from 'vitest';
import type { AnswerCluster, PromptAnswerSummary } from '../../../shared/verification';
import { answeredLine, clusterViews, countedRollouts, coverageNote, formatShare } from './answer-clusters';

const cluster = (answer: string, votes: number, total: number, matchingGold = 0): AnswerCluster => ({
  answer,
  normalized: answer.toLowerCase(),
  votes,
  share: votes / total,
  matchingGold,
  loggedCorrect: matchingGold,
});

function summary(clusters: AnswerCluster[], patch: Partial<PromptAnswerSummary> = {}): PromptAnswerSummary {
  return {
    promptId: 1,
    goldAnswer: '140',
    goldSource: 'prompt',
    rollouts: 8,
    verified: 8,
    live: 0,
    unverified: 0,
    answered: clusters.reduce((n, c) => n + c.votes, 0),
    matchingGold: clusters.reduce((n, c) => n + c.matchingGold, 0),
    clusters,
    moreClusters: 0,
    majority: clusters[0] ?? null,
    tie: false,
    suspectGold: false,
    ...patch,
  };
}

describe('answer cluster views', () => {
  it('marks the majority and the cluster matching the gold answer, with shares of all rollouts', () => {
    const views = clusterViews(summary([cluster('40', 5, 8), cluster('140', 2, 8, 2), cluster('\\frac{1}{3}', 1, 8)]));
    expect(views.map((v) => [v.answer, v.votes, v.shareText, v.isMajority, v.tiedForTop, v.matchesGold])).toEqual([
      ['40', 5, '62.5%', true, false, false],
      ['140', 2, '25%', false, false, true],
      ['\\frac{1}{3}', 1, '12.5%', false, false, false],
    ]);
    expect(new Set(views.map((v) => v.key)).size).toBe(3);
  });

  it('marks every cluster tied for the top and none as the majority', () => {
    const views = clusterViews(summary([cluster('1', 3, 8), cluster('2', 3, 8), cluster('3', 2, 8)], { tie: true }));
    expect(views.map((v) => [v.isMajority, v.tiedForTop])).toEqual([
      [false, true],
      [false, true],
      [false, false],
    ]);
  });

  it('formats shares without trailing zeros', () => {
    expect(formatShare(1)).toBe('100%');
    expect(formatShare(1 / 3)).toBe('33.3%');
    expect(formatShare(0)).toBe('0%');
  });

  it('says how many rollouts answered and matched, and which were not re-verified', () => {
    const full = summary([cluster('4:30 p.m.', 8, 8)], { suspectGold: true });
    expect(answeredLine(full)).toBe('8 of 8 rollouts answered · 0 match the gold answer');
    expect(coverageNote(full)).toBeNull();
    // A few unverified rollouts are extracted on the spot; many are left out (the server decides which).
    const live = summary([cluster('7', 1, 3, 1)], { rollouts: 3, verified: 2, live: 1, answered: 1 });
    expect(countedRollouts(live)).toBe(3);
    expect(answeredLine(live)).toBe('1 of 3 rollouts answered · 1 matches the gold answer');
    expect(coverageNote(live)).toBe('Of 3 rollouts, 1 not re-verified yet (answers extracted just now).');
    const leftOut = summary([cluster('7', 2, 2, 2)], { rollouts: 302, verified: 2, unverified: 300, answered: 2 });
    expect(answeredLine(leftOut)).toBe('2 of 2 rollouts answered · 2 match the gold answer');
    expect(coverageNote(leftOut)).toBe(
      'Of 302 rollouts, 300 not re-verified and left out: run Re-verify… to count them.',
    );
  });
});
