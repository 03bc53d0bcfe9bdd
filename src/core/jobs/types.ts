// What a long-running job sees. The same job function runs in a worker thread (hosts) or in-process
// (tests), so it must only talk to the world through this context.
import type { JobProgress, RecordIssue } from '../../shared/domain';
import type { Db } from '../db/open';

export interface JobContext {
  /** A writer connection owned by this job's thread. */
  db: Db;
  jobId: number;
  /** Aborted when the user cancels; check it between chunks and throw `cancelled()`. */
  signal: AbortSignal;
  progress(progress: JobProgress): void;
  /** Record a problem with the input (file, line, field, message). */
  issue(issue: RecordIssue): void;
  /**
   * Call between two write transactions of a long job: waits while the host thread has work in hand
   * (its writes would otherwise starve behind the job's; see host-turn.ts).
   */
  giveWay(): Promise<void>;
  /** True while the host thread waits to write: a long transaction should end at its next step. */
  hostWaiting(): boolean;
}

export interface JobDefinition<P = unknown> {
  kind: string;
  run(params: P, ctx: JobContext): Promise<Record<string, unknown>>;
  /** Remove everything a failed, cancelled or interrupted run of this job wrote. Must be idempotent. */
  rollback(db: Db, jobId: number, params: P): void;
  /** What the user is told when the job's thread or process died mid-run (default: its data was removed). */
  interruptedMessage?: string;
}

/** Messages from a job worker to the runner. */
export type WorkerMessage =
  | { type: 'progress'; progress: JobProgress }
  | { type: 'issue'; issue: RecordIssue }
  | { type: 'done'; result: Record<string, unknown> }
  | { type: 'failed'; error: { code: string; message: string; details?: unknown } };

/** Messages from the runner to a job worker. */
export type RunnerMessage = { type: 'cancel' };

export interface WorkerData {
  dbPath: string;
  jobId: number;
  kind: string;
  params: unknown;
  nativeBinding?: string;
  /** The host's HostTurn counter. */
  hostTurn: SharedArrayBuffer;
}
