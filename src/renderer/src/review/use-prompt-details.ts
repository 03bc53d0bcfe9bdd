// Full prompts (prompts.get) for review, fetched ahead: the current one and the next are asked for
// together, so moving on shows the next prompt without a round trip. A curation change anywhere (an
// undone gold-answer correction, another client) refetches them; the old copy stays on screen meanwhile.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { PromptDetail } from '../../../shared/domain';
import { LruCache } from '../../../shared/lru-cache';
import { useServices } from '../app-context';

const KEEP = 20;

interface Entry {
  detail: PromptDetail;
  /** The data version it was fetched at. */
  version: number;
}

export interface PromptDetails {
  get(id: number): PromptDetail | undefined;
  /** Replaces a cached prompt with a fresher copy (the reply to a gold-answer edit). */
  put(detail: PromptDetail): void;
}

/** A new cache (React state is replaced, never changed) with the entry as the most recent. */
function withEntry(cache: LruCache<number, Entry>, entry: Entry): LruCache<number, Entry> {
  const next = cache.clone();
  next.set(entry.detail.id, entry);
  return next;
}

export function usePromptDetails(ids: readonly number[]): PromptDetails {
  const services = useServices();
  const [cache, setCache] = useState(() => new LruCache<number, Entry>(KEEP));
  const [version, setVersion] = useState(0);
  /** Ids with a request in flight, and the version it asks for. */
  const inFlight = useRef(new Map<number, number>());
  const idsKey = ids.join(',');

  useEffect(
    () =>
      services.transport.on('data.changed', ({ scope }) => {
        if (scope === 'labels' || scope === 'prompts') setVersion((v) => v + 1);
      }),
    [services],
  );

  useEffect(() => {
    for (const id of idsKey.split(',').filter(Boolean).map(Number)) {
      const cached = cache.get(id);
      if ((cached && cached.version >= version) || (inFlight.current.get(id) ?? -1) >= version) continue;
      inFlight.current.set(id, version);
      const asked = version;
      void services.transport.call('prompts.get', { id }).then((result) => {
        if (inFlight.current.get(id) === asked) inFlight.current.delete(id);
        if (!result.ok) return services.reportError(result.error);
        setCache((prev) =>
          (prev.get(id)?.version ?? -1) > asked ? prev : withEntry(prev, { detail: result.value, version: asked }),
        );
      });
    }
  }, [idsKey, services, cache, version]);

  const put = useCallback(
    (detail: PromptDetail) => setCache((prev) => withEntry(prev, { detail, version })),
    [version],
  );
  const get = useCallback((id: number) => cache.get(id)?.detail, [cache]);
  return { get, put };
}
