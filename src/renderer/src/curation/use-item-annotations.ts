// Labels and notes of one item (a prompt, a rollout or a token span of a rollout), written through at
// once: a toggle or a note goes to core and the item shows what core answered, never a local guess.
// The trace viewer can use this hook (or <ItemAnnotator>) for rollouts and spans as it is.
import { useCallback, useEffect, useState, useSyncExternalStore } from 'react';
import type { ItemAnnotations, ItemRef, WriteResult } from '../../../shared/curation';
import type { Result } from '../../../shared/errors';
import { useServices } from '../app-context';
import { fetchTarget, itemKey, marksOf, myLabelIds, myNote } from './annotation-view';
import type { ItemMarks } from './annotation-view';
import { useCuration } from './curation-context';
import { enqueueWrite } from './write-queue';

export interface ItemAnnotationsApi {
  /** Labels and notes on exactly this item; null until loaded. */
  marks: ItemMarks | null;
  annotator: string | null;
  /** Label ids the current annotator applied. */
  mine: ReadonlySet<number>;
  myNote: string;
  /** Writes in flight for this item. */
  pending: number;
  /** Flips one of my labels; resolves to whether core accepted it. */
  toggle(labelId: number): Promise<boolean>;
  /** Sets my note (empty text removes it). */
  saveNote(text: string): Promise<boolean>;
}

export function useItemAnnotations(item: ItemRef | null): ItemAnnotationsApi {
  const services = useServices();
  const { settings, annotations: store } = useCuration();
  const key = item ? itemKey(item) : null;
  // Prompts come from the shared store (the grid's chips and review's preloading fill it); rollouts and
  // spans are fetched here.
  const promptId = item?.target === 'prompt' ? item.id : null;
  const subscribe = useCallback(
    (listener: () => void) => (promptId === null ? () => {} : store.subscribe(promptId, listener)),
    [store, promptId],
  );
  const fromStore = useSyncExternalStore(subscribe, () => (promptId === null ? undefined : store.get(promptId)));
  const [loaded, setLoaded] = useState<{ key: string; value: ItemAnnotations } | null>(null);
  const [version, setVersion] = useState(0);
  const [pending, setPending] = useState(0);

  useEffect(
    () =>
      services.transport.on('data.changed', ({ scope }) => {
        if (scope === 'labels') setVersion((v) => v + 1);
      }),
    [services],
  );

  useEffect(() => {
    if (!item || !key || item.target === 'prompt') return;
    let current = true;
    void services.transport.call('annotations.get', { target: fetchTarget(item), ids: [item.id] }).then((result) => {
      if (!current) return;
      if (!result.ok) return services.reportError(result.error);
      const value = result.value[0];
      if (value) setLoaded({ key, value });
    });
    return () => {
      current = false;
    };
    // The key stands for the item: a new object for the same item must not refetch.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key, version, services]);

  const accept = useCallback(
    (value: ItemAnnotations) => {
      if (key) setLoaded({ key, value });
      store.put(value);
    },
    [key, store],
  );

  const write = useCallback(
    async (run: () => Promise<Result<WriteResult>>) => {
      setPending((n) => n + 1);
      try {
        const result = await enqueueWrite(run);
        if (!result.ok) {
          services.reportError(result.error);
          return false;
        }
        accept(result.value.annotations);
        return true;
      } finally {
        setPending((n) => n - 1);
      }
    },
    [services, accept],
  );

  const toggle = useCallback(
    (labelId: number) =>
      item ? write(() => services.transport.call('labels.toggle', { item, labelId })) : Promise.resolve(false),
    [item, write, services],
  );
  const saveNote = useCallback(
    (text: string) =>
      item ? write(() => services.transport.call('notes.set', { item, text })) : Promise.resolve(false),
    [item, write, services],
  );

  const source = promptId !== null ? fromStore : loaded && loaded.key === key ? loaded.value : undefined;
  const marks = item && source ? marksOf(item, source) : null;
  const annotator = settings?.annotator ?? null;
  return {
    marks,
    annotator,
    mine: marks ? myLabelIds(marks, annotator) : new Set(),
    myNote: marks ? myNote(marks, annotator) : '',
    pending,
    toggle,
    saveNote,
  };
}
