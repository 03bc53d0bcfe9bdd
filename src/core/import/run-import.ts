// The import loop: built prompt batches arrive (produce.ts reads, parses and builds them) and are written
// in transactions of ROWS_PER_TRANSACTION rows into a dataset that stays invisible ('importing')
// until the last transaction marks it ready. Any throw leaves the rollback (delete the importing dataset;
// prompts cascade) to the job runner.
import path from 'node:path';
import type { BadRecordPolicy, FieldMapping, PromptFileFormat } from '../../shared/domain';
import { CuratorError } from '../../shared/errors';
import { createImportingDataset, markDatasetReady } from '../datasets';
import type { Fingerprint } from '../io/fingerprint';
import { throwIfCancelled } from '../jobs/cancel';
import type { JobContext } from '../jobs/types';
import type { PromptRecord } from '../prompts/write';
import { createPromptWriter } from '../prompts/write';
import { fileSize } from '../io/files';
import { NON_FINITE_WARNING } from './preview';
import type { BadRecord, ProducedBatch } from './produce';
import { producePromptBatches } from './produce';
import { createProgressReporter } from './progress';
import type { ReaderOptions } from './types';

export interface ImportRequest {
  path: string;
  format: PromptFileFormat;
  mapping: FieldMapping;
  datasetName: string;
  onBadRecord: BadRecordPolicy;
  source?: Fingerprint | null;
}

/** A reader error that ends the import (broken CSV quoting, a truncated JSON array) also goes to the job's issues. */
async function* reportingFatalErrors(
  batches: AsyncGenerator<ProducedBatch>,
  file: string,
  ctx: JobContext,
): AsyncGenerator<ProducedBatch> {
  try {
    yield* batches;
  } catch (err) {
    const line = err instanceof CuratorError ? (err.details as { line?: unknown } | undefined)?.line : undefined;
    if (typeof line === 'number')
      ctx.issue({ file, line, field: null, message: (err as Error).message, excerpt: null });
    throw err;
  }
}

/**
 * Rows per write transaction. Each commit rewrites the pages of the question-hash index that its rows touched,
 * and with random keys that is nearly the whole index: SQLite alone wrote 1M rows at 63k rows/s in 5k-row
 * transactions and at 147k rows/s in 50k-row ones (measured, same machine). The rows wait in memory until their
 * transaction (~1.5 KB of heap each): 16k rows kept a 1M-row import at ~280 MB peak RSS (20k: ~297 MB, 32k:
 * ~330 MB; the budget is 300) and hold the write lock ~0.15 s at a time.
 *
 * Building the rows on a second core was tried too: ~20% more rows/s but ~100 MB more RSS (a second V8 heap and
 * the structured clones), and the SQLite writes stay the bottleneck either way.
 */
export const ROWS_PER_TRANSACTION = 16_000;

export async function runPromptImport(
  request: ImportRequest,
  ctx: JobContext,
  readerOptions: ReaderOptions = {},
): Promise<Record<string, unknown>> {
  const { db } = ctx;
  const file = request.path;
  const fileName = path.basename(file);
  const started = Date.now();
  const bytesTotal = await fileSize(file);
  const datasetId = createImportingDataset(db, {
    name: request.datasetName,
    sourcePath: file,
    sourceFormat: request.format,
    mapping: request.mapping,
    jobId: ctx.jobId,
    source: request.source ?? null,
  });
  const write = createPromptWriter(db);
  // IMMEDIATE: take the write lock at BEGIN, waiting (busy timeout) for the runner's progress writes. A
  // deferred transaction that reads first and writes later fails at once with "database is locked"
  // (SQLITE_BUSY_SNAPSHOT) when another connection committed in between.
  const writeChunk = db.transaction((records: PromptRecord[]) => write(datasetId, records)).immediate;
  const report = createProgressReporter(bytesTotal, ctx.progress);
  const batches = producePromptBatches({ path: file, format: request.format, mapping: request.mapping }, readerOptions);
  let pending: PromptRecord[] = [];
  let rows = 0;
  let badRows = 0;
  let duplicates = 0;
  let nonFiniteRecords = 0;

  const badRecord = (bad: BadRecord): void => {
    badRows++;
    const { line, field, error } = bad;
    ctx.issue({ file, line, field, message: error.message, excerpt: error.excerpt });
    if (request.onBadRecord === 'abort') {
      const where = `${fileName}: line ${line}${field ? ` (${field})` : ''}`;
      throw new CuratorError(
        error.code,
        `${where}: ${error.message}. Nothing was imported; fix the file or choose to skip bad records.`,
        { file, line, field },
      );
    }
  };

  for await (const batch of reportingFatalErrors(batches, file, ctx)) {
    for (const note of batch.notes)
      ctx.issue({ file, line: note.line, field: note.field, message: note.message, excerpt: null });
    for (const bad of batch.bad) badRecord(bad);
    throwIfCancelled(ctx.signal);
    for (const record of batch.records) pending.push(record);
    rows += batch.records.length;
    duplicates += batch.duplicates;
    nonFiniteRecords += batch.nonFinite;
    if (pending.length >= ROWS_PER_TRANSACTION) {
      writeChunk(pending);
      pending = [];
      // A commit is worth reporting whatever the time since the last report: its rows are now on disk.
      report('Importing prompts', { bytesDone: batch.bytesDone, rows, badRows }, true);
      // The import holds the write lock most of the time; a label saved meanwhile goes in now.
      await ctx.giveWay();
      continue;
    }
    report('Importing prompts', { bytesDone: batch.bytesDone, rows, badRows });
  }

  if (rows === 0) {
    if (badRows > 0)
      throw new CuratorError(
        'PARSE_ERROR',
        `${fileName}: none of its ${badRows} records could be imported (see the issues).`,
        { file },
      );
    throw new CuratorError('EMPTY_FILE', `${fileName} contains no records.`, { file });
  }
  throwIfCancelled(ctx.signal);
  // The last rows and the switch to 'ready' commit together: the dataset appears complete or not at all.
  const datasetName = db
    .transaction(() => {
      write(datasetId, pending);
      return markDatasetReady(db, datasetId, { prompts: rows, duplicates });
    })
    .immediate();
  report('Done', { bytesDone: bytesTotal, rows, badRows }, true);

  const seconds = (Date.now() - started) / 1000;
  const warnings = nonFiniteRecords > 0 ? [`${NON_FINITE_WARNING} (${nonFiniteRecords} records)`] : [];
  return {
    datasetId,
    datasetName,
    format: request.format,
    prompts: rows,
    duplicates,
    badRecords: badRows,
    warnings,
    seconds,
    rowsPerSecond: seconds > 0 ? Math.round(rows / seconds) : rows,
  };
}
