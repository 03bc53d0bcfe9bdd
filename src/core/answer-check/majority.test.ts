// Majority voting over a group of responses: clusters by equivalence, not by string.
import { describe, expect, it } from 'vitest';
import { majorityAnswer } from './majority';

describe('majorityAnswer', () => {
  it('clusters equivalent forms and counts votes', () => {
    const r = majorityAnswer(['\\frac{1}{2}', '0.5', '\\dfrac12', '1/3', null, '\\frac{2}{6}', '']);
    expect(r.clusters.map((c) => [c.representative, c.votes, c.members])).toEqual([
      ['\\frac{1}{2}', 3, [0, 1, 2]],
      ['1/3', 2, [3, 5]],
    ]);
    expect(r.winner?.representative).toBe('\\frac{1}{2}');
    expect(r.tie).toBe(false);
    expect(r.unanswered).toEqual([4, 6]);
  });

  it('reports a tie and breaks it by weight, then by first appearance', () => {
    const plain = majorityAnswer(['3', '4', '4.0', '3']);
    expect(plain.tie).toBe(true);
    expect(plain.winner?.representative).toBe('3');
    const weighted = majorityAnswer(['3', '4', '4.0', '3'], { weights: [0.1, 0.9, 0.8, 0.2] });
    expect(weighted.winner?.representative).toBe('4');
    expect(weighted.winner?.weight).toBeCloseTo(1.7);
  });

  it('does not merge a number with its percentage', () => {
    const r = majorityAnswer(['25', '0.25', '2500']);
    expect(r.clusters).toHaveLength(3);
  });

  it('merges symbolic and structured equivalents', () => {
    const r = majorityAnswer(['(x+1)^2', 'x^2+2x+1', '\\{1,2\\}', '\\{2,1\\}', '(1,2)']);
    expect(r.clusters.map((c) => c.votes)).toEqual([2, 2, 1]);
  });

  it('stops checking equivalence after its budget, still grouping identical normal forms', () => {
    const answers = ['\\frac{1}{2}', '0.5', '\\dfrac{1}{2}', '0.5'];
    expect(majorityAnswer(answers).clusters.map((c) => c.votes)).toEqual([4]);
    expect(
      majorityAnswer(answers, { maxEquivalenceChecks: 0 }).clusters.map((c) => [c.representative, c.votes]),
    ).toEqual([
      ['\\frac{1}{2}', 2],
      ['0.5', 2],
    ]);
    // One check: 0.5 joins \frac{1}{2}; later answers only by normal form (\dfrac{1}{2} normalises to \frac{1}{2}).
    expect(majorityAnswer(answers, { maxEquivalenceChecks: 1 }).clusters.map((c) => c.votes)).toEqual([4]);
  });

  it('has no winner without answers', () => {
    expect(majorityAnswer([null, undefined, ' '])).toMatchObject({
      clusters: [],
      winner: null,
      tie: false,
      unanswered: [0, 1, 2],
    });
  });
});
