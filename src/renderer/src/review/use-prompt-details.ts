// Full prompts (prompts.get) for review, fetched ahead: the current one and the next are asked for
// together, so moving on shows the next prompt without a round trip. Gold-answer edits refresh them.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { PromptDetail } from '../../../shared/domain';
import { useServices } from '../app-context';

const KEEP = 20;

export interface PromptDetails {
  get(id: number): PromptDetail | undefined;
  /** Replaces a cached prompt with a fresher copy (the reply to a gold-answer edit). */
  put(detail: PromptDetail): void;
}

function withEntry(cache: ReadonlyMap<number, PromptDetail>, detail: PromptDetail): Map<number, PromptDetail> {
  const next = new Map(cache);
  next.delete(detail.id);
  next.set(detail.id, detail);
  // The oldest entries go first (a Map keeps insertion order).
  while (next.size > KEEP) next.delete(next.keys().next().value as number);
  return next;
}

export function usePromptDetails(ids: readonly number[]): PromptDetails {
  const services = useServices();
  const [cache, setCache] = useState<ReadonlyMap<number, PromptDetail>>(new Map());
  /** Ids with a request in flight. */
  const inFlight = useRef(new Set<number>());
  const idsKey = ids.join(',');

  useEffect(() => {
    for (const id of idsKey.split(',').filter(Boolean).map(Number)) {
      if (cache.has(id) || inFlight.current.has(id)) continue;
      inFlight.current.add(id);
      void services.transport.call('prompts.get', { id }).then((result) => {
        inFlight.current.delete(id);
        if (!result.ok) return services.reportError(result.error);
        setCache((prev) => withEntry(prev, result.value));
      });
    }
  }, [idsKey, services, cache]);

  const put = useCallback((detail: PromptDetail) => setCache((prev) => withEntry(prev, detail)), []);
  const get = useCallback((id: number) => cache.get(id), [cache]);
  return { get, put };
}
