// The one least-recently-used map, for every bounded cache in core and renderer (KaTeX output, query results,
// traces held by the viewer, fetched prompts and rollouts, normalised answers, prompt keys of an import). A Map
// keeps insertion order, so re-inserting an entry marks it most recently used and the first key is the oldest.
export class LruCache<K, V> {
  private readonly entries = new Map<K, V>();

  constructor(private readonly capacity: number) {
    if (!(capacity >= 1)) throw new RangeError('LruCache capacity must be at least 1');
  }

  get(key: K): V | undefined {
    const value = this.entries.get(key);
    if (value === undefined && !this.entries.has(key)) return undefined;
    this.entries.delete(key);
    this.entries.set(key, value as V);
    return value;
  }

  has(key: K): boolean {
    return this.entries.has(key);
  }

  set(key: K, value: V): void {
    this.entries.delete(key);
    this.entries.set(key, value);
    while (this.entries.size > this.capacity) {
      const oldest = this.entries.keys().next();
      if (oldest.done) break;
      this.entries.delete(oldest.value);
    }
  }

  /** The cached value, or `compute()` stored under the key. */
  getOrSet(key: K, compute: () => V): V {
    if (this.entries.has(key)) return this.get(key) as V;
    const value = compute();
    this.set(key, value);
    return value;
  }

  delete(key: K): boolean {
    return this.entries.delete(key);
  }

  clear(): void {
    this.entries.clear();
  }

  /** A copy with the same entries in the same order (for immutable state, as React wants it). */
  clone(): LruCache<K, V> {
    const copy = new LruCache<K, V>(this.capacity);
    for (const [key, value] of this.entries) copy.entries.set(key, value);
    return copy;
  }

  get size(): number {
    return this.entries.size;
  }
}
