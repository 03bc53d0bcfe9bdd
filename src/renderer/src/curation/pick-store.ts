// Prompts picked by hand for a bulk edit (the grid's tick column), separate from the grid's row
// selection, which follows the keyboard and feeds the detail pane.
export interface PickStore {
  has(id: number): boolean;
  ids(): number[];
  toggle(id: number): void;
  clear(): void;
  /** Bumped on every change: a snapshot value for useSyncExternalStore. */
  version(): number;
  subscribe(listener: () => void): () => void;
}

export function createPickStore(): PickStore {
  const picked = new Set<number>();
  const listeners = new Set<() => void>();
  let version = 0;
  const changed = () => {
    version++;
    for (const l of listeners) l();
  };
  return {
    has: (id) => picked.has(id),
    ids: () => [...picked].sort((a, b) => a - b),
    toggle(id) {
      if (!picked.delete(id)) picked.add(id);
      changed();
    },
    clear() {
      if (picked.size === 0) return;
      picked.clear();
      changed();
    },
    version: () => version,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
