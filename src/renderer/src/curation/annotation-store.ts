// Annotations of the prompts on screen, for the grid's label chips. Each visible cell subscribes to its
// prompt id; the ids asked for within one task are fetched together with one 'annotations.get' (up to
// 1000 at a time), so a block of 100 grid rows costs one call, not a hundred. Invalidation refetches the
// ids still on screen and forgets the rest.
import type { ItemAnnotations } from '../../../shared/curation';
import type { CuratorTransport } from '../../../shared/bridge';
import type { RpcError } from '../../../shared/errors';

const MAX_IDS_PER_CALL = 1000;

export interface AnnotationStore {
  /** undefined until loaded. */
  get(promptId: number): ItemAnnotations | undefined;
  subscribe(promptId: number, listener: () => void): () => void;
  /** Replaces one prompt's annotations with a fresher copy (e.g. the reply to a write). */
  put(annotations: ItemAnnotations): void;
  invalidate(): void;
}

export function createAnnotationStore(
  transport: Pick<CuratorTransport, 'call'>,
  onError: (error: RpcError) => void,
): AnnotationStore {
  const values = new Map<number, ItemAnnotations>();
  const listeners = new Map<number, Set<() => void>>();
  let wanted = new Set<number>();
  let scheduled = false;
  /** Bumped by invalidate(): replies to calls made before it are stale. */
  let generation = 0;

  const notify = (id: number) => {
    for (const listener of listeners.get(id) ?? []) listener();
  };

  const flush = () => {
    scheduled = false;
    const ids = [...wanted];
    wanted = new Set();
    const asked = generation;
    for (let i = 0; i < ids.length; i += MAX_IDS_PER_CALL) {
      const chunk = ids.slice(i, i + MAX_IDS_PER_CALL);
      void transport.call('annotations.get', { target: 'prompt', ids: chunk }).then((result) => {
        if (!result.ok) return onError(result.error);
        if (asked !== generation) return;
        for (const item of result.value) {
          values.set(item.id, item);
          notify(item.id);
        }
      });
    }
  };

  const want = (id: number) => {
    wanted.add(id);
    if (scheduled) return;
    scheduled = true;
    queueMicrotask(flush);
  };

  return {
    get: (id) => values.get(id),
    subscribe(id, listener) {
      let set = listeners.get(id);
      if (!set) {
        set = new Set();
        listeners.set(id, set);
      }
      set.add(listener);
      if (!values.has(id)) want(id);
      return () => {
        set.delete(listener);
        if (set.size === 0) listeners.delete(id);
      };
    },
    put(item) {
      if (item.target !== 'prompt') return;
      values.set(item.id, item);
      notify(item.id);
    },
    invalidate() {
      generation++;
      // Chips on screen keep their old value until the new one lands (no flicker); the rest is dropped.
      for (const id of values.keys()) if (!listeners.has(id)) values.delete(id);
      for (const id of listeners.keys()) want(id);
    },
  };
}
