// The ordered ids of a (filter, sort) query, kept between grid pages: the grid asks for many 100-row
// pages of the same query while the user scrolls, and re-sorting 10^6 rows per page would take seconds.
// Any data change clears it (core calls invalidate() on every data.changed event).

const MAX_ENTRIES = 6;

export class OrderCache {
  private readonly entries = new Map<string, readonly number[]>();

  get(key: string, compute: () => readonly number[]): readonly number[] {
    const hit = this.entries.get(key);
    if (hit) {
      // Re-insert to mark as most recently used.
      this.entries.delete(key);
      this.entries.set(key, hit);
      return hit;
    }
    const ids = compute();
    this.entries.set(key, ids);
    while (this.entries.size > MAX_ENTRIES) this.entries.delete(this.entries.keys().next().value as string);
    return ids;
  }

  invalidate(): void {
    this.entries.clear();
  }
}
