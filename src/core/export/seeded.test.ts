// Seeded choices: apportioning counts, stable permutations, caps and stratified splits.
import { describe, expect, it } from 'vitest';
import { seededKey } from '../../shared/random';
import { apportion, assignSplits, capGroups } from './seeded';

describe('seeded export choices', () => {
  it('apportions by largest remainder and always sums to n', () => {
    expect(apportion(10, [0.9, 0.1])).toEqual([9, 1]);
    expect(apportion(7, [0.5, 0.5])).toEqual([4, 3]); // 3.5 / 3.5: the tie goes to the first split
    expect(apportion(10, [1 / 3, 1 / 3, 1 / 3])).toEqual([4, 3, 3]);
    expect(apportion(3, [0.8, 0.1, 0.1])).toEqual([3, 0, 0]); // 2.4, 0.3, 0.3
    for (const n of [0, 1, 99, 1001]) expect(apportion(n, [0.7, 0.2, 0.1]).reduce((a, b) => a + b, 0)).toBe(n);
  });

  it('keys depend on the seed and the value, not on anything else', () => {
    expect(seededKey(7, 123)).toBe(seededKey(7, 123));
    for (let v = 0; v < 1000; v++) expect(seededKey(3, v)).toBeGreaterThanOrEqual(0);
    expect(seededKey(7, 123)).not.toBe(seededKey(8, 123));
    expect(seededKey(7, 123)).not.toBe(seededKey(7, 124));
    expect(seededKey(2 ** 40 + 7, 5)).not.toBe(seededKey(7, 5));
    // Roughly uniform: the top bit splits 10k values about evenly.
    const high = Array.from({ length: 10_000 }, (_, i) => seededKey(1, i) >>> 31).reduce((a, b) => a + b, 0);
    expect(Math.abs(high - 5000)).toBeLessThan(300);
  });

  it('splits each stratum by the ratios, independent of row order', () => {
    const ids = Array.from({ length: 1000 }, (_, i) => i * 3 + 1);
    const strata = ids.map((id) => id % 4);
    const split = assignSplits(ids, strata, [0.8, 0.2], 42);
    for (let s = 0; s < 4; s++) {
      const members = ids.map((_, i) => i).filter((i) => strata[i] === s);
      const val = members.filter((i) => split[i] === 1).length;
      expect(val).toBe(apportion(members.length, [0.8, 0.2])[1]);
    }
    // Reversing the input order assigns every id to the same split.
    const reversed = assignSplits([...ids].reverse(), [...strata].reverse(), [0.8, 0.2], 42);
    const byId = new Map(ids.map((id, i) => [id, split[i]]));
    [...ids].reverse().forEach((id, i) => expect(reversed[i]).toBe(byId.get(id)));
    // Another seed gives another assignment.
    expect(Array.from(assignSplits(ids, strata, [0.8, 0.2], 43))).not.toEqual(Array.from(split));
  });

  it('caps each group at n rows, chosen by seed', () => {
    const ids = Array.from({ length: 50 }, (_, i) => i + 1);
    const groups = ids.map((id) => (id <= 40 ? 0 : 1));
    const keep = capGroups(ids, groups, 10, 5);
    expect(keep.filter((k, i) => k && groups[i] === 0)).toHaveLength(10);
    expect(keep.filter((k, i) => k && groups[i] === 1)).toHaveLength(10);
    expect(capGroups(ids, groups, 10, 6)).not.toEqual(keep);
  });
});
