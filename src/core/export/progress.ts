// Progress of an export job: at most ~4 reports a second (always the first of a phase). Bytes are what
// was written; the total is extrapolated from the bytes per row so far.
import type { JobContext } from '../jobs/types';

export type ExportReporter = (phase: string, rows: number, rowsTotal: number, bytes: number, force?: boolean) => void;

export function createExportReporter(ctx: JobContext): ExportReporter {
  const started = Date.now();
  let last = 0;
  let lastPhase = '';
  return (phase, rows, rowsTotal, bytes, force = false) => {
    const now = Date.now();
    if (!force && phase === lastPhase && now - last < 250) return;
    last = now;
    lastPhase = phase;
    const seconds = (now - started) / 1000;
    const rate = seconds > 0 ? rows / seconds : 0;
    const bytesTotal = rows > 0 ? Math.max(bytes, Math.round((bytes / rows) * rowsTotal)) : 0;
    ctx.progress({
      phase,
      bytesDone: bytes,
      bytesTotal,
      rows,
      badRows: 0,
      rowsPerSecond: Math.round(rate),
      etaSeconds: rate > 0 && rowsTotal > rows ? Math.round((rowsTotal - rows) / rate) : null,
    });
  };
}
