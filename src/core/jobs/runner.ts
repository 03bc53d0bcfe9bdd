// Starts jobs off the thread that answers the UI (a worker thread when the host provides the built
// worker script; in-process otherwise, for unit tests), relays progress as events, persists state.
import { Worker } from 'node:worker_threads';
import type { Job, JobProgress } from '../../shared/domain';
import { CuratorError } from '../../shared/errors';
import type { Db } from '../db/open';
import { openDatabase } from '../db/open';
import { executeJob } from './execute';
import { HostTurn } from './host-turn';
import { jobDefinition } from './registry';
import {
  addIssue,
  finishJob,
  insertJob,
  jobParams,
  listJobs,
  markRunning,
  readJob,
  saveProgress,
  unfinishedJobIds,
} from './store';
import type { WorkerData, WorkerMessage } from './types';

export interface JobRunnerOptions {
  db: Db;
  dbPath: string;
  /** Built worker entry (out/node/job-worker.mjs); without it jobs run in-process. */
  workerScript?: string | URL;
  nativeBinding?: string;
  /** Shared with the job threads so they give way while this thread writes (see host-turn.ts). */
  hostTurn?: HostTurn;
  onUpdate(job: Job): void;
}

interface Running {
  cancel(): void;
  done: Promise<void>;
}

/** Why a job ended mid-run and what became of its data (the job kind decides the second part). */
function interruptedMessage(kind: string, why: string): string {
  return `Interrupted (${why}). ${
    jobDefinition(kind).interruptedMessage ?? 'Its partial data ' + 'was removed; start it again.'
  }`;
}

/** Progress is persisted at most this often; events go out on every report. */
const PROGRESS_PERSIST_MS = 500;

export class JobRunner {
  private readonly running = new Map<number, Running>();
  private readonly lastPersist = new Map<number, number>();

  private readonly hostTurn: HostTurn;

  constructor(private readonly options: JobRunnerOptions) {
    this.hostTurn = options.hostTurn ?? new HostTurn();
  }

  /** Jobs left running by a crash or kill are rolled back and marked failed. */
  recoverInterrupted(): void {
    const { db } = this.options;
    for (const id of unfinishedJobIds(db)) {
      const job = jobParams(db, id);
      if (!job) continue;
      try {
        jobDefinition(job.kind).rollback(db, id, job.params);
      } catch (err) {
        console.error(`jobs: rollback of interrupted job ${id} failed`, err);
      }
      finishJob(db, id, 'failed', {
        error: { code: 'INTERNAL', message: interruptedMessage(job.kind, 'the app stopped while this job ran') },
      });
    }
  }

  start(kind: string, title: string, params: unknown): Job {
    jobDefinition(kind); // unknown kinds fail before anything is written
    const { db } = this.options;
    const id = insertJob(db, kind, title, params);
    markRunning(db, id);
    const run = this.options.workerScript ? this.runInWorker(id, kind, params) : this.runInProcess(id, kind, params);
    this.running.set(id, run);
    void run.done.finally(() => this.running.delete(id));
    return this.get(id);
  }

  get(id: number): Job {
    const job = readJob(this.options.db, id);
    if (!job) throw new CuratorError('NOT_FOUND', `No job with id ${id}.`);
    return job;
  }

  list(limit: number): Job[] {
    return listJobs(this.options.db, limit);
  }

  cancel(id: number): Job {
    const job = this.get(id);
    this.running.get(id)?.cancel();
    return job;
  }

  /** Resolves when the job has finished (any final status). */
  async wait(id: number): Promise<Job> {
    await this.running.get(id)?.done;
    return this.get(id);
  }

  async close(): Promise<void> {
    for (const run of this.running.values()) run.cancel();
    await Promise.allSettled([...this.running.values()].map((r) => r.done));
  }

  private handle(id: number, message: WorkerMessage): void {
    this.hostTurn.run(() => this.persist(id, message));
  }

  private persist(id: number, message: WorkerMessage): void {
    const { db } = this.options;
    switch (message.type) {
      case 'progress': {
        const now = Date.now();
        if (
          now - (this.lastPersist.get(id) ?? 0) >= PROGRESS_PERSIST_MS &&
          saveProgressIfFree(db, id, message.progress)
        )
          this.lastPersist.set(id, now);
        const job = this.get(id);
        this.options.onUpdate({ ...job, progress: message.progress });
        return;
      }
      case 'issue':
        addIssue(db, id, message.issue);
        return;
      case 'done':
        finishJob(db, id, 'done', { result: message.result });
        break;
      case 'failed':
        finishJob(db, id, message.error.code === 'CANCELLED' ? 'cancelled' : 'failed', { error: message.error });
        break;
    }
    this.lastPersist.delete(id);
    this.options.onUpdate(this.get(id));
  }

  private runInProcess(id: number, kind: string, params: unknown): Running {
    const controller = new AbortController();
    const jobDb = openDatabase(this.options.dbPath, { migrate: false });
    const done = (async () => {
      // Let start() return (and the caller subscribe) before the first chunk runs.
      await new Promise<void>((resolve) => setImmediate(resolve));
      try {
        // In one thread the host runs whenever the job awaits (giving way is letting the loop turn), and
        // it can never be waiting while the job runs.
        const turn = { giveWay: () => new Promise<void>((resolve) => setImmediate(resolve)), hostWaiting: () => false };
        await executeJob(jobDb, id, kind, params, controller.signal, (m) => this.handle(id, m), turn);
      } finally {
        jobDb.close();
      }
    })();
    return { cancel: () => controller.abort(), done };
  }

  private runInWorker(id: number, kind: string, params: unknown): Running {
    const data: WorkerData = {
      dbPath: this.options.dbPath,
      jobId: id,
      kind,
      params,
      hostTurn: this.hostTurn.buffer,
      ...(this.options.nativeBinding ? { nativeBinding: this.options.nativeBinding } : {}),
    };
    const worker = new Worker(this.options.workerScript as string | URL, { workerData: data });
    let finished = false;
    const done = new Promise<void>((resolve) => {
      worker.on('message', (m: WorkerMessage) => {
        if (m.type === 'done' || m.type === 'failed') finished = true;
        this.handle(id, m);
      });
      worker.on('error', (err) => {
        if (!finished) {
          finished = true;
          this.rollbackAfterCrash(id, kind, params);
          this.handle(id, {
            type: 'failed',
            error: { code: 'INTERNAL', message: interruptedMessage(kind, `it stopped unexpectedly: ${err.message}`) },
          });
        }
      });
      worker.on('exit', (code) => {
        if (!finished) {
          finished = true;
          this.rollbackAfterCrash(id, kind, params);
          this.handle(id, {
            type: 'failed',
            error: { code: 'INTERNAL', message: interruptedMessage(kind, `its worker exited with code ${code}`) },
          });
        }
        resolve();
      });
    });
    return { cancel: () => worker.postMessage({ type: 'cancel' }), done };
  }

  private rollbackAfterCrash(id: number, kind: string, params: unknown): void {
    try {
      jobDefinition(kind).rollback(this.options.db, id, params);
    } catch (err) {
      console.error(`jobs: rollback of job ${id} failed`, err);
    }
  }
}

/**
 * Progress is persisted only so that a restarted app can show the last state; the live figure goes out as an
 * event. A job that keeps the write lock past the busy timeout must not turn that into a crash of this thread.
 */
function saveProgressIfFree(db: Db, id: number, progress: JobProgress): boolean {
  try {
    saveProgress(db, id, progress);
    return true;
  } catch (err) {
    if ((err as { code?: unknown }).code === 'SQLITE_BUSY') return false;
    throw err;
  }
}
