// The import loop: read batches, build prompt rows, write them in ~5k-row transactions into a dataset
// that stays invisible ('importing') until the last transaction marks it ready. Any throw leaves the
// rollback (delete the importing dataset; prompts cascade) to the job runner.
import path from 'node:path';
import type { BadRecordPolicy, FieldMapping, PromptFileFormat } from '../../shared/domain';
import { CuratorError } from '../../shared/errors';
import { createImportingDataset, markDatasetReady } from '../datasets';
import type { JobContext } from '../jobs/types';
import type { PromptRecord } from '../prompts/write';
import { createPromptWriter } from '../prompts/write';
import { fileSize } from './file-chunks';
import { NON_FINITE_WARNING } from './preview';
import { createProgressReporter } from './progress';
import { QuestionHashSet } from './question-hash-set';
import { openReader } from './readers';
import type { FieldNote } from './record';
import { createRecordBuilder } from './record';
import type { ItemError, ReaderOptions, SourceReader } from './types';
import { excerpt } from './types';
import { throwIfCancelled } from '../jobs/cancel';

export interface ImportRequest {
  path: string;
  format: PromptFileFormat;
  mapping: FieldMapping;
  datasetName: string;
  onBadRecord: BadRecordPolicy;
}

/** A reader error that ends the import (broken CSV quoting, a truncated JSON array) also goes to the job's issues. */
async function* reportingFatalErrors(reader: SourceReader, file: string, ctx: JobContext): SourceReader {
  try {
    yield* reader;
  } catch (err) {
    const line = err instanceof CuratorError ? (err.details as { line?: unknown } | undefined)?.line : undefined;
    if (typeof line === 'number') ctx.issue({ file, line, field: null, message: (err as Error).message, excerpt: null });
    throw err;
  }
}

/** Rows per write transaction: long enough to amortise the commit, short enough to keep the write lock brief. */
export const ROWS_PER_TRANSACTION = 5000;

export async function runPromptImport(request: ImportRequest, ctx: JobContext, readerOptions: ReaderOptions = {}): Promise<Record<string, unknown>> {
  const { db } = ctx;
  const file = request.path;
  const fileName = path.basename(file);
  const started = Date.now();
  const bytesTotal = await fileSize(file);
  const reader = openReader(request.format, file, readerOptions);
  const datasetId = createImportingDataset(db, { name: request.datasetName, sourcePath: file, sourceFormat: request.format, mapping: request.mapping, jobId: ctx.jobId });
  const write = createPromptWriter(db);
  // IMMEDIATE: take the write lock at BEGIN, waiting (busy timeout) for the runner's progress writes. A
  // deferred transaction that reads first and writes later fails at once with "database is locked"
  // (SQLITE_BUSY_SNAPSHOT) when another connection committed in between.
  const writeChunk = db.transaction((records: PromptRecord[]) => write(datasetId, records)).immediate;
  const build = createRecordBuilder(request.mapping);
  const seen = new QuestionHashSet();
  const report = createProgressReporter(bytesTotal, ctx.progress);
  const notes: FieldNote[] = [];
  let pending: PromptRecord[] = [];
  let records = 0;
  let rows = 0;
  let badRows = 0;
  let duplicates = 0;
  let nonFiniteRecords = 0;

  const badRecord = (line: number, field: string | null, error: ItemError): void => {
    badRows++;
    ctx.issue({ file, line, field, message: error.message, excerpt: error.excerpt });
    if (request.onBadRecord === 'abort') {
      throw new CuratorError(error.code, `${fileName}: line ${line}${field ? ` (${field})` : ''}: ${error.message}. Nothing was imported; fix the file or choose to skip bad records.`, { file, line, field });
    }
  };

  for await (const batch of reportingFatalErrors(reader, file, ctx)) {
    for (const item of batch.items) {
      const rowIndex = records++;
      if (item.value === null) {
        badRecord(item.line, null, item.error ?? { code: 'PARSE_ERROR', message: 'unreadable record', excerpt: null });
        continue;
      }
      const built = build(item as typeof item & { value: Record<string, unknown> }, rowIndex, notes);
      if (notes.length > 0) {
        for (const note of notes) ctx.issue({ file, line: item.line, field: note.field, message: note.message, excerpt: null });
        notes.length = 0;
      }
      if (built.problem) {
        badRecord(item.line, built.problem.field, { code: 'PARSE_ERROR', message: built.problem.message, excerpt: excerpt(item.raw ?? JSON.stringify(item.value)) });
        continue;
      }
      if (item.nonFinite) nonFiniteRecords++;
      const record = built.record;
      if (!seen.add(record.questionHash)) {
        record.isDuplicate = true;
        duplicates++;
      }
      pending.push(record);
      rows++;
      if (pending.length >= ROWS_PER_TRANSACTION) {
        throwIfCancelled(ctx.signal);
        writeChunk(pending);
        pending = [];
      }
    }
    throwIfCancelled(ctx.signal);
    report('Importing prompts', { bytesDone: batch.bytesDone, rows, badRows });
  }

  if (rows === 0) {
    if (badRows > 0) throw new CuratorError('PARSE_ERROR', `${fileName}: none of its ${badRows} records could be imported (see the issues).`, { file });
    throw new CuratorError('EMPTY_FILE', `${fileName} contains no records.`, { file });
  }
  throwIfCancelled(ctx.signal);
  // The last rows and the switch to 'ready' commit together: the dataset appears complete or not at all.
  const datasetName = db.transaction(() => {
    write(datasetId, pending);
    return markDatasetReady(db, datasetId, { prompts: rows, duplicates });
  }).immediate();
  report('Done', { bytesDone: bytesTotal, rows, badRows }, true);

  const seconds = (Date.now() - started) / 1000;
  const warnings = nonFiniteRecords > 0 ? [`${NON_FINITE_WARNING} (${nonFiniteRecords} records)`] : [];
  return { datasetId, datasetName, format: request.format, prompts: rows, duplicates, badRecords: badRows, warnings, seconds, rowsPerSecond: seconds > 0 ? Math.round(rows / seconds) : rows };
}
