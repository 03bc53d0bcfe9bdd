import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../shared/random';
import { StaticMultimap } from './static-multimap';

describe('StaticMultimap', () => {
  it('returns every value of a key, and nothing for absent keys, against a Map built from the same pairs', () => {
    const random = seededRandom(9);
    const keys: number[] = [];
    const values: number[] = [];
    const expected = new Map<number, number[]>();
    for (let i = 0; i < 5000; i++) {
      // Full 32-bit keys (also above 2^31), repeated keys, values up to 2^21 - 1.
      const key = i % 7 === 0 ? 0xffffffff : Math.floor(random() * 2 ** 32) % (i % 3 === 0 ? 50 : 2 ** 32);
      const value = Math.floor(random() * 0x200000);
      keys.push(key);
      values.push(value);
      expected.set(key, [...(expected.get(key) ?? []), value]);
    }
    const map = new StaticMultimap(keys, values);
    expect(map.size).toBe(expected.size);
    for (const [key, list] of expected) expect(map.get(key).sort((a, b) => a - b)).toEqual(list.sort((a, b) => a - b));
    let absent = 0;
    for (let i = 0; i < 2000; i++) {
      const key = Math.floor(random() * 2 ** 32);
      if (!expected.has(key)) {
        absent++;
        expect(map.find(key)).toBe(-1);
      }
    }
    expect(absent).toBeGreaterThan(1900);
  });

  it('works empty', () => {
    expect(new StaticMultimap([], []).get(1)).toEqual([]);
  });
});
