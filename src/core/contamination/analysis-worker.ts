// Worker-thread entry for the contamination check: builds the benchmark index once, then analyses the pages of
// prompts the job thread sends, so that the check uses every core while the job thread reads SQLite. Built to
// out/node/contamination-worker.mjs; ./analysis-pool.ts falls back to the job thread without it.
import { parentPort } from 'node:worker_threads';
import { BenchmarkIndex } from './benchmark-index';
import { analyzePage } from './analyze-page';
import type { AnalysisReply, InitMessage, PageMessage } from './analysis-protocol';

const port = parentPort;
if (!port) throw new Error('contamination-worker: must run as a worker thread');
let index: BenchmarkIndex | null = null;

port.on('message', (message: InitMessage | PageMessage) => {
  if (message.type === 'init') {
    index = new BenchmarkIndex(message.items, message.settings);
    return;
  }
  let reply: AnalysisReply;
  try {
    if (!index) throw new Error('contamination-worker: page before init');
    reply = { id: message.id, page: analyzePage(index, message) };
  } catch (err) {
    reply = { id: message.id, error: (err as Error).stack ?? String(err) };
  }
  const transfer =
    'page' in reply ? [reply.page.bandKeys.buffer as ArrayBuffer, reply.page.lowBytes.buffer as ArrayBuffer] : [];
  port.postMessage(reply, transfer);
});
