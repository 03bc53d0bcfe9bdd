import { describe, expect, it } from 'vitest';
import { LruCache } from './lru-cache';

describe('LruCache', () => {
  it('evicts the least recently used entry', () => {
    const cache = new LruCache<string, number>(2);
    cache.set('a', 1);
    cache.set('b', 2);
    expect(cache.get('a')).toBe(1); // a is now the most recent
    cache.set('c', 3);
    expect(cache.get('b')).toBeUndefined();
    expect(cache.get('a')).toBe(1);
    expect(cache.get('c')).toBe(3);
    expect(cache.size).toBe(2);
  });

  it('stores null values (a formula KaTeX could not render)', () => {
    const cache = new LruCache<string, string | null>(1);
    cache.set('x', null);
    expect(cache.get('x')).toBeNull();
  });

  it('rejects a zero capacity', () => {
    expect(() => new LruCache(0)).toThrow(RangeError);
  });
});

describe('LruCache helpers', () => {
  it('computes a value once per key, and a clone is independent', () => {
    const cache = new LruCache<string, number>(2);
    let calls = 0;
    const compute = () => ++calls;
    expect(cache.getOrSet('a', compute)).toBe(1);
    expect(cache.getOrSet('a', compute)).toBe(1);
    const copy = cache.clone();
    copy.set('b', 5);
    copy.set('c', 6);
    expect(copy.has('a')).toBe(false);
    expect(cache.has('a')).toBe(true);
    expect(cache.delete('a')).toBe(true);
    cache.set('z', 1);
    cache.clear();
    expect(cache.size).toBe(0);
  });
});
