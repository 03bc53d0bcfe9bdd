// Worker-thread entry that parses blocks of native rollout lines, so that JSON.parse (the bulk of an
// import's CPU time) runs on the second core while the job thread writes SQLite. Built to
// out/node/rollout-parse-worker.mjs; ./parallel.ts falls back to parsing in-thread without it.
import { parentPort } from 'node:worker_threads';
import { parseNativeBlock } from './parse-block';
import type { ParseReply, ParseRequest } from './parse-protocol';
import { transferablesOf } from './parse-protocol';

const port = parentPort;
if (!port) throw new Error('rollout-parse-worker: must run as a worker thread');

port.on('message', (request: ParseRequest) => {
  let reply: ParseReply;
  try {
    const bytes = Buffer.from(request.buffer, request.byteOffset, request.byteLength);
    const block = { bytes, start: request.start, firstLine: request.firstLine, skipped: request.skipped };
    reply = { id: request.id, block: parseNativeBlock(block, request.file) };
  } catch (err) {
    reply = { id: request.id, error: (err as Error).stack ?? String(err) };
  }
  port.postMessage(reply, 'block' in reply ? transferablesOf(reply.block) : []);
});
