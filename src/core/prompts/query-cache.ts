// Results of prompt queries kept between calls: the ordered ids of a (filter, sort) query, asked for by many
// 100-row grid pages while the user scrolls (re-sorting 10^6 rows per page would take seconds), and the facet
// cells of a search, asked for again on every facet click while the search stays. Keys carry their kind
// ('order:…', 'cells:…'), so each key always holds one type of value. Any data change clears the cache
// (core calls invalidate() on every data.changed event that can touch prompts).

const MAX_ENTRIES = 8;

export class QueryCache {
  private readonly entries = new Map<string, unknown>();

  get<T>(key: string, compute: () => T): T {
    if (this.entries.has(key)) {
      const hit = this.entries.get(key) as T;
      // Re-insert to mark as most recently used.
      this.entries.delete(key);
      this.entries.set(key, hit);
      return hit;
    }
    const value = compute();
    this.entries.set(key, value);
    while (this.entries.size > MAX_ENTRIES) this.entries.delete(this.entries.keys().next().value as string);
    return value;
  }

  invalidate(): void {
    this.entries.clear();
  }
}
