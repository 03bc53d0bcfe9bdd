// The prompt page lives in the URL hash (#/prompt/12?rollout=34&view=rendered), so the browser's back
// button leaves it, a reload keeps it, and a benchmark or a colleague can open a trace directly. Prompts
// of a run that match no prompt set are reached by their run-prompt id (#/run-prompt/7).
import { useCallback, useEffect, useState } from 'react';

export type TraceViewKind = 'tokens' | 'rendered';

export interface PageRoute {
  scope: { kind: 'prompt' | 'runPrompt'; id: number };
  /** The rollout open in the viewer. */
  rollout: number | null;
  /** Rollouts side by side (two or more) instead of one. */
  compare: number[] | null;
  view: TraceViewKind;
  signal: string | null;
}

const SCOPES = { prompt: 'prompt', 'run-prompt': 'runPrompt' } as const;

const positiveInt = (s: string | null): number | null =>
  s !== null && /^[1-9][0-9]{0,14}$/.test(s) ? Number(s) : null;

export function parseRoute(hash: string): PageRoute | null {
  const m = /^#\/(prompt|run-prompt)\/([0-9]+)(?:\?(.*))?$/.exec(hash);
  if (!m) return null;
  const id = positiveInt(m[2] ?? null);
  if (id === null) return null;
  const query = new URLSearchParams(m[3] ?? '');
  const compare = (query.get('compare') ?? '')
    .split(',')
    .map((s) => positiveInt(s))
    .filter((n): n is number => n !== null);
  return {
    scope: { kind: SCOPES[m[1] as keyof typeof SCOPES], id },
    rollout: positiveInt(query.get('rollout')),
    compare: compare.length >= 2 ? compare : null,
    view: query.get('view') === 'rendered' ? 'rendered' : 'tokens',
    signal: query.get('signal') || null,
  };
}

export function formatRoute(route: PageRoute): string {
  const query = new URLSearchParams();
  if (route.rollout !== null) query.set('rollout', String(route.rollout));
  if (route.compare) query.set('compare', route.compare.join(','));
  if (route.view !== 'tokens') query.set('view', route.view);
  if (route.signal) query.set('signal', route.signal);
  const qs = query.toString();
  return `#/${route.scope.kind === 'prompt' ? 'prompt' : 'run-prompt'}/${route.scope.id}${qs ? `?${qs}` : ''}`;
}

export function promptRoute(promptId: number): PageRoute {
  return { scope: { kind: 'prompt', id: promptId }, rollout: null, compare: null, view: 'tokens', signal: null };
}

/** Opens a prompt's page from anywhere (the grid's detail pane uses this). */
export function openPromptPage(promptId: number): void {
  window.location.hash = formatRoute(promptRoute(promptId));
}

/** The current page route (null on the main screen) and a way to change it; follows back/forward. */
export function useHashRoute(): [PageRoute | null, (route: PageRoute | null, replace?: boolean) => void] {
  const [route, setRoute] = useState(() => parseRoute(window.location.hash));
  useEffect(() => {
    const onChange = () => setRoute(parseRoute(window.location.hash));
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  const navigate = useCallback((next: PageRoute | null, replace = false) => {
    const hash = next ? formatRoute(next) : '';
    if (replace) {
      // replaceState does not fire hashchange, so the state follows by hand.
      window.history.replaceState(null, '', hash || window.location.pathname + window.location.search);
      setRoute(next);
    } else if (hash) window.location.hash = hash;
    else {
      window.history.pushState(null, '', window.location.pathname + window.location.search);
      setRoute(null);
    }
  }, []);
  return [route, navigate];
}
