// createCore({ dbPath }): the one entry point every host uses. It owns the workspace connection, the
// job runner and the event bus, and answers contract calls with Result values (never throws).
import { EventEmitter } from 'node:events';
import { contract, isMethod } from '../shared/contract';
import type { EventName, EventPayload, Input, Method, Output } from '../shared/contract';
import type { Result } from '../shared/errors';
import { CuratorError, fail } from '../shared/errors';
import { openDatabase } from './db/open';
import { SCHEMA_VERSION } from './db/migrate';
import { createHandlers } from './handlers';
import type { Handlers } from './handlers';
import { EXPORT_JOB_KIND } from './export/job';
import { HostTurn } from './jobs/host-turn';
import { JobRunner } from './jobs/runner';
import { QueryCache } from './prompts/query-cache';
import { scheduleSearchIndexing } from './prompts/search-index';
import type { CoreState } from './state';
import { ensureWorkspaceId } from './workspace';
import { toRpcError } from './rpc-error';

export interface CoreOptions {
  dbPath: string;
  /** Built job worker (out/node/job-worker.mjs). Without it, jobs run in-process (unit tests). */
  workerScript?: string | URL;
  nativeBinding?: string;
  host?: CoreState['host'];
  version?: string;
}

export interface Core {
  /** Untyped entry for transports: validates the method name and input. */
  call(method: string, input: unknown): Promise<Result<unknown>>;
  /** Typed entry for in-process callers (CLI, tests). */
  invoke<M extends Method>(method: M, input: Input<M>): Promise<Result<Output<M>>>;
  on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void;
  /** Resolves when a job has finished. */
  waitForJob(id: number): ReturnType<JobRunner['wait']>;
  readonly dbPath: string;
  close(): Promise<void>;
}

const KEEPS_PROMPT_QUERIES: ReadonlySet<EventPayload<'data.changed'>['scope']> = new Set(['views', 'exports']);

export function createCore(options: CoreOptions): Core {
  const db = openDatabase(options.dbPath, options.nativeBinding ? { nativeBinding: options.nativeBinding } : {});
  const bus = new EventEmitter();
  bus.setMaxListeners(100);
  const queryCache = new QueryCache();
  const emit = <E extends EventName>(event: E, payload: EventPayload<E>) => {
    // Every change of data goes through this event, so cached query results can never go stale. Saved views
    // and export history change no prompt.
    if (event === 'data.changed' && !KEEPS_PROMPT_QUERIES.has((payload as EventPayload<'data.changed'>).scope))
      queryCache.invalidate();
    bus.emit(event, payload);
  };
  // Raised while this thread works, so that job threads give way between their transactions.
  const hostTurn = new HostTurn();
  const jobs = new JobRunner({
    db,
    hostTurn,
    dbPath: options.dbPath,
    ...(options.workerScript ? { workerScript: options.workerScript } : {}),
    ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
    onUpdate: (job) => {
      emit('job.updated', job);
      if (job.status !== 'done') return;
      emit('data.changed', { scope: job.kind === EXPORT_JOB_KIND ? 'exports' : 'prompts' });
      // A new prompt dataset gets its search index built in the background.
      if (job.kind !== 'index.search') scheduleSearchIndexing(db, jobs);
    },
  });
  jobs.recoverInterrupted();
  scheduleSearchIndexing(db, jobs);
  const state: CoreState = {
    db,
    dbPath: options.dbPath,
    workspaceId: ensureWorkspaceId(db),
    schemaVersion: SCHEMA_VERSION,
    version: options.version ?? '0.0.0',
    host: options.host ?? 'test',
    jobs,
    queryCache,
    emit,
  };
  const handlers: Handlers = createHandlers(state);
  let closed = false;

  async function call(method: string, input: unknown): Promise<Result<unknown>> {
    if (closed) return fail('INTERNAL', 'The workspace is closed.');
    if (!isMethod(method)) return fail('UNKNOWN_METHOD', `Unknown method "${method}".`);
    const parsed = contract[method].input.safeParse(input ?? {});
    if (!parsed.success) {
      return fail(
        'INVALID_INPUT',
        `${method}: ${parsed.error.issues.map((i) => `${i.path.join('.') || 'input'}: ${i.message}`).join('; ')}`,
        {
          issues: parsed.error.issues.map((i) => ({ path: i.path.map(String), message: i.message })),
        },
      );
    }
    try {
      const handler = handlers[method] as (i: unknown) => unknown;
      // Only the synchronous part counts: that is where a handler's SQLite work runs.
      const value = hostTurn.run(() => handler(parsed.data));
      return { ok: true, value: await value };
    } catch (err) {
      return { ok: false, error: toRpcError(err) };
    }
  }

  return {
    call,
    invoke: (method, input) => call(method, input) as never,
    on(event, listener) {
      bus.on(event, listener as (p: unknown) => void);
      return () => bus.off(event, listener as (p: unknown) => void);
    },
    waitForJob: (id) => jobs.wait(id),
    dbPath: options.dbPath,
    async close() {
      if (closed) return;
      closed = true;
      await jobs.close();
      try {
        db.pragma('optimize');
      } finally {
        db.close();
      }
    },
  };
}

export { CuratorError };
