// The typed-array hash set must behave exactly like a Set of strings.
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { QuestionHashSet } from './question-hash-set';

const hex = (i: number) => createHash('sha1').update(`q${i}`).digest('hex').slice(0, 16);

describe('QuestionHashSet', () => {
  it('agrees with a Set of strings while it grows', () => {
    const set = new QuestionHashSet(4);
    const reference = new Set<string>();
    for (let i = 0; i < 50_000; i++) {
      const h = hex(i % 30_000);
      expect(set.add(h)).toBe(!reference.has(h));
      reference.add(h);
    }
    expect(set.size).toBe(30_000);
  });

  it('handles the all-zero hash', () => {
    const set = new QuestionHashSet();
    expect(set.add('0000000000000000')).toBe(true);
    expect(set.add('0000000000000000')).toBe(false);
  });
});
