// The traces a worker (or the main-thread fallback) holds: layout, response, and the rendered part once
// built. Shared by trace.worker.ts and TraceComputer's fallback so both answer identically.
import { LruCache } from '../../../../shared/lru-cache';
import { computeHeat, NEUTRAL_SCALE, NO_SIGNAL } from '../heat/compute-heat';
import type { HeatRequest } from '../heat/compute-heat';
import { buildRenderedPart, buildTraceLayout } from '../model/trace-model';
import type { RenderedPart, TraceInput, TraceLayout } from '../model/trace-model';
import { unitOfPieces } from '../model/units';
import type { AggregationUnit } from '../model/units';
import { sharedScale } from '../settings';
import type { HeatAnswer, InitialHeat } from './protocol';
import { MINIMAP_BUCKETS } from './protocol';

interface Held {
  layout: TraceLayout;
  response: string;
  rendered: RenderedPart | null;
  /** Aggregation units, computed the first time each is asked for. */
  units: Map<AggregationUnit, Int32Array>;
}

export class TraceStore {
  private readonly held: LruCache<string, Held>;

  constructor(capacity: number) {
    this.held = new LruCache(capacity);
  }

  load(input: TraceInput, initial: InitialHeat | null): { layout: TraceLayout; initial: HeatAnswer | null } {
    const layout = buildTraceLayout(input);
    this.held.set(layout.key, { layout, response: input.response, rendered: null, units: new Map() });
    if (!initial) return { layout, initial: null };
    const shared = sharedScale(initial.settings, [layout]);
    const scale = shared?.scales[0] ?? null;
    const request: HeatRequest = {
      signal: scale && shared ? shared.signal : NO_SIGNAL,
      scale: scale ?? NEUTRAL_SCALE,
      unit: initial.settings.unit,
      reducer: initial.settings.reducer,
      minimapBuckets: MINIMAP_BUCKETS,
    };
    return { layout, initial: this.heat(layout.key, request, initial.items, true) };
  }

  heat(key: string, request: HeatRequest, items: boolean, sendRendered: boolean): HeatAnswer {
    const held = this.held.get(key);
    if (!held) throw new Error(`trace ${key} is not loaded`);
    if (items && !held.rendered) held.rendered = buildRenderedPart(held.response, held.layout.table);
    const rendered = items ? held.rendered : null;
    let units = held.units.get(request.unit) ?? null;
    if (!units && request.unit !== 'token') {
      units = unitOfPieces(held.layout.table.text, held.layout.table.starts, request.unit);
      held.units.set(request.unit, units);
    }
    return {
      request,
      items,
      result: computeHeat(held.layout, request, rendered, units),
      rendered: sendRendered ? rendered : null,
    };
  }

  drop(key: string): void {
    this.held.delete(key);
  }
}
