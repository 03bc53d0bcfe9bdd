// The viewer's handle on the trace worker: promises for layouts and heat, and the same work done on the
// main thread when a worker cannot be started (an old host, a CSP without worker-src). One instance
// serves the app.
import type { HeatRequest } from '../heat/compute-heat';
import type { RenderedPart, TraceInput, TraceLayout } from '../model/trace-model';
import { DEFAULT_SETTINGS } from '../settings';
import type { FromWorker, HeatAnswer, InitialHeat, ToWorker } from './protocol';
import { TraceStore } from './trace-store';
import { transferList } from '../trace-input';
import { warmUpInput } from './warm-up';

type Pending = { resolve(value: FromWorker): void; reject(error: Error): void };

export class TraceComputer {
  private worker: Worker | null = null;
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;
  /** Main-thread fallback. */
  private readonly local = new TraceStore(8);
  private readonly localKeys = new Set<string>();
  /** Rendered parts received, so the worker sends each only once. */
  private readonly rendered = new Map<string, RenderedPart>();

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

  /**
   * Has the worker lay out a small trace once, so that its code is loaded and compiled before the first
   * real trace arrives (opening a page calls this).
   */
  warmUp(): void {
    const input = warmUpInput();
    void this.load(input, { settings: DEFAULT_SETTINGS, items: true }).then(
      () => this.drop(input.key),
      () => undefined,
    );
  }

  async load(
    input: TraceInput,
    initial: InitialHeat | null,
  ): Promise<{ layout: TraceLayout; initial: HeatAnswer | null }> {
    if (this.worker) {
      // The input's arrays move to the worker; if it dies meanwhile, the caller loads a fresh input again
      // (and this computer, now without a worker, lays it out on the main thread).
      const answer = await this.send({ type: 'load', id: this.nextId++, input, initial });
      if (answer.type === 'loaded') {
        this.keep(answer.layout.key, answer.initial);
        return { layout: answer.layout, initial: answer.initial };
      }
      throw new Error(answer.type === 'error' ? answer.message : 'unexpected reply');
    }
    this.localKeys.add(input.key);
    const loaded = this.local.load(input, initial);
    this.keep(input.key, loaded.initial);
    return loaded;
  }

  async heat(key: string, request: HeatRequest, items: boolean): Promise<HeatAnswer> {
    const sendRendered = items && !this.rendered.has(key);
    let answer: HeatAnswer;
    if (this.localKeys.has(key)) answer = this.local.heat(key, request, items, sendRendered);
    else {
      const reply = await this.send({ type: 'heat', id: this.nextId++, key, request, items, sendRendered });
      if (reply.type !== 'heat') throw new Error(reply.type === 'error' ? reply.message : 'unexpected reply');
      answer = reply.answer;
    }
    this.keep(key, answer);
    return { ...answer, rendered: items ? (this.rendered.get(key) ?? null) : null };
  }

  /** The rendered part of a trace, once a heat answer brought it. */
  renderedPart(key: string): RenderedPart | null {
    return this.rendered.get(key) ?? null;
  }

  drop(key: string): void {
    this.rendered.delete(key);
    if (this.localKeys.delete(key)) this.local.drop(key);
    else this.worker?.postMessage({ type: 'drop', key } satisfies ToWorker);
  }

  dispose(): void {
    this.worker?.terminate();
    this.worker = null;
    for (const waiting of this.pending.values()) waiting.reject(new Error('the trace viewer closed'));
    this.pending.clear();
  }

  private keep(key: string, answer: HeatAnswer | null): void {
    if (answer?.rendered) this.rendered.set(key, answer.rendered);
  }

  private send(message: Extract<ToWorker, { id: number }>): Promise<FromWorker> {
    const worker = this.worker;
    if (!worker) return Promise.reject(new Error('no trace worker'));
    return new Promise((resolve, reject) => {
      this.pending.set(message.id, { resolve, reject });
      worker.postMessage(message, message.type === 'load' ? transferList(message.input) : []);
    });
  }

  private fallBack(error: Error): void {
    this.worker?.terminate();
    this.worker = null;
    for (const waiting of this.pending.values()) waiting.reject(error);
    this.pending.clear();
  }
}
