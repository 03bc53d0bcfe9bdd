// Hooks between React and the trace worker: one page-wide TraceComputer, a layout per rollout, and the
// heat for a layout under the current scale (the newest request wins; stale answers are dropped).
import { useEffect, useState } from 'react';
import type { RolloutDetail } from '../../../../shared/rollouts';
import type { HeatResult } from '../heat/compute-heat';
import type { HeatScale } from '../heat/scale';
import type { Reducer } from '../model/aggregate';
import type { TraceLayout } from '../model/trace-model';
import type { AggregationUnit } from '../model/units';
import { toTraceInput } from '../trace-input';
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

export type LayoutState = { status: 'loading' } | { status: 'ready'; layout: TraceLayout } | { status: 'error'; message: string };

/** Layouts for the rollouts shown (one, or several side by side); pass a memoised array. */
export function useTraceLayouts(computer: TraceComputer, details: readonly RolloutDetail[]): LayoutState[] {
  const [loaded, setLoaded] = useState<{ details: readonly RolloutDetail[]; states: LayoutState[] } | null>(null);
  useEffect(() => {
    let current = true;
    const inputs = details.map(toTraceInput);
    const states: LayoutState[] = details.map(() => ({ status: 'loading' }));
    inputs.forEach((input, i) => {
      computer.load(input).then(
        (layout) => {
          states[i] = { status: 'ready', layout };
          if (current) setLoaded({ details, states: [...states] });
        },
        (err: unknown) => {
          states[i] = { status: 'error', message: err instanceof Error ? err.message : String(err) };
          if (current) setLoaded({ details, states: [...states] });
        },
      );
    });
    return () => {
      current = false;
      for (const input of inputs) computer.drop(input.key);
    };
  }, [computer, details]);
  return loaded && loaded.details === details ? loaded.states : details.map(() => ({ status: 'loading' }));
}

export interface HeatParams {
  scale: HeatScale | null;
  signal: string | null;
  unit: AggregationUnit;
  reducer: Reducer;
  minimapBuckets: number;
}

export function useHeat(computer: TraceComputer | null, layout: TraceLayout | null, params: HeatParams): HeatResult | null {
  const [result, setResult] = useState<{ layout: TraceLayout; heat: HeatResult } | null>(null);
  const { scale, signal, unit, reducer, minimapBuckets } = params;
  useEffect(() => {
    if (!computer || !layout || !scale || signal === null) return;
    let current = true;
    computer.heat(layout.key, { signal, scale, unit, reducer, minimapBuckets }).then(
      (heat) => current && setResult({ layout, heat }),
      () => undefined, // the layout was dropped meanwhile (the rollout changed); the next request follows
    );
    return () => {
      current = false;
    };
  }, [computer, layout, scale, signal, unit, reducer, minimapBuckets]);
  return result && result.layout === layout ? result.heat : null;
}
