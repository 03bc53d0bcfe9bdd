// Colours for one signal under one scale: a bin per piece (after line / sentence / paragraph
// aggregation), a bin per rendered item (the mean or most important value of the pieces it covers) and
// the minimap buckets.
import { aggregateByUnit, reduce } from '../model/aggregate';
import type { Reducer } from '../model/aggregate';
import type { RenderedPart, TraceLayout } from '../model/trace-model';
import { unitOfPieces } from '../model/units';
import type { AggregationUnit } from '../model/units';
import { minimapBins } from './minimap';
import { BIN_FADED, BIN_MISSING, importanceKey, quantize, quantizeAll } from './scale';
import type { HeatScale } from './scale';

/** The request's signal when the trace has none to show. */
export const NO_SIGNAL = '';

/** Any scale will do without a signal; this one keeps requests comparable. */
export const NEUTRAL_SCALE: HeatScale = { kind: 'diverging', palette: 'div', center: 0, radius: 1, threshold: 0 };

export interface HeatRequest {
  signal: string;
  scale: HeatScale;
  unit: AggregationUnit;
  reducer: Reducer;
  minimapBuckets: number;
}

export interface HeatResult {
  signal: string;
  /** One bin per piece. */
  bins: Uint8Array;
  /** One bin per rendered item (empty unless the rendered part was given). */
  itemBins: Uint8Array;
  minimap: Uint8Array;
}

/**
 * `units` is the unit index of every piece for request.unit (the worker caches them per trace); computed
 * here when not given.
 */
export function computeHeat(
  layout: TraceLayout,
  request: HeatRequest,
  rendered: RenderedPart | null = null,
  units: Int32Array | null = null,
): HeatResult {
  const signal = layout.signals.find((s) => s.name === request.signal);
  const pieces = layout.table.starts.length - 1;
  const items = rendered ? rendered.rendered.items.length : 0;
  if (!signal) {
    // No signal at all (a rollout logged without any): plain text. A named signal this trace lacks: hatched.
    const fill = request.signal === NO_SIGNAL ? BIN_FADED : BIN_MISSING;
    return {
      signal: request.signal,
      bins: new Uint8Array(pieces).fill(fill),
      itemBins: new Uint8Array(items).fill(fill),
      minimap: new Uint8Array(0),
    };
  }
  const key = importanceKey(request.scale);
  const shown =
    request.unit === 'token'
      ? signal.values
      : aggregateByUnit(
          signal.values,
          units ?? unitOfPieces(layout.table.text, layout.table.starts, request.unit),
          request.reducer,
          key,
        );
  const itemBins = new Uint8Array(items);
  for (let k = 0; k < items; k++) {
    const first = (rendered as RenderedPart).itemPieces[2 * k] as number;
    const last = (rendered as RenderedPart).itemPieces[2 * k + 1] as number;
    itemBins[k] =
      first < 0 ? BIN_MISSING : quantize(reduce(signal.values, first, last, request.reducer, key), request.scale);
  }
  return {
    signal: signal.name,
    bins: quantizeAll(shown, request.scale),
    itemBins,
    minimap: minimapBins(shown, request.scale, request.minimapBuckets),
  };
}
