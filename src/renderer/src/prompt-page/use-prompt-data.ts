// Loading a prompt page: the prompt (or, for a run's prompt outside any prompt set, its question from a
// rollout), its rollout group, its statistics; and the full rollouts on screen.
import { LruCache } from '../../../shared/lru-cache';
import { useEffect, useMemo, useState } from 'react';
import type { PromptDetail } from '../../../shared/domain';
import type { RpcError } from '../../../shared/errors';
import type { PromptRolloutStats, RolloutDetail, RolloutRow } from '../../../shared/rollouts';
import { useServices } from '../app-context';
import type { AppServices } from '../app-context';
import type { PageRoute } from './route';

const PAGE = 1000;
/** A group larger than this is cut (a prompt sampled at every step of a long run); the page says so. */
const MAX_ROWS = 5000;

export interface PromptPageData {
  prompt: PromptDetail | null;
  /** For a run's prompt without a prompt set: question and gold answer as the rollouts carry them. */
  question: string | null;
  goldAnswer: unknown;
  rows: RolloutRow[];
  total: number;
  stats: PromptRolloutStats | null;
}

type Loaded = { key: string; data: PromptPageData } | { key: string; error: RpcError };

async function call<T>(promise: Promise<{ ok: true; value: T } | { ok: false; error: RpcError }>): Promise<T> {
  const result = await promise;
  if (!result.ok) throw result.error;
  return result.value;
}

async function loadRows(
  services: AppServices,
  filter: { promptId?: number; runPromptId?: number },
): Promise<{ rows: RolloutRow[]; total: number }> {
  const rows: RolloutRow[] = [];
  for (;;) {
    const page = await call(services.transport.call('rollouts.list', { ...filter, offset: rows.length, limit: PAGE }));
    rows.push(...page.rows);
    if (page.rows.length === 0 || rows.length >= Math.min(page.total, MAX_ROWS)) return { rows, total: page.total };
  }
}

async function loadPage(services: AppServices, scope: PageRoute['scope']): Promise<PromptPageData> {
  if (scope.kind === 'prompt') {
    const [prompt, group, stats] = await Promise.all([
      call(services.transport.call('prompts.get', { id: scope.id })),
      loadRows(services, { promptId: scope.id }),
      call(services.transport.call('prompts.stats', { promptId: scope.id })),
    ]);
    return { prompt, question: prompt.question, goldAnswer: prompt.goldAnswerRaw, ...group, stats };
  }
  const group = await loadRows(services, { runPromptId: scope.id });
  const first = group.rows[0];
  const detail = first ? await fetchRollout(services, first.id) : null;
  return {
    prompt: null,
    question: detail?.question ?? null,
    goldAnswer: detail?.goldAnswer ?? null,
    ...group,
    stats: null,
  };
}

export function usePromptPageData(
  scope: PageRoute['scope'],
  dataVersion: number,
): { data: PromptPageData | null; error: RpcError | null } {
  const services = useServices();
  const key = `${scope.kind}:${scope.id}:${dataVersion}`;
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  useEffect(() => {
    let current = true;
    const [kind, id] = key.split(':') as [PageRoute['scope']['kind'], string];
    loadPage(services, { kind, id: Number(id) }).then(
      (data) => current && setLoaded({ key, data }),
      (error: RpcError) => current && setLoaded({ key, error }),
    );
    return () => {
      current = false;
    };
  }, [services, key]);
  // While the workspace changes underneath (an import finishing), the page keeps showing what it has.
  const sameScope = loaded !== null && loaded.key.split(':').slice(0, 2).join(':') === `${scope.kind}:${scope.id}`;
  if (!loaded || !sameScope) return { data: null, error: null };
  return 'error' in loaded ? { data: null, error: loaded.error } : { data: loaded.data, error: null };
}

/** Recently opened rollouts: switching between single and compare views must not fetch them again. */
const CACHED_ROLLOUTS = 8;
const rolloutCache = new LruCache<number, Promise<RolloutDetail>>(CACHED_ROLLOUTS);

function fetchRollout(services: AppServices, id: number): Promise<RolloutDetail> {
  const cached = rolloutCache.get(id);
  if (cached) return cached;
  const promise = call(services.transport.call('rollouts.get', { id }));
  rolloutCache.set(id, promise);
  promise.catch(() => rolloutCache.delete(id)); // a failure is not remembered: the next open retries
  return promise;
}

/**
 * The full rollouts for `ids`, all at once (null while any is loading). A stored rollout never changes,
 * so workspace changes do not fetch (and lay out) it again.
 */
export function useRolloutDetails(ids: readonly number[]): { details: RolloutDetail[] | null; error: RpcError | null } {
  const services = useServices();
  const key = `${ids.join(',')}@`;
  const [loaded, setLoaded] = useState<
    { key: string; details: RolloutDetail[] } | { key: string; error: RpcError } | null
  >(null);
  useEffect(() => {
    if (key.startsWith('@')) return;
    let current = true;
    const wanted = key.split('@')[0]?.split(',').map(Number) ?? [];
    Promise.all(wanted.map((id) => fetchRollout(services, id))).then(
      (details) => {
        performance.mark('trace-detail-loaded'); // stages of opening a trace, for the viewer benchmark
        if (current) setLoaded({ key, details });
      },
      (error: RpcError) => current && setLoaded({ key, error }),
    );
    return () => {
      current = false;
    };
  }, [services, key]);
  const details = loaded && loaded.key === key && 'details' in loaded ? loaded.details : null;
  const error = loaded && loaded.key === key && 'error' in loaded ? loaded.error : null;
  // The same array while the key holds, so the viewer does not lay the traces out again.
  const stable = useMemo(() => details, [details]);
  return { details: stable, error };
}
