// Analyses pages of prompts on worker threads (one per core, up to MAX_WORKERS), each holding its own benchmark
// index, with at most two pages in flight per worker; without the built worker script (unit tests from source) the
// pages are analysed in the calling thread. Pages come back in the order they were sent.
import os from 'node:os';
import { Worker } from 'node:worker_threads';
import { findSiblingScript } from '../jobs/sibling-script';
import { analyzePage } from './analyze-page';
import type { AnalyzedPage, PageRequest } from './analyze-page';
import { ANALYSIS_WORKER_FILE } from './analysis-protocol';
import type { AnalysisReply, InitMessage, PageMessage } from './analysis-protocol';
import { BenchmarkIndex } from './benchmark-index';
import type { BenchmarkItem } from './benchmark-index';
import type { ContaminationSettings } from './settings';

const MAX_WORKERS = 4;
/**
 * A small young generation: the analysis makes short-lived garbage at a high rate, and V8's default lets each
 * worker's heap grow by ~100 MB before collecting, which took a million-prompt check past its 600 MB budget.
 */
const WORKER_LIMITS = { maxYoungGenerationSizeMb: 4 };

export interface Analyzer {
  analyze(request: PageRequest): Promise<AnalyzedPage>;
  close(): Promise<void>;
}

export function findAnalysisWorkerScript(): string | null {
  return findSiblingScript(ANALYSIS_WORKER_FILE, import.meta.url);
}

export function createAnalyzer(
  items: BenchmarkItem[],
  settings: ContaminationSettings,
  script: string | null = findAnalysisWorkerScript(),
): Analyzer {
  const count = Math.min(MAX_WORKERS, os.availableParallelism());
  if (!script || count < 1) {
    const index = new BenchmarkIndex(items, settings);
    return { analyze: (request) => Promise.resolve(analyzePage(index, request)), close: () => Promise.resolve() };
  }
  return new AnalysisPool(script, count, { type: 'init', items, settings });
}

class AnalysisPool implements Analyzer {
  private readonly workers: Worker[];
  private readonly waiting = new Map<number, { resolve(p: AnalyzedPage): void; reject(e: Error): void }>();
  private nextId = 0;
  private failure: Error | null = null;

  constructor(script: string, count: number, init: InitMessage) {
    this.workers = Array.from({ length: count }, () => {
      const worker = new Worker(script, { resourceLimits: WORKER_LIMITS });
      worker.on('message', (reply: AnalysisReply) => this.settle(reply));
      worker.on('error', (err) => this.fail(err));
      worker.on('exit', (code) => {
        if (code !== 0) this.fail(new Error(`contamination worker exited with code ${code}`));
      });
      worker.postMessage(init);
      return worker;
    });
  }

  analyze(request: PageRequest): Promise<AnalyzedPage> {
    if (this.failure) return Promise.reject(this.failure);
    const id = this.nextId++;
    const message: PageMessage = { type: 'page', id, ...request };
    const promise = new Promise<AnalyzedPage>((resolve, reject) => this.waiting.set(id, { resolve, reject }));
    (this.workers[id % this.workers.length] as Worker).postMessage(message);
    return promise;
  }

  private settle(reply: AnalysisReply): void {
    const waiter = this.waiting.get(reply.id);
    if (!waiter) return;
    this.waiting.delete(reply.id);
    if ('page' in reply) waiter.resolve(reply.page);
    else waiter.reject(new Error(`contamination analysis failed in a worker: ${reply.error}`));
  }

  private fail(err: Error): void {
    this.failure ??= err;
    for (const waiter of this.waiting.values()) waiter.reject(err);
    this.waiting.clear();
  }

  async close(): Promise<void> {
    this.failure ??= new Error('contamination pool closed');
    await Promise.all(this.workers.map((w) => w.terminate()));
  }
}
