// Results of prompt queries kept between calls: the ordered ids of a (filter, sort) query, asked for by many
// 100-row grid pages while the user scrolls (re-sorting 10^6 rows per page would take seconds), and the facet
// cells of a search, asked for again on every facet click while the search stays. Keys carry their kind
// ('order:…', 'cells:…'), so each key always holds one type of value. Any data change clears the cache
// (core calls invalidate() on every data.changed event that can touch prompts).

import { LruCache } from '../../shared/lru-cache';

const MAX_ENTRIES = 8;

export class QueryCache {
  private readonly entries = new LruCache<string, unknown>(MAX_ENTRIES);

  get<T>(key: string, compute: () => T): T {
    return this.entries.getOrSet(key, compute) as T;
  }

  invalidate(): void {
    this.entries.clear();
  }
}
