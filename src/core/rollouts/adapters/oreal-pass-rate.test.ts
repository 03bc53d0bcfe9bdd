import { describe, expect, it } from 'vitest';
import { rlooAdvantages } from './testing';
import { correctCountFromAdvantage, groupSizeFromPair, summarizeGroup } from './oreal-pass-rate';

describe('RLOO pass-rate recovery', () => {
  it('recovers c = 4 of K = 16 from +1.6 (correct) and −0.5333 (incorrect)', () => {
    expect(correctCountFromAdvantage(1, 1.6, 16)).toBeCloseTo(4, 9);
    expect(correctCountFromAdvantage(-1, -0.5333, 16)).toBeCloseTo(4, 3);
  });

  it('agrees with advantages computed from the RLOO definition for every c', () => {
    for (let c = 1; c < 16; c++) {
      const rewards = Array.from({ length: 16 }, (_, i) => (i < c ? 1 : -1));
      const adv = rlooAdvantages(rewards);
      expect(correctCountFromAdvantage(1, adv[0] as number, 16)).toBeCloseTo(c, 9);
      expect(correctCountFromAdvantage(-1, adv[15] as number, 16)).toBeCloseTo(c, 9);
      expect(groupSizeFromPair(adv[0] as number, adv[15] as number)).toBe(16);
    }
  });

  it('infers K from a filtered pair even with rounded advantages', () => {
    expect(groupSizeFromPair(1.6, -0.5333)).toBe(16);
    const eight = rlooAdvantages([1, 1, 1, -1, -1, -1, -1, -1]);
    expect(groupSizeFromPair(eight[0] as number, eight[7] as number)).toBe(8);
    expect(groupSizeFromPair(1, -1)).toBeNull();
  });

  it('summarises a pair with the inferred K and a block with its own size', () => {
    expect(
      summarizeGroup(
        [
          { reward: 1, advantage: 1.6 },
          { reward: -1, advantage: -0.5333 },
        ],
        null,
      ),
    ).toEqual({
      correct: 4,
      passRate: 0.25,
      k: 16,
      kSource: 'pair',
      problems: [],
    });
    const rewards = [1, 1, 1, -1, -1, -1, -1, -1];
    const block = rewards.map((reward, i) => ({ reward, advantage: rlooAdvantages(rewards)[i] as number }));
    expect(summarizeGroup(block, 8)).toMatchObject({
      correct: 3,
      passRate: 3 / 8,
      k: 8,
      kSource: 'block',
      problems: [],
    });
  });

  it('flags a block whose advantages disagree with its rewards (misaligned grouping)', () => {
    const adv = rlooAdvantages([1, 1, -1, -1]);
    const shifted = [
      { reward: 1, advantage: adv[1] as number },
      { reward: -1, advantage: adv[2] as number },
      { reward: -1, advantage: adv[3] as number },
      { reward: -1, advantage: 0 },
    ];
    expect(summarizeGroup(shifted, 4).problems.length).toBeGreaterThan(0);
  });

  it('handles all-correct and all-incorrect blocks (advantage 0)', () => {
    expect(
      summarizeGroup(
        Array.from({ length: 4 }, () => ({ reward: 1, advantage: 0 })),
        4,
      ),
    ).toMatchObject({ correct: 4, passRate: 1 });
    expect(
      summarizeGroup(
        Array.from({ length: 4 }, () => ({ reward: -1, advantage: 0 })),
        4,
      ),
    ).toMatchObject({ correct: 0, passRate: 0 });
  });
});
