// The prompt page: the question with its facts and pass-rate statistics on the left; the rollout group
// and the trace viewer (one rollout, or several compared) on the right. Everything it shows is in the
// URL hash, so back/forward and reload work.
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { RolloutRow } from '../../../shared/rollouts';
import { DEFAULT_SETTINGS } from '../trace/settings';
import type { HeatSettings } from '../trace/settings';
import { TraceViewer } from '../trace/view/TraceViewer';
import { useTraceComputer } from '../trace/view/use-trace';
import { QuestionPanel } from './QuestionPanel';
import { defaultComparePair, groupStats } from './rollout-group';
import { RolloutHeader } from './RolloutHeader';
import { RolloutTable } from './RolloutTable';
import type { PageRoute, TraceViewKind } from './route';
import { usePromptPageData, useRolloutDetails } from './use-prompt-data';
import './prompt-page.css';

interface PromptPageProps {
  route: PageRoute;
  onNavigate(route: PageRoute | null, replace?: boolean): void;
  dataVersion: number;
}

export function PromptPage({ route, onNavigate, dataVersion }: PromptPageProps) {
  const { data, error } = usePromptPageData(route.scope, dataVersion);
  const [checked, setChecked] = useState<ReadonlySet<number>>(new Set());
  const [settings, setSettings] = useState<HeatSettings>({ ...DEFAULT_SETTINGS, signal: route.signal });
  const openIds = useMemo(
    () => route.compare ?? (route.rollout !== null ? [route.rollout] : []),
    [route.compare, route.rollout],
  );
  const { details, error: detailError } = useRolloutDetails(openIds);
  const local = useMemo(() => groupStats(data?.rows ?? []), [data]);
  const pair = useMemo(() => (data ? defaultComparePair(data.rows) : null), [data]);

  const go = useCallback(
    (patch: Partial<PageRoute>, replace = false) => onNavigate({ ...route, ...patch }, replace),
    [onNavigate, route],
  );
  const open = (row: RolloutRow) => {
    performance.mark('trace-open');
    go({ rollout: row.id, compare: null });
  };
  const compare = (ids: number[]) => {
    performance.mark('trace-open');
    go({ compare: ids, rollout: null });
  };
  const setView = useCallback((view: TraceViewKind) => go({ view }, true), [go]);
  const toggle = (id: number) =>
    setChecked((prev) => {
      const next = new Set(prev);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });

  // Start the trace worker and compile its code while the curator looks at the rollout list.
  const computer = useTraceComputer();
  useEffect(() => computer.warmUp(), [computer]);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (
        e.key !== 'Escape' ||
        e.defaultPrevented ||
        (e.target as HTMLElement).closest('input, select, textarea, [role="dialog"]')
      )
        return;
      onNavigate(null);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onNavigate]);

  const title = route.scope.kind === 'prompt' ? `Prompt ${route.scope.id}` : `Run prompt ${route.scope.id}`;
  const goldAnswer = data?.goldAnswer ?? null;
  return (
    <div
      className="prompt-page"
      data-testid="prompt-page"
      data-state={error ? 'error' : data ? 'ready' : 'loading'}
      data-scope={route.scope.kind}
      data-id={route.scope.id}
    >
      <header className="page-bar">
        <button
          type="button"
          className="button button--ghost"
          onClick={() => onNavigate(null)}
          data-testid="page-back"
          title="Back to the prompts (Esc)"
        >
          ← Prompts
        </button>
        <h2>{title}</h2>
        {data?.prompt && <span className="muted">{data.prompt.dataset}</span>}
        {data && (
          <span className="muted" data-testid="rollout-count" data-count={data.total}>
            {data.total.toLocaleString('en-US')} {data.total === 1 ? 'rollout' : 'rollouts'}
            {data.rows.length < data.total && ` (first ${data.rows.length.toLocaleString('en-US')} shown)`}
          </span>
        )}
      </header>
      {error && <p className="error-text page-error">{error.message}</p>}
      {data && (
        <div className="prompt-page__body">
          <QuestionPanel
            prompt={data.prompt}
            question={data.question}
            goldAnswer={goldAnswer}
            stats={data.stats}
            local={local}
            runName={data.rows[0]?.runName ?? null}
          />
          <main className="prompt-main">
            {data.rows.length === 0 ? (
              <p className="muted prompt-main__empty" data-testid="no-rollouts">
                No rollouts for this prompt yet. Import a rollout log whose questions match this prompt set to see them
                here.
              </p>
            ) : (
              <>
                <RolloutTable rows={data.rows} openIds={openIds} checked={checked} onOpen={open} onToggle={toggle} />
                <div className="prompt-main__actions">
                  <button
                    type="button"
                    className="button button--small"
                    disabled={!pair}
                    onClick={() => pair && compare([pair[0].id, pair[1].id])}
                    data-testid="compare-pair"
                    title="The pair OREAL trains on: the best correct and the worst incorrect rollout"
                  >
                    Compare best ✓ with worst ✗
                  </button>
                  <button
                    type="button"
                    className="button button--small"
                    disabled={checked.size < 2}
                    onClick={() => compare([...checked])}
                    data-testid="compare-selected"
                  >
                    Compare selected{checked.size > 0 ? ` (${checked.size})` : ''}
                  </button>
                  {route.compare && (
                    <button
                      type="button"
                      className="button button--small button--ghost"
                      onClick={() => go({ compare: null, rollout: route.compare?.[0] ?? null })}
                    >
                      Show one
                    </button>
                  )}
                </div>
                {detailError && <p className="error-text">{detailError.message}</p>}
                {openIds.length === 0 ? (
                  <p className="muted prompt-main__empty" data-testid="viewer-placeholder">
                    Open a rollout to see its trace, or compare two.
                  </p>
                ) : details ? (
                  <TraceViewer
                    details={details}
                    view={route.view}
                    onView={setView}
                    settings={settings}
                    onSettings={setSettings}
                    renderHeader={(detail) => (
                      <RolloutHeader
                        detail={detail}
                        goldAnswer={goldAnswer}
                        onClose={route.compare ? () => go({ compare: null, rollout: detail.id }) : undefined}
                      />
                    )}
                  />
                ) : (
                  !detailError && <p className="muted prompt-main__empty">Loading rollout…</p>
                )}
              </>
            )}
          </main>
        </div>
      )}
    </div>
  );
}
