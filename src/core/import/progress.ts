// Progress for a running import, sent at most ~4 times a second (the UI redraws on every event).
import type { JobProgress } from '../../shared/domain';

const MIN_INTERVAL_MS = 250;

export interface ProgressCounts {
  bytesDone: number;
  rows: number;
  badRows: number;
}

export function createProgressReporter(
  bytesTotal: number,
  send: (progress: JobProgress) => void,
  now: () => number = Date.now,
) {
  const started = now();
  let last = -Infinity;
  return (phase: string, counts: ProgressCounts, force = false): void => {
    const t = now();
    if (!force && t - last < MIN_INTERVAL_MS) return;
    last = t;
    const seconds = (t - started) / 1000;
    const bytesPerSecond = seconds > 0 ? counts.bytesDone / seconds : 0;
    const bytesDone = Math.min(counts.bytesDone, bytesTotal);
    send({
      phase,
      bytesDone,
      bytesTotal,
      rows: counts.rows,
      badRows: counts.badRows,
      rowsPerSecond: seconds > 0 ? Math.round(counts.rows / seconds) : 0,
      etaSeconds: bytesPerSecond > 0 ? Math.max(0, Math.round((bytesTotal - bytesDone) / bytesPerSecond)) : null,
    });
  };
}
