// Reads a native rollout file as parsed blocks, in file order, with the parsing spread over worker
// threads: the job thread only reads bytes and writes SQLite. A bounded number of blocks is in flight,
// so memory stays flat whatever the file size.
import { Worker } from 'node:worker_threads';
import { findSiblingScript } from '../../jobs/sibling-script';
import { readLineBlocks } from '../../io/lines';
import type { LineBlock } from '../../io/lines';
import { parseNativeBlock } from './parse-block';
import type { ParsedBlock } from './parse-block';
import type { ParseReply, ParseRequest } from './parse-protocol';

export const PARSE_WORKER_FILE = 'rollout-parse-worker.mjs';

/** The built parse worker next to this module's bundle (out/node), or null when running from source. */
export function findParseWorkerScript(): string | null {
  return findSiblingScript(PARSE_WORKER_FILE, import.meta.url);
}

export interface ParallelOptions {
  /** Parse worker script; null parses in the calling thread. */
  workerScript: string | null;
  workers: number;
  blockBytes?: number;
}

/** `label` names the file in issues (the base name); `from` is a resume point (offset 0, line 0 to start). */
export async function* parseNativeFile(
  file: string,
  label: string,
  from: { offset: number; line: number },
  options: ParallelOptions,
): AsyncGenerator<ParsedBlock> {
  const blocks = readLineBlocks(file, from, options.blockBytes === undefined ? {} : { blockBytes: options.blockBytes });
  if (!options.workerScript || options.workers < 1) {
    for await (const b of blocks) yield parseNativeBlock(b, label);
    return;
  }
  const pool = new ParsePool(options.workerScript, options.workers);
  const inFlight: Promise<ParsedBlock>[] = [];
  try {
    const maxInFlight = options.workers * 2;
    const iterator = blocks[Symbol.asyncIterator]();
    let done = false;
    for (;;) {
      while (!done && inFlight.length < maxInFlight) {
        const next = await iterator.next();
        if (next.done) done = true;
        else inFlight.push(pool.parse(next.value, label));
      }
      const first = inFlight.shift();
      if (!first) return;
      yield await first;
    }
  } finally {
    // Blocks still in flight when the reader stops early (cancel, a bad line) are dropped quietly.
    for (const pending of inFlight) pending.catch(() => undefined);
    await pool.close();
  }
}

class ParsePool {
  private readonly workers: Worker[];
  private readonly waiting = new Map<number, { resolve(b: ParsedBlock): void; reject(e: Error): void }>();
  private nextId = 0;
  private failure: Error | null = null;

  constructor(script: string, count: number) {
    this.workers = Array.from({ length: count }, () => {
      const worker = new Worker(script);
      worker.on('message', (reply: ParseReply) => this.settle(reply));
      worker.on('error', (err) => this.fail(err));
      worker.on('exit', (code) => {
        if (code !== 0) this.fail(new Error(`rollout parse worker exited with code ${code}`));
      });
      return worker;
    });
  }

  parse(block: LineBlock, file: string): Promise<ParsedBlock> {
    if (this.failure) return Promise.reject(this.failure);
    const id = this.nextId++;
    const worker = this.workers[id % this.workers.length] as Worker;
    const request: ParseRequest = {
      id,
      buffer: block.bytes.buffer as ArrayBuffer,
      byteOffset: block.bytes.byteOffset,
      byteLength: block.bytes.byteLength,
      start: block.start,
      firstLine: block.firstLine,
      skipped: block.skipped,
      file,
    };
    const promise = new Promise<ParsedBlock>((resolve, reject) => this.waiting.set(id, { resolve, reject }));
    worker.postMessage(request, [request.buffer]);
    return promise;
  }

  private settle(reply: ParseReply): void {
    const waiter = this.waiting.get(reply.id);
    if (!waiter) return;
    this.waiting.delete(reply.id);
    if ('block' in reply) waiter.resolve(reply.block);
    else waiter.reject(new Error(`parsing failed in a worker: ${reply.error}`));
  }

  private fail(err: Error): void {
    this.failure ??= err;
    for (const waiter of this.waiting.values()) waiter.reject(err);
    this.waiting.clear();
  }

  async close(): Promise<void> {
    this.failure ??= new Error('parse pool closed');
    await Promise.all(this.workers.map((w) => w.terminate()));
  }
}
