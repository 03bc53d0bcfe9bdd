// Runs one job to completion against its own connection, rolling back on failure or cancellation.
// Shared by the worker thread and the in-process runner so both behave identically.
import type { JobProgress, RecordIssue } from '../../shared/domain';
import { CuratorError } from '../../shared/errors';
import type { Db } from '../db/open';
import { jobDefinition } from './registry';
import type { WorkerMessage } from './types';

export async function executeJob(
  db: Db,
  jobId: number,
  kind: string,
  params: unknown,
  signal: AbortSignal,
  emit: (message: WorkerMessage) => void,
  turn: { giveWay(): Promise<void>; hostWaiting(): boolean },
): Promise<void> {
  const def = jobDefinition(kind);
  try {
    const result = await def.run(params, {
      db,
      jobId,
      signal,
      progress: (progress: JobProgress) => emit({ type: 'progress', progress }),
      issue: (issue: RecordIssue) => emit({ type: 'issue', issue }),
      giveWay: turn.giveWay,
      hostWaiting: turn.hostWaiting,
    });
    emit({ type: 'done', result });
  } catch (err) {
    try {
      def.rollback(db, jobId, params);
    } catch (rollbackErr) {
      console.error(`jobs: rollback of job ${jobId} failed`, rollbackErr);
    }
    const error =
      err instanceof CuratorError
        ? { code: err.code, message: err.message, details: err.details }
        : signal.aborted
          ? { code: 'CANCELLED', message: 'Cancelled by the user; nothing was kept.' }
          : { code: 'INTERNAL', message: (err as Error).message ?? String(err) };
    emit({ type: 'failed', error });
  }
}
