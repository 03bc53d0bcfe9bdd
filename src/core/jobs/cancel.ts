// Cancellation helpers for job code. Kept apart from execute.ts, which imports the job registry: a job
// module importing execute.ts would close an import cycle (registry -> job -> execute -> registry).
import { CuratorError } from '../../shared/errors';

export function cancelled(): CuratorError {
  return new CuratorError('CANCELLED', 'Cancelled by the user; nothing was kept.');
}

export function throwIfCancelled(signal: AbortSignal): void {
  if (signal.aborted) throw cancelled();
}
