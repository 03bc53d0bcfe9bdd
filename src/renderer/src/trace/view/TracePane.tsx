// One rollout's trace: the heatmap or the rendered view, its minimap and the token inspector, with the
// keyboard landmarks (next / previous high-importance token, crossing point, final answer). The pane
// keeps the reading position when the view switches between tokens and rendered text.
import { forwardRef, useCallback, useEffect, useImperativeHandle, useRef, useState } from 'react';
import type { KeyboardEvent } from 'react';
import { NEUTRAL_SCALE, NO_SIGNAL } from '../heat/compute-heat';
import type { HeatScale } from '../heat/scale';
import type { Reducer } from '../model/aggregate';
import type { TraceLayout } from '../model/trace-model';
import type { AggregationUnit } from '../model/units';
import { nextHighRun, previousHighRun } from '../navigation';
import type { TraceViewKind } from '../../prompt-page/route';
import type { TraceBodyHandle } from './body-handle';
import { HeatmapView } from './HeatmapView';
import { Minimap } from './Minimap';
import { RenderedView } from './RenderedView';
import { TokenInspector } from './TokenInspector';
import type { HeatAnswer } from '../worker/protocol';
import type { TraceComputer } from '../worker/trace-computer';
import { useHeat } from './use-trace';

export interface TracePaneProps {
  computer: TraceComputer;
  layout: TraceLayout;
  /** Colours that came with the layout. */
  initial: HeatAnswer | null;
  view: TraceViewKind;
  scale: HeatScale | null;
  signal: string | null;
  unit: AggregationUnit;
  reducer: Reducer;
  /** Reports the scroll position as a share, for panes that scroll together. */
  onScrollFraction?(fraction: number): void;
  testId?: string;
}

export interface TracePaneHandle {
  setScrollFraction(fraction: number): void;
  focus(): void;
}

export const TracePane = forwardRef<TracePaneHandle, TracePaneProps>(function TracePane(props, ref) {
  const { computer, layout, initial, view, scale, signal, unit, reducer, onScrollFraction, testId } = props;
  const heatScale = scale && signal !== null ? scale : NEUTRAL_SCALE;
  const { heat, rendered } = useHeat(computer, layout, initial, {
    scale: heatScale,
    signal: scale && signal !== null ? signal : NO_SIGNAL,
    unit,
    reducer,
    items: view === 'rendered',
  });
  const bodyRef = useRef<TraceBodyHandle | null>(null);
  const anchor = useRef(0);
  const programmatic = useRef<number | null>(null);
  const [hover, setHover] = useState<number | null>(null);
  const [cursor, setCursor] = useState<number | null>(null);
  const [viewport, setViewport] = useState({ first: 0, last: -1 });
  const pieces = layout.table.starts.length - 1;

  useImperativeHandle(ref, () => ({
    setScrollFraction: (fraction) => {
      const el = bodyRef.current?.element();
      if (!el) return;
      bodyRef.current?.setScrollFraction(fraction);
      programmatic.current = el.scrollTop;
    },
    focus: () => bodyRef.current?.element()?.focus(),
  }));

  // Follow the body's scrolling: remember the reading position, tell a compare view (unless the scroll
  // was our own doing, which would echo back and forth).
  useEffect(() => {
    const el = bodyRef.current?.element();
    if (!el) return;
    const onScroll = () => {
      anchor.current = bodyRef.current?.anchor() ?? anchor.current;
      if (programmatic.current !== null && Math.abs(el.scrollTop - programmatic.current) < 1) {
        programmatic.current = null;
        return;
      }
      programmatic.current = null;
      onScrollFraction?.(bodyRef.current?.scrollFraction() ?? 0);
    };
    el.addEventListener('scroll', onScroll, { passive: true });
    return () => el.removeEventListener('scroll', onScroll);
  }, [view, layout, onScrollFraction]);

  const onViewport = useCallback(
    (first: number, last: number) => setViewport((v) => (v.first === first && v.last === last ? v : { first, last })),
    [],
  );
  const goTo = useCallback(
    (piece: number | null) => {
      if (piece === null || piece < 0 || piece >= pieces) return;
      setCursor(piece);
      bodyRef.current?.revealPiece(piece);
    },
    [pieces],
  );

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.ctrlKey || e.metaKey || e.altKey) return;
    const from = cursor ?? (e.key === 'p' || e.key === '[' ? viewport.last + 1 : viewport.first - 1);
    let target: number | null | undefined;
    if (e.key === 'ArrowRight') target = Math.min(pieces - 1, (cursor ?? viewport.first - 1) + 1);
    else if (e.key === 'ArrowLeft') target = Math.max(0, (cursor ?? viewport.first + 1) - 1);
    else if ((e.key === 'n' || e.key === ']') && heat) target = nextHighRun(heat.bins, heatScale.kind, from);
    else if ((e.key === 'p' || e.key === '[') && heat) target = previousHighRun(heat.bins, heatScale.kind, from);
    else if (e.key === 'c') target = layout.crossingPiece;
    else if (e.key === 'a') target = layout.answerPiece;
    else return;
    e.preventDefault();
    e.stopPropagation();
    if (target !== null && target !== undefined && target >= 0) goTo(target);
  };

  const palette = scale?.palette ?? 'div';
  const marks = [
    ...(layout.crossingPiece !== null ? [{ piece: layout.crossingPiece, kind: 'crossing' as const }] : []),
    ...(layout.answerPiece !== null ? [{ piece: layout.answerPiece, kind: 'answer' as const }] : []),
    ...(cursor !== null ? [{ piece: cursor, kind: 'cursor' as const }] : []),
  ];
  return (
    <div
      className="trace-pane"
      data-testid={testId ?? 'trace-pane'}
      data-view={view}
      onKeyDown={onKeyDown}
      data-cursor={cursor ?? ''}
    >
      <div className="trace-pane__main">
        {view === 'tokens' ? (
          <HeatmapView
            ref={bodyRef}
            layout={layout}
            bins={heat?.bins ?? null}
            palette={palette}
            signal={heat?.signal ?? null}
            cursor={cursor}
            anchorStore={anchor}
            onHover={setHover}
            onPick={setCursor}
            onViewport={onViewport}
          />
        ) : rendered ? (
          <RenderedView
            ref={bodyRef}
            layout={layout}
            part={rendered}
            itemBins={heat && heat.itemBins.length === rendered.rendered.items.length ? heat.itemBins : null}
            palette={palette}
            signal={heat?.signal ?? null}
            anchorStore={anchor}
            onHover={setHover}
            onViewport={onViewport}
          />
        ) : (
          <div className="trace-body rendered muted" data-testid="rendered" data-state="loading">
            Typesetting…
          </div>
        )}
        <Minimap
          bins={heat?.minimap ?? null}
          palette={palette}
          pieces={pieces}
          viewport={viewport}
          onJump={(piece) => goTo(piece)}
          marks={marks}
        />
      </div>
      <TokenInspector layout={layout} piece={hover ?? cursor} selected={signal} />
    </div>
  );
});
