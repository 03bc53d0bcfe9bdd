// The per-prompt answer summary: votes per cluster of equivalent answers and the suspect-gold rule.
import { describe, expect, it } from 'vitest';
import { checkAnswer } from './equivalence';
import { summarizeAnswers, SUSPECT_GOLD_MIN_ROLLOUTS } from './answer-summary';
import type { AnswerVote } from './answer-summary';

/** Votes as the job builds them: each answer checked against the gold answer. */
function votes(gold: string, answers: Array<string | null>, loggedCorrect: Array<boolean | null> = []): AnswerVote[] {
  return answers.map((answer, i) => ({
    answer,
    matchesGold: checkAnswer(answer, gold).equivalent,
    loggedCorrect: loggedCorrect[i] ?? null,
  }));
}

describe('summarizeAnswers', () => {
  it('counts votes per equivalence cluster, with gold matches and logged-correct members', () => {
    const s = summarizeAnswers(
      votes('\\frac12', ['0.5', '\\dfrac{1}{2}', '3', null, '1/2', '3.0'], [true, false, false, false, true, false]),
    );
    expect(s.clusters.map((c) => [c.answer, c.votes, c.matchingGold, c.loggedCorrect])).toEqual([
      ['0.5', 3, 3, 2],
      ['3', 2, 0, 0],
    ]);
    expect(s).toMatchObject({ total: 6, answered: 5, matchingGold: 3, tie: false, suspectGold: false });
    expect(s.majority?.answer).toBe('0.5');
  });

  it('calls the gold answer suspect when nothing matches it and a majority agrees on another answer', () => {
    const s = summarizeAnswers(
      votes('4:30', ['\\text{4:30 p.m.}', '4:30 p.m.', '\\text{4:30 p.m.}', '16:30', '4:30 \\text{ p.m.}']),
    );
    expect(s.matchingGold).toBe(0);
    expect(s.majority).toMatchObject({ votes: 4 });
    expect(s.suspectGold).toBe(true);
  });

  it('does not when one rollout matches, when the top answer has only half, or with too few rollouts', () => {
    expect(summarizeAnswers(votes('7', ['8', '8', '8', '7'])).suspectGold).toBe(false);
    expect(summarizeAnswers(votes('7', ['8', '8', '9', null])).suspectGold).toBe(false);
    expect(summarizeAnswers(votes('7', ['8', '8', '8', null])).suspectGold).toBe(true);
    const few = Array.from({ length: SUSPECT_GOLD_MIN_ROLLOUTS - 1 }, () => '8');
    expect(summarizeAnswers(votes('7', few)).suspectGold).toBe(false);
  });

  it('has no majority without answers', () => {
    expect(summarizeAnswers(votes('1', [null, null, null, null]))).toMatchObject({
      answered: 0,
      majority: null,
      clusters: [],
      suspectGold: false,
    });
  });
});
