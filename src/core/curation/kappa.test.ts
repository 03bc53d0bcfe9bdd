// Kappa against values worked out by hand (and the textbook examples they come from).
import { describe, expect, it } from 'vitest';
import { cohenKappa, fleissKappa } from './kappa';

/** n copies of each [rater A, rater B] pair. */
function pairs(table: [boolean, boolean, number][]): [boolean[], boolean[]] {
  const a: boolean[] = [];
  const b: boolean[] = [];
  for (const [x, y, n] of table) {
    for (let i = 0; i < n; i++) {
      a.push(x);
      b.push(y);
    }
  }
  return [a, b];
}

describe("Cohen's kappa", () => {
  it('matches the 2x2 textbook case: 50 items, 20 yes/yes, 5 yes/no, 10 no/yes, 15 no/no', () => {
    // p_o = 35/50 = 0.7; p_yes(A) = 25/50, p_yes(B) = 30/50; p_e = 0.5*0.6 + 0.5*0.4 = 0.5; kappa = 0.2/0.5 = 0.4
    const [a, b] = pairs([
      [true, true, 20],
      [true, false, 5],
      [false, true, 10],
      [false, false, 15],
    ]);
    const r = cohenKappa(a, b);
    expect(r.observed).toBeCloseTo(0.7, 12);
    expect(r.kappa).toBeCloseTo(0.4, 12);
  });

  it('handles more than two categories', () => {
    // Agreement on 4 of 6; A: 1,1,2,2,3,3 -> 2/6 each; B: 1,2,2,2,3,1 -> 1: 2/6, 2: 3/6, 3: 1/6.
    // p_e = (2*2 + 2*3 + 2*1)/36 = 1/3; kappa = (2/3 - 1/3) / (2/3) = 0.5
    expect(cohenKappa([1, 1, 2, 2, 3, 3], [1, 2, 2, 2, 3, 1]).kappa).toBeCloseTo(0.5, 12);
  });

  it('is 1 for perfect agreement, negative below chance, undefined without variation', () => {
    expect(cohenKappa([true, false, true], [true, false, true]).kappa).toBeCloseTo(1, 12);
    // Always opposite on a balanced set: p_o = 0, p_e = 0.5 -> kappa = -1
    expect(cohenKappa([true, false, true, false], [false, true, false, true]).kappa).toBeCloseTo(-1, 12);
    expect(cohenKappa([true, true], [true, true])).toEqual({ kappa: null, observed: 1 });
    expect(cohenKappa([], [])).toEqual({ kappa: null, observed: null });
  });
});

describe("Fleiss' kappa", () => {
  it(
    "matches Fleiss' worked example: 10 subjects, 14 raters, 5 categories (P = 0.378, Pe = " + '0.213, kappa = 0.210)',
    () => {
      const table = [
        [0, 0, 0, 0, 14],
        [0, 2, 6, 4, 2],
        [0, 0, 3, 5, 6],
        [0, 3, 9, 2, 0],
        [2, 2, 8, 1, 1],
        [7, 7, 0, 0, 0],
        [3, 2, 6, 3, 0],
        [2, 5, 3, 2, 2],
        [6, 5, 2, 1, 0],
        [0, 2, 2, 3, 7],
      ];
      const r = fleissKappa(table);
      expect(r.observed).toBeCloseTo(0.378, 3);
      expect(r.kappa).toBeCloseTo(0.21, 3);
    },
  );

  it('a small binary case by hand: 3 raters, 4 items', () => {
    // Rows (yes, no): (3,0) P=1, (2,1) P=(4+1-3)/6=1/3, (0,3) P=1, (1,2) P=1/3 -> P-bar = 2/3;
    // p_yes = 6/12 = 0.5 -> Pe = 0.5; kappa = (2/3 - 1/2) / (1/2) = 1/3
    const r = fleissKappa([
      [3, 0],
      [2, 1],
      [0, 3],
      [1, 2],
    ]);
    expect(r.observed).toBeCloseTo(2 / 3, 12);
    expect(r.kappa).toBeCloseTo(1 / 3, 12);
  });

  it('equals Cohen-style chance correction when all agree, and refuses ragged tables', () => {
    expect(
      fleissKappa([
        [3, 0],
        [0, 3],
      ]).kappa,
    ).toBeCloseTo(1, 12);
    expect(fleissKappa([[3, 0]]).kappa).toBeNull();
    expect(() =>
      fleissKappa([
        [2, 0],
        [1, 2],
      ]),
    ).toThrow(/same raters/);
  });
});
