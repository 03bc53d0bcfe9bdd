import { describe, expect, it } from 'vitest';
import { createPickStore } from './pick-store';

describe('pick store', () => {
  it('toggles ids, lists them sorted, and tells subscribers on every change', () => {
    const store = createPickStore();
    let calls = 0;
    const unsubscribe = store.subscribe(() => calls++);
    store.toggle(9);
    store.toggle(3);
    store.toggle(5);
    store.toggle(9);
    expect(store.ids()).toEqual([3, 5]);
    expect(store.has(3)).toBe(true);
    expect(store.has(9)).toBe(false);
    expect(calls).toBe(4);
    expect(store.version()).toBe(4);
    store.clear();
    store.clear(); // nothing to clear: no change
    expect(store.ids()).toEqual([]);
    expect(calls).toBe(5);
    unsubscribe();
    store.toggle(1);
    expect(calls).toBe(5);
  });
});
