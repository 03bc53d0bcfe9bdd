// The trace worker: builds layouts and computes heat off the main thread, so opening a 32,000-token trace
// or switching its signal never blocks input.
import type { FromWorker, HeatAnswer, ToWorker } from './protocol';
import { TraceStore } from './trace-store';

/** A worker serves the app; a few traces (a compare view, the one before) are plenty to keep. */
const store = new TraceStore(8);

function reply(message: FromWorker, transfer: Transferable[] = []): void {
  self.postMessage(message, { transfer });
}

const buffersOf = (answer: HeatAnswer | null): Transferable[] =>
  answer ? [answer.result.bins.buffer, answer.result.itemBins.buffer, answer.result.minimap.buffer] : [];

self.onmessage = (event: MessageEvent<ToWorker>) => {
  const message = event.data;
  if (message.type === 'drop') {
    store.drop(message.key);
    return;
  }
  try {
    if (message.type === 'load') {
      const { layout, initial } = store.load(message.input, message.initial);
      // The worker keeps its layout for later requests, so only the fresh heat arrays are transferred.
      reply({ type: 'loaded', id: message.id, layout, initial }, buffersOf(initial));
      return;
    }
    const answer = store.heat(message.key, message.request, message.items, message.sendRendered);
    reply({ type: 'heat', id: message.id, answer }, buffersOf(answer));
  } catch (err) {
    reply({ type: 'error', id: message.id, message: err instanceof Error ? err.message : String(err) });
  }
};
