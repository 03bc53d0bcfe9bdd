// The job thread's side of a two-thread read (parallel-pass.ts): whether an export qualifies, starting
// the helper thread on the job's own snapshot, and taking its blocks in order.
//
// One snapshot: both connections begin their read transactions while a third connection holds the write
// lock (BEGIN IMMEDIATE), so no commit can fall between them; the lock is released as soon as the helper
// has made its first read (the thread's start-up, tens of ms, during which other writers wait).
import { isMainThread, Worker, workerData } from 'node:worker_threads';
import Database from 'better-sqlite3';
import type { Db } from '../db/open';
import { findSiblingScript } from '../jobs/sibling-script';
import type { WorkerData } from '../jobs/types';
import { READ_HELPER_FILE } from './read-protocol';
import type { BlockReply, HelperReply, HelperRequest, ReadHelperData } from './read-protocol';
import type { ResolvedExport } from './request';

export interface ReadHelperOptions {
  /** The built helper script; null: the job thread reads alone. */
  script: string | null;
  /** Fewer visible prompts than this are read by the job thread alone (a thread costs ~50 ms to start). */
  minPrompts: number;
  /** At most this many prompt ids per block (the two threads take turns at blocks). */
  blockIds: number;
}

/** How long to wait for another writer to finish before reading with one thread instead. */
const LOCK_WAIT_MS = 2000;

/**
 * Only a job in its own thread (the job worker) reads with a helper: while the write lock is held for the
 * helper's start, a write on the job's own thread would wait out its busy timeout with the event loop
 * blocked, so the helper's 'ready' could never arrive.
 */
export function defaultReadHelperOptions(): ReadHelperOptions {
  return {
    script: isMainThread ? null : findSiblingScript(READ_HELPER_FILE, import.meta.url),
    minPrompts: 100_000,
    blockIds: 8192,
  };
}

/**
 * Whether two threads give the very bytes one would. Splits and per-source caps choose rows over the whole
 * selection (two passes), dedup keeps a question's first occurrence, and Parquet row groups span blocks:
 * those read in one thread, as do the rollout export (other tables per row) and in-memory databases.
 */
export function readsInParallel(db: Db, ex: ResolvedExport, visible: number, options: ReadHelperOptions): boolean {
  const { format, dedup, capPerSource } = ex.request;
  const text = format === 'jsonl' || format === 'oreal-jsonl' || format === 'csv';
  return (
    options.script !== null &&
    visible >= options.minPrompts &&
    !db.memory &&
    ex.splits.length === 1 &&
    capPerSource === undefined &&
    !dedup &&
    // The helper's block counts know nothing of contamination findings: those exports read in one thread.
    ex.request.excludeContaminated.length === 0 &&
    text
  );
}

/** The Electron build of the SQLite addon the job thread was started with, if any (hosts pass it in workerData). */
function nativeBinding(): string | undefined {
  const binding = (workerData as Partial<WorkerData> | null)?.nativeBinding;
  return typeof binding === 'string' ? binding : undefined;
}

/** A connection holding the write lock, or null when another writer kept it past LOCK_WAIT_MS. */
function holdWriters(dbPath: string): Database.Database | null {
  const binding = nativeBinding();
  let lock: Database.Database | null = null;
  try {
    lock = new Database(dbPath, { timeout: LOCK_WAIT_MS, ...(binding ? { nativeBinding: binding } : {}) });
    lock.exec('BEGIN IMMEDIATE');
    return lock;
  } catch {
    lock?.close();
    return null;
  }
}

/**
 * Begins `db`'s read transaction and, when `parallel`, a helper thread's on the same snapshot. Null when
 * the job reads alone: not asked, the lock was busy, or the helper could not start (the export is then
 * just as correct, on one thread).
 */
export async function beginRead(
  db: Db,
  ex: ResolvedExport,
  parallel: boolean,
  options: ReadHelperOptions,
): Promise<ReadHelper | null> {
  const lock = parallel && options.script ? holdWriters(db.name) : null;
  try {
    db.exec('BEGIN');
    db.prepare('SELECT count(*) FROM datasets').get();
    if (!lock || !options.script) return null;
    return await ReadHelper.start(options.script, {
      dbPath: db.name,
      ex,
      ...(nativeBinding() ? { nativeBinding: nativeBinding() as string } : {}),
    });
  } finally {
    if (lock) {
      lock.exec('ROLLBACK');
      lock.close();
    }
  }
}

export class ReadHelper {
  private readonly replies: BlockReply[] = [];
  private waiter: { resolve(b: BlockReply): void; reject(e: Error): void } | null = null;
  private failure: Error | null = null;

  private constructor(private readonly worker: Worker) {}

  /** Resolves once the helper has begun its snapshot; null if it failed before. */
  static start(script: string, data: ReadHelperData): Promise<ReadHelper | null> {
    const worker = new Worker(script, { workerData: data });
    const helper = new ReadHelper(worker);
    return new Promise((resolve) => {
      let ready = false;
      worker.on('message', (reply: HelperReply) => {
        if (reply.type === 'ready') {
          ready = true;
          resolve(helper);
        } else if (reply.type === 'block') helper.settle(reply);
        else if (!ready) void worker.terminate().then(() => resolve(null));
        else helper.fail(new Error(`export read thread failed: ${reply.message}`));
      });
      worker.on('error', (err) => (ready ? helper.fail(err) : resolve(null)));
      worker.on('exit', (code) => {
        if (!ready) resolve(null);
        else helper.fail(new Error(`export read thread exited (code ${code})`));
      });
    });
  }

  /** Asks for the rows with ids in (after, last]; blocks come back in the order asked. */
  request(after: number, last: number): void {
    const request: HelperRequest = { type: 'block', after, last };
    this.worker.postMessage(request);
  }

  next(): Promise<BlockReply> {
    const reply = this.replies.shift();
    if (reply) return Promise.resolve(reply);
    if (this.failure) return Promise.reject(this.failure);
    return new Promise((resolve, reject) => (this.waiter = { resolve, reject }));
  }

  /** Stops the thread; its connection, and with it the read transaction, closes with it. */
  async close(): Promise<void> {
    this.failure ??= new Error('export read thread closed');
    await this.worker.terminate();
  }

  private settle(reply: BlockReply): void {
    const waiter = this.waiter;
    this.waiter = null;
    if (waiter) waiter.resolve(reply);
    else this.replies.push(reply);
  }

  private fail(err: Error): void {
    this.failure ??= err;
    const waiter = this.waiter;
    this.waiter = null;
    waiter?.reject(this.failure);
  }
}
