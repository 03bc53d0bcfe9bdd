// Messages between the viewer and the trace worker. The worker keeps each loaded trace by key, so a
// change of signal, clip or aggregation sends only the request, never the trace again. A load may carry
// the viewer's settings, so the first colours come back with the layout in one round trip.
import type { HeatRequest, HeatResult } from '../heat/compute-heat';
import type { RenderedPart, TraceInput, TraceLayout } from '../model/trace-model';
import type { HeatSettings } from '../settings';

export const MINIMAP_BUCKETS = 400;

export interface InitialHeat {
  settings: HeatSettings;
  /** Also tint the rendered view (it is the one on screen). */
  items: boolean;
}

export interface HeatAnswer {
  request: HeatRequest;
  items: boolean;
  result: HeatResult;
  /** The rendered view's layout, sent with the first answer that needs it. */
  rendered: RenderedPart | null;
}

export type ToWorker =
  | { type: 'load'; id: number; input: TraceInput; initial: InitialHeat | null }
  | { type: 'heat'; id: number; key: string; request: HeatRequest; items: boolean; sendRendered: boolean }
  | { type: 'drop'; key: string };

export type FromWorker =
  | { type: 'loaded'; id: number; layout: TraceLayout; initial: HeatAnswer | null }
  | { type: 'heat'; id: number; answer: HeatAnswer }
  | { type: 'error'; id: number; message: string };
