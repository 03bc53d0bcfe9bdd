// Messages between the viewer and the trace worker. The worker keeps each loaded trace by key, so a
// change of signal, clip or aggregation sends only the request, never the trace again.
import type { HeatRequest, HeatResult } from '../heat/compute-heat';
import type { TraceInput, TraceLayout } from '../model/trace-model';

export type ToWorker =
  | { type: 'load'; id: number; input: TraceInput }
  | { type: 'heat'; id: number; key: string; request: HeatRequest }
  | { type: 'drop'; key: string };

export type FromWorker =
  | { type: 'loaded'; id: number; layout: TraceLayout }
  | { type: 'heat'; id: number; result: HeatResult }
  | { type: 'error'; id: number; message: string };
