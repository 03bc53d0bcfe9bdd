// The trace viewer for one rollout or several side by side (compare): a shared toolbar and scale, one
// pane per rollout. Compared panes scroll together by relative position, so the reader sees the same
// stage of both traces.
import { useMemo, useRef } from 'react';
import type { ReactNode } from 'react';
import type { RolloutDetail } from '../../../../shared/rollouts';
import type { TraceViewKind } from '../../prompt-page/route';
import { sharedScale, signalNames } from '../settings';
import type { HeatSettings } from '../settings';
import type { TracePaneHandle } from './TracePane';
import { TracePane } from './TracePane';
import { TraceToolbar } from './TraceToolbar';
import { useTraceComputer, useTraceLayouts } from './use-trace';
import { installHeatStyles } from './heat-class';
import '../trace.css';

installHeatStyles();

interface TraceViewerProps {
  /** One rollout, or two or more to compare; pass a memoised array. */
  details: readonly RolloutDetail[];
  view: TraceViewKind;
  onView(view: TraceViewKind): void;
  settings: HeatSettings;
  onSettings(settings: HeatSettings): void;
  renderHeader(detail: RolloutDetail, index: number): ReactNode;
}

export function TraceViewer({ details, view, onView, settings, onSettings, renderHeader }: TraceViewerProps) {
  const computer = useTraceComputer();
  const states = useTraceLayouts(computer, details, { settings, items: view === 'rendered' });
  const panes = useRef<(TracePaneHandle | null)[]>([]);

  const ready = useMemo(() => {
    const layouts = states.flatMap((s) => (s.status === 'ready' ? [s.layout] : []));
    return layouts.length === states.length ? layouts : null;
  }, [states]);
  const shared = useMemo(() => (ready ? sharedScale(settings, ready) : null), [ready, settings]);
  const signals = useMemo(() => {
    if (!ready) return [];
    return signalNames(ready).map((name) => ({
      name,
      fromSpans: ready.some((l) => l.signals.some((s) => s.name === name && s.fromSpans)),
    }));
  }, [ready]);
  const syncers = useMemo(
    () =>
      details.map((_, i) => (fraction: number) => {
        panes.current.forEach((pane, j) => {
          if (j !== i) pane?.setScrollFraction(fraction);
        });
      }),
    [details],
  );

  const compare = details.length > 1;
  const failed = states.find((s) => s.status === 'error');
  return (
    <div
      className={compare ? 'trace-viewer trace-viewer--compare' : 'trace-viewer'}
      data-testid={compare ? 'compare-view' : 'trace-viewer'}
      data-panes={details.length}
      data-computed-in={ready ? (computer.usesWorker ? 'worker' : 'main-thread') : ''}
      onKeyDown={(e) => {
        if (e.key !== 'v' || e.ctrlKey || e.metaKey || e.altKey || (e.target as HTMLElement).closest('select, input'))
          return;
        e.preventDefault();
        onView(view === 'tokens' ? 'rendered' : 'tokens');
      }}
    >
      <TraceToolbar
        view={view}
        onView={onView}
        signals={signals}
        settings={settings}
        onSettings={onSettings}
        shared={shared}
      />
      {failed?.status === 'error' && <p className="error-text">Could not lay out the trace: {failed.message}</p>}
      <div className="trace-viewer__panes" style={{ gridTemplateColumns: `repeat(${details.length}, minmax(0, 1fr))` }}>
        {details.map((detail, i) => {
          const state = states[i];
          return (
            <section key={detail.id} className="trace-column" data-testid="trace-column" data-rollout-id={detail.id}>
              {renderHeader(detail, i)}
              {state?.status === 'ready' ? (
                <TracePane
                  ref={(handle) => {
                    panes.current[i] = handle;
                  }}
                  computer={computer}
                  layout={state.layout}
                  initial={state.initial}
                  view={view}
                  scale={shared?.scales[i] ?? null}
                  signal={shared?.signal ?? null}
                  unit={settings.unit}
                  reducer={settings.reducer}
                  onScrollFraction={compare ? syncers[i] : undefined}
                />
              ) : (
                <div
                  className="trace-pane trace-pane--loading muted"
                  data-testid="trace-pane"
                  data-state={state?.status ?? 'loading'}
                >
                  {state?.status === 'error'
                    ? state.message
                    : `Laying out ${(detail.tokenCount ?? detail.responseChars).toLocaleString('en-US')} ` +
                      `${detail.tokenCount === null ? 'characters' : 'tokens'}…`}
                </div>
              )}
            </section>
          );
        })}
      </div>
    </div>
  );
}
