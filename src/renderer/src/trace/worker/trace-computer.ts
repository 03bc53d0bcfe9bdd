// The viewer's handle on the trace worker: promises for layouts and heat, and the same work done on the
// main thread when a worker cannot be started (an old host, a CSP without worker-src). One instance
// serves one page; `dispose` ends its worker.
import { computeHeat } from '../heat/compute-heat';
import type { HeatRequest, HeatResult } from '../heat/compute-heat';
import { buildTraceLayout } from '../model/trace-model';
import type { TraceInput, TraceLayout } from '../model/trace-model';
import type { FromWorker, ToWorker } from './protocol';

type Pending = { resolve(value: FromWorker): void; reject(error: Error): void };

export class TraceComputer {
  private worker: Worker | null = null;
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;
  /** Main-thread fallback: layouts by key. */
  private readonly local = new Map<string, TraceLayout>();

  constructor(useWorker = true) {
    if (!useWorker || typeof Worker === 'undefined') return;
    try {
      this.worker = new Worker(new URL('./trace.worker.ts', import.meta.url), { type: 'module', name: 'trace' });
      this.worker.onmessage = (event: MessageEvent<FromWorker>) => {
        const waiting = this.pending.get(event.data.id);
        this.pending.delete(event.data.id);
        waiting?.resolve(event.data);
      };
      this.worker.onerror = (event) => {
        // A worker that fails to load (blocked by a CSP, a missing file) hands its work to the main thread.
        event.preventDefault();
        this.fallBack(new Error(event.message || 'the trace worker failed to start'));
      };
    } catch {
      this.worker = null;
    }
  }

  get usesWorker(): boolean {
    return this.worker !== null;
  }

  async load(input: TraceInput): Promise<TraceLayout> {
    if (!this.worker) return this.loadLocally(input);
    try {
      const answer = await this.send({ type: 'load', id: this.nextId++, input });
      if (answer.type === 'loaded') return answer.layout;
      throw new Error(answer.type === 'error' ? answer.message : 'unexpected reply');
    } catch (err) {
      if (this.worker) throw err;
      return this.loadLocally(input); // the worker died meanwhile
    }
  }

  async heat(key: string, request: HeatRequest): Promise<HeatResult> {
    const local = this.local.get(key);
    if (local) return computeHeat(local, request);
    const answer = await this.send({ type: 'heat', id: this.nextId++, key, request });
    if (answer.type === 'heat') return answer.result;
    throw new Error(answer.type === 'error' ? answer.message : 'unexpected reply');
  }

  drop(key: string): void {
    this.local.delete(key);
    this.worker?.postMessage({ type: 'drop', key } satisfies ToWorker);
  }

  dispose(): void {
    this.worker?.terminate();
    this.worker = null;
    for (const waiting of this.pending.values()) waiting.reject(new Error('the trace viewer closed'));
    this.pending.clear();
    this.local.clear();
  }

  private loadLocally(input: TraceInput): TraceLayout {
    const layout = buildTraceLayout(input);
    this.local.set(layout.key, layout);
    return layout;
  }

  private send(message: Extract<ToWorker, { id: number }>): Promise<FromWorker> {
    const worker = this.worker;
    if (!worker) return Promise.reject(new Error('no trace worker'));
    return new Promise((resolve, reject) => {
      this.pending.set(message.id, { resolve, reject });
      worker.postMessage(message);
    });
  }

  private fallBack(error: Error): void {
    this.worker?.terminate();
    this.worker = null;
    for (const waiting of this.pending.values()) waiting.reject(error);
    this.pending.clear();
  }
}
