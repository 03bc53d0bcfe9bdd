// What the export's reading passes (run-export.ts, parallel-pass.ts) share: where rows go, progress,
// and the yield between chunks.
import type { Db } from '../db/open';
import type { AtomicFile } from './atomic-file';
import type { ExportReporter } from './progress';
import type { ResolvedExport } from './request';
import type { ExportRow } from './rows';

export interface Streaming {
  db: Db;
  ex: ResolvedExport;
  signal: AbortSignal;
  report: ExportReporter;
  files: AtomicFile[];
  /** Prompts in ready datasets: an upper bound of what the filter matches, known for free. */
  visible: number;
  /** Writes one row (or counts it as skipped when the format has nothing to write for it). */
  emit(row: ExportRow): void;
  /** Writes out what the (single) file's writer buffers, so bytes formatted elsewhere can follow. */
  flush(): void;
  /** Counts a row of the (single) file that was formatted elsewhere, as emit() counts what it writes. */
  counted(
    id: number,
    source: string | null,
    passRate: number | null,
    corrected: boolean,
    labelIds: readonly number[],
  ): void;
}

/** Lets a cancel message (worker) or call (in-process) through between chunks. */
export const yieldToEvents = () => new Promise<void>((resolve) => setImmediate(resolve));

export const bytesOf = (files: AtomicFile[]) => files.reduce((b, f) => b + f.size, 0);
