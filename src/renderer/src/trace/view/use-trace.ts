// Hooks between React and the trace worker: one page-wide TraceComputer, a layout per rollout, and the
// heat for a layout under the current scale (the newest request wins; stale answers are dropped).
import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import type { RolloutDetail } from '../../../../shared/rollouts';
import type { HeatResult } from '../heat/compute-heat';
import type { HeatScale } from '../heat/scale';
import type { Reducer } from '../model/aggregate';
import type { RenderedPart, TraceInput, TraceLayout } from '../model/trace-model';
import type { AggregationUnit } from '../model/units';
import { toTraceInput } from '../trace-input';
import { MINIMAP_BUCKETS } from '../worker/protocol';
import type { HeatAnswer, InitialHeat } from '../worker/protocol';
import { TraceComputer } from '../worker/trace-computer';

let shared: TraceComputer | null = null;

/**
 * One trace worker for the whole app, started by the first trace page and kept: it holds only the few
 * traces on screen (each view drops its own), and staying warm makes the next page open faster.
 */
export function useTraceComputer(): TraceComputer {
  if (!shared) shared = new TraceComputer();
  return shared;
}

export type LayoutState =
  | { status: 'loading' }
  | { status: 'ready'; layout: TraceLayout; initial: HeatAnswer | null }
  | { status: 'error'; message: string };

/**
 * Layouts for the rollouts shown (one, or several side by side); pass a memoised array. `initial` (the
 * settings at the time of loading) lets the worker send the first colours with each layout.
 */
export function useTraceLayouts(
  computer: TraceComputer,
  details: readonly RolloutDetail[],
  initial: InitialHeat | null,
): LayoutState[] {
  const [loaded, setLoaded] = useState<{ details: readonly RolloutDetail[]; states: LayoutState[] } | null>(null);
  const initialRef = useRef(initial);
  useLayoutEffect(() => {
    initialRef.current = initial;
  });
  useEffect(() => {
    let current = true;
    const inputs = details.map(toTraceInput);
    const states: LayoutState[] = details.map(() => ({ status: 'loading' }));
    const loadOne = (i: number, input: TraceInput, retry: boolean) => {
      computer.load(input, initialRef.current).then(
        ({ layout, initial: first }) => {
          performance.mark('trace-layout-ready'); // stages of opening a trace, for the viewer benchmark
          states[i] = { status: 'ready', layout, initial: first };
          if (current) setLoaded({ details, states: [...states] });
        },
        (err: unknown) => {
          // A worker that died took the input's arrays with it: once more, on the main thread.
          if (retry && current && !computer.usesWorker)
            return loadOne(i, toTraceInput(details[i] as RolloutDetail), false);
          states[i] = { status: 'error', message: err instanceof Error ? err.message : String(err) };
          if (current) setLoaded({ details, states: [...states] });
        },
      );
    };
    inputs.forEach((input, i) => loadOne(i, input, true));
    return () => {
      current = false;
      for (const input of inputs) computer.drop(input.key);
    };
  }, [computer, details]);
  return loaded && loaded.details === details ? loaded.states : details.map(() => ({ status: 'loading' }));
}

export interface HeatParams {
  /** NEUTRAL_SCALE and NO_SIGNAL when the trace has no signal to show. */
  scale: HeatScale;
  signal: string;
  unit: AggregationUnit;
  reducer: Reducer;
  /** Tint the rendered view's items too. */
  items: boolean;
}

/** Whether an answer serves a request (an answer with rendered items also serves one without). */
function serves(answer: HeatAnswer, params: HeatParams): boolean {
  const r = answer.request;
  return (
    r.signal === params.signal &&
    r.unit === params.unit &&
    r.reducer === params.reducer &&
    (answer.items || !params.items) &&
    JSON.stringify(r.scale) === JSON.stringify(params.scale)
  );
}

export interface HeatState {
  heat: HeatResult | null;
  rendered: RenderedPart | null;
}

/** The colours for a layout under `params`: the answer that came with the layout if it fits, else a worker request. */
export function useHeat(
  computer: TraceComputer,
  layout: TraceLayout,
  initial: HeatAnswer | null,
  params: HeatParams,
): HeatState {
  const [answered, setAnswered] = useState<{ layout: TraceLayout; answer: HeatAnswer } | null>(null);
  const { scale, signal, unit, reducer, items } = params;
  const scaleKey = JSON.stringify(scale);
  const precomputed = initial && serves(initial, params) ? initial : null;
  const fresh = answered && answered.layout === layout && serves(answered.answer, params) ? answered.answer : null;
  const needed = !precomputed && !fresh;

  useEffect(() => {
    if (!needed) return;
    let current = true;
    const wanted = JSON.parse(scaleKey) as HeatScale;
    computer.heat(layout.key, { signal, scale: wanted, unit, reducer, minimapBuckets: MINIMAP_BUCKETS }, items).then(
      (answer) => {
        performance.mark('trace-heat-ready');
        if (current) setAnswered({ layout, answer });
      },
      () => undefined, // the layout was dropped meanwhile (the rollout changed); the next request follows
    );
    return () => {
      current = false;
    };
  }, [needed, computer, layout, scaleKey, signal, unit, reducer, items]);

  // While new colours are on their way, the previous ones stay (no flash of an uncoloured trace).
  const shown = precomputed ?? fresh ?? (answered && answered.layout === layout ? answered.answer : initial);
  return { heat: shown?.result ?? null, rendered: items ? computer.renderedPart(layout.key) : null };
}
