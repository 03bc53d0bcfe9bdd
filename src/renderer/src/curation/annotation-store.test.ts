import { describe, expect, it } from 'vitest';
import type { ItemAnnotations } from '../../../shared/curation';
import type { Input, Output } from '../../../shared/contract';
import type { Result, RpcError } from '../../../shared/errors';
import { createAnnotationStore } from './annotation-store';

type Reply = (value: Result<Output<'annotations.get'>>) => void;

/** A transport whose replies the test releases by hand, to control ordering. */
function fakeTransport() {
  const calls: { ids: number[]; reply: Reply }[] = [];
  const labelled = new Map<number, string>();
  return {
    calls,
    labelled,
    transport: {
      call(_method: 'annotations.get', input: Input<'annotations.get'>) {
        return new Promise<Result<Output<'annotations.get'>>>((resolve) =>
          calls.push({ ids: input.ids, reply: resolve }),
        );
      },
    } as never,
    answer(index: number) {
      const call = calls[index];
      if (!call) throw new Error(`no call ${index}`);
      call.reply({ ok: true, value: call.ids.map((id) => annotations(id, labelled.get(id))) });
    },
  };
}

function annotations(id: number, label?: string): ItemAnnotations {
  return {
    target: 'prompt',
    id,
    labels: label ? [{ labelId: 1, name: label, annotator: 'ada', createdAt: '' }] : [],
    notes: [],
    spans: [],
  };
}

// Lets queued microtasks (the store batches in one) and settled promises run; not a timed wait.
const tick = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

describe('annotation store', () => {
  it('fetches the ids subscribed within one task with one call and notifies their cells', async () => {
    const fake = fakeTransport();
    const store = createAnnotationStore(fake.transport, () => {});
    const seen: number[] = [];
    for (const id of [3, 1, 2]) store.subscribe(id, () => seen.push(id));
    await tick();
    expect(fake.calls.map((c) => c.ids)).toEqual([[3, 1, 2]]);
    fake.labelled.set(1, 'keep');
    fake.answer(0);
    await tick();
    expect(seen.sort()).toEqual([1, 2, 3]);
    expect(store.get(1)?.labels.map((l) => l.name)).toEqual(['keep']);
    // A second cell for a loaded id costs nothing.
    store.subscribe(1, () => {});
    await tick();
    expect(fake.calls).toHaveLength(1);
  });

  it('splits more than 1000 ids into several calls', async () => {
    const fake = fakeTransport();
    const store = createAnnotationStore(fake.transport, () => {});
    for (let id = 1; id <= 2500; id++) store.subscribe(id, () => {});
    await tick();
    expect(fake.calls.map((c) => c.ids.length)).toEqual([1000, 1000, 500]);
  });

  it(
    'refetches what is on screen after invalidate, keeps the old chips meanwhile, and drops ' + 'stale replies',
    async () => {
      const fake = fakeTransport();
      const store = createAnnotationStore(fake.transport, () => {});
      const unsubscribe = store.subscribe(7, () => {});
      store.subscribe(8, () => {});
      await tick();
      fake.answer(0);
      await tick();
      unsubscribe();

      fake.labelled.set(8, 'drop');
      store.invalidate();
      await tick();
      expect(fake.calls[1]?.ids).toEqual([8]);
      expect(store.get(7)).toBeUndefined(); // off screen: forgotten
      expect(store.get(8)?.labels).toEqual([]); // on screen: the old value until the new one lands

      // A reply to a call made before a newer invalidation must not win.
      store.invalidate();
      await tick();
      fake.answer(1);
      await tick();
      expect(store.get(8)?.labels).toEqual([]);
      fake.answer(2);
      await tick();
      expect(store.get(8)?.labels.map((l) => l.name)).toEqual(['drop']);
    },
  );

  it('takes fresher copies from writes and reports errors', async () => {
    const errors: RpcError[] = [];
    const store = createAnnotationStore(
      { call: () => Promise.resolve({ ok: false, error: { code: 'INTERNAL', message: 'boom' } }) } as never,
      (e) => errors.push(e),
    );
    let notified = 0;
    store.subscribe(5, () => notified++);
    await tick();
    expect(errors.map((e) => e.message)).toEqual(['boom']);
    store.put(annotations(5, 'keep'));
    expect(notified).toBe(1);
    expect(store.get(5)?.labels).toHaveLength(1);
    store.put({ ...annotations(5), target: 'rollout' });
    expect(store.get(5)?.labels).toHaveLength(1);
  });
});
