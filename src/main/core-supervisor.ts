// Main's handle on the core utility process: turns calls into id'd messages and back into promises,
// queues calls until core says `ready`, forwards events, restarts core after a crash (a bounded number
// of times) and stops it cleanly on quit. Structural child type: tests drive it with a fake process.
import type { Result, RpcError } from '../shared/errors';
import { fail } from '../shared/errors';
import type { CoreToMain, MainToCore } from './core-protocol';
import { isCoreToMain } from './core-protocol';

export interface CoreChild {
  postMessage(message: MainToCore): void;
  onMessage(listener: (message: unknown) => void): void;
  onExit(listener: (code: number) => void): void;
  kill(): void;
}

export interface SupervisorOptions {
  spawn(): CoreChild;
  onEvent(event: string, payload: unknown): void;
  /** The workspace could not be opened (DB_TOO_NEW, DB_CORRUPT, …): the UI will also get it per call. */
  onFatal?(error: RpcError): void;
  /** Restarts allowed after unexpected exits, over the app's lifetime. */
  maxRestarts?: number;
  /** How long stop() waits for a clean close before killing the process. */
  stopTimeoutMs?: number;
  log?(message: string): void;
}

interface Queued {
  method: string;
  input: unknown;
  resolve(result: Result<unknown>): void;
}

type State = 'starting' | 'ready' | 'stopping' | 'stopped' | 'dead';

export class CoreSupervisor {
  private child: CoreChild | undefined;
  private state: State = 'stopped';
  private nextId = 1;
  private restarts = 0;
  private readonly pending = new Map<number, (result: Result<unknown>) => void>();
  private queue: Queued[] = [];
  private stopped: Promise<void> | undefined;
  private resolveStopped: (() => void) | undefined;

  constructor(private readonly options: SupervisorOptions) {}

  start(): void {
    if (this.state !== 'stopped') return;
    this.spawn();
  }

  call(method: string, input: unknown): Promise<Result<unknown>> {
    return new Promise((resolve) => {
      if (this.state === 'dead')
        return resolve(
          fail('INTERNAL', 'The core process is not running (it crashed repeatedly); restart RL Curator.'),
        );
      if (this.state === 'stopping' || this.state === 'stopped')
        return resolve(fail('INTERNAL', 'RL Curator is shutting down.'));
      if (this.state === 'starting') return void this.queue.push({ method, input, resolve });
      this.send(method, input, resolve);
    });
  }

  /** Asks core to close the workspace and waits for the process to exit (kills it after a timeout). */
  stop(): Promise<void> {
    if (this.stopped) return this.stopped;
    const child = this.child;
    if (!child || this.state === 'dead' || this.state === 'stopped') {
      this.state = 'stopped';
      return (this.stopped = Promise.resolve());
    }
    this.state = 'stopping';
    this.failQueued('RL Curator is shutting down.');
    this.stopped = new Promise<void>((resolve) => (this.resolveStopped = resolve));
    const timer = setTimeout(() => {
      this.log('core did not exit in time; killing it');
      child.kill();
    }, this.options.stopTimeoutMs ?? 10_000);
    timer.unref?.();
    void this.stopped.finally(() => clearTimeout(timer));
    child.postMessage({ type: 'shutdown' });
    return this.stopped;
  }

  get status(): State {
    return this.state;
  }

  private spawn(): void {
    this.state = 'starting';
    const child = this.options.spawn();
    this.child = child;
    child.onMessage((message) => {
      if (this.child === child) this.handleMessage(message);
    });
    child.onExit((code) => {
      if (this.child === child) this.handleExit(code);
    });
  }

  private handleMessage(message: unknown): void {
    if (!isCoreToMain(message)) {
      this.log('ignored a malformed message from core');
      return;
    }
    const m: CoreToMain = message;
    switch (m.type) {
      case 'ready': {
        if (this.state !== 'starting') return;
        this.state = 'ready';
        const queued = this.queue;
        this.queue = [];
        for (const q of queued) this.send(q.method, q.input, q.resolve);
        return;
      }
      case 'result': {
        const resolve = this.pending.get(m.id);
        this.pending.delete(m.id);
        resolve?.(m.result);
        return;
      }
      case 'event':
        this.options.onEvent(m.event, m.payload);
        return;
      case 'fatal':
        this.options.onFatal?.(m.error);
        return;
      case 'closed':
        return;
    }
  }

  private handleExit(code: number): void {
    this.child = undefined;
    if (this.state === 'stopping') {
      this.failPending('RL Curator is shutting down.');
      this.state = 'stopped';
      this.resolveStopped?.();
      return;
    }
    this.failPending(
      `The core process stopped unexpectedly (exit code ${code}); the request was not completed. Try again.`,
    );
    const maxRestarts = this.options.maxRestarts ?? 3;
    if (this.restarts >= maxRestarts) {
      this.state = 'dead';
      this.failQueued('The core process is not running (it crashed repeatedly); restart RL Curator.');
      this.log(`core exited with code ${code}; not restarting (${this.restarts} restarts already)`);
      return;
    }
    this.restarts++;
    this.log(`core exited with code ${code}; restarting (${this.restarts}/${maxRestarts})`);
    this.spawn();
  }

  private send(method: string, input: unknown, resolve: (result: Result<unknown>) => void): void {
    const id = this.nextId++;
    this.pending.set(id, resolve);
    try {
      this.child?.postMessage({ type: 'call', id, method, input });
    } catch (err) {
      this.pending.delete(id);
      resolve(fail('INVALID_INPUT', `${method}: input could not be sent to core (${(err as Error).message}).`));
    }
  }

  private failPending(message: string): void {
    const pending = [...this.pending.values()];
    this.pending.clear();
    for (const resolve of pending) resolve(fail('INTERNAL', message));
  }

  private failQueued(message: string): void {
    const queued = this.queue;
    this.queue = [];
    for (const q of queued) q.resolve(fail('INTERNAL', message));
  }

  private log(message: string): void {
    (this.options.log ?? ((m: string) => console.error(`[core] ${m}`)))(message);
  }
}
