// The trace worker: builds layouts and computes heat off the main thread, so opening a 32,000-token trace
// or switching its signal never blocks input.
import { computeHeat } from '../heat/compute-heat';
import { buildTraceLayout } from '../model/trace-model';
import type { TraceLayout } from '../model/trace-model';
import type { FromWorker, ToWorker } from './protocol';

const layouts = new Map<string, TraceLayout>();
/** A worker serves one page; a few traces (a compare view) are plenty to keep. */
const MAX_LAYOUTS = 8;

function reply(message: FromWorker, transfer: Transferable[] = []): void {
  self.postMessage(message, { transfer });
}

self.onmessage = (event: MessageEvent<ToWorker>) => {
  const message = event.data;
  if (message.type === 'drop') {
    layouts.delete(message.key);
    return;
  }
  try {
    if (message.type === 'load') {
      const layout = buildTraceLayout(message.input);
      layouts.delete(layout.key);
      layouts.set(layout.key, layout);
      while (layouts.size > MAX_LAYOUTS) layouts.delete(layouts.keys().next().value as string);
      // The worker keeps its copy for later heat requests, so nothing is transferred here.
      reply({ type: 'loaded', id: message.id, layout });
      return;
    }
    const layout = layouts.get(message.key);
    if (!layout) throw new Error(`trace ${message.key} is not loaded`);
    const result = computeHeat(layout, message.request);
    reply({ type: 'heat', id: message.id, result }, [result.bins.buffer, result.itemBins.buffer, result.minimap.buffer]);
  } catch (err) {
    reply({ type: 'error', id: message.id, message: err instanceof Error ? err.message : String(err) });
  }
};
