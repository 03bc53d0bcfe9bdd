// The export job's work: stream the chosen rows into one temporary file per split, write the manifest,
// record the export, then rename everything into place. Exports with splits or a per-source cap first
// choose their rows (select.ts, pass 1) and then read them back (pass 2); others read once. Both passes
// see one snapshot (a read transaction). Large single-pass text exports read on two threads, on that
// same snapshot (parallel-pass.ts). Any failure or cancel removes what was written (job.ts).
import fs from 'node:fs';
import type { ExportRequest } from '../../shared/exports';
import { CuratorError } from '../../shared/errors';
import type { JobContext } from '../jobs/types';
import { AtomicFile } from './atomic-file';
import { uint32Column } from '../util/columns';
import { ExportTally } from './counts';
import { deleteExportRecord, insertExportRecord } from './history';
import { buildManifest } from './manifest';
import { parallelPass } from './parallel-pass';
import { createExportReporter } from './progress';
import { beginRead, defaultReadHelperOptions, readsInParallel } from './read-helper';
import type { ReadHelper, ReadHelperOptions } from './read-helper';
import { resolveExport } from './request';
import type { ResolvedExport } from './request';
import type { ExportRow } from './rows';
import { createRangeReader } from './read-range';
import { CHUNK_ROWS, createSelectionReader } from './rows';
import type { Selection } from './select';
import { selectPrompts, sieveCounts } from './select';
import type { Streaming } from './streaming';
import { throwIfCancelled } from '../jobs/cancel';
import { bytesOf, yieldToEvents } from './streaming';
import { createWriterFactory } from './writers';

export interface ExportJobParams {
  request: ExportRequest;
  appVersion: string;
}

/** CONFLICT if a target file exists and overwriting was not asked for. */
export function checkTargets(ex: ResolvedExport): void {
  if (ex.request.overwrite) return;
  const names = [...ex.files.map((f) => f.name), ex.manifestName];
  const existing = names.filter((n) => fs.existsSync(`${ex.outDir}/${n}`));
  if (existing.length > 0) {
    throw new CuratorError(
      'CONFLICT',
      `${ex.outDir} already holds ${existing.join(', ')}. Choose another folder or allow overwriting.`,
      { outDir: ex.outDir, files: existing },
    );
  }
}

/**
 * From this many prompts on, text files are written and hashed on a second thread (a few ms to start
 * one). Parquet files are compressed to a fraction of the text, so there is too little to hand over.
 */
const WRITE_BEHIND_PROMPTS = 50_000;
const writesBehind = (ex: ResolvedExport, visible: number) =>
  visible >= WRITE_BEHIND_PROMPTS && ex.request.format !== 'parquet' && ex.request.format !== 'verl-parquet';

async function twoPasses(s: Streaming): Promise<Selection['counts']> {
  const sel = await selectPrompts(s.db, s.ex, async (rows) => {
    throwIfCancelled(s.signal);
    s.report('Selecting prompts', rows, 0, 0);
    await yieldToEvents();
  });
  const readChunk = createSelectionReader(s.db, s.ex, sel);
  const total = sel.ids.length;
  for (let start = 0; start < total; start += CHUNK_ROWS) {
    throwIfCancelled(s.signal);
    for (const row of readChunk(start, Math.min(total, start + CHUNK_ROWS))) s.emit(row);
    s.report('Writing', Math.min(total, start + CHUNK_ROWS), total, bytesOf(s.files));
    await yieldToEvents();
  }
  return sel.counts;
}

async function onePass(s: Streaming): Promise<Selection['counts']> {
  const reader = createRangeReader(s.db, s.ex);
  const { sieve } = reader;
  throwIfCancelled(s.signal);
  for (const _page of reader.readPages(0, Number.MAX_SAFE_INTEGER, s.emit)) {
    s.report('Writing', sieve.matched, Math.max(s.visible, sieve.matched), bytesOf(s.files));
    await yieldToEvents();
    throwIfCancelled(s.signal);
  }
  return sieveCounts(sieve);
}

/** `readHelper` is for tests: where the read helper's script is, and from what size it is used. */
export async function runExport(
  params: ExportJobParams,
  ctx: JobContext,
  readHelper: ReadHelperOptions = defaultReadHelperOptions(),
): Promise<Record<string, unknown>> {
  const { db, signal } = ctx;
  const started = Date.now();
  const ex = resolveExport(db, params.request);
  fs.mkdirSync(ex.outDir, { recursive: true });
  checkTargets(ex);
  const report = createExportReporter(ctx);
  const files: AtomicFile[] = [];
  const exportedIds = uint32Column();
  const tally = new ExportTally(ex.splits.map((sp) => sp.name));
  let counts: Selection['counts'];
  // Progress goes against every visible prompt, and big exports write behind and read on two threads.
  const visible = db
    .prepare(`SELECT coalesce(sum(prompt_count), 0) FROM datasets WHERE status = 'ready'`)
    .pluck()
    .get() as number;
  let helper: ReadHelper | null = null;
  try {
    helper = await beginRead(db, ex, readsInParallel(db, ex, visible, readHelper), readHelper);
    for (const f of ex.files)
      files.push(new AtomicFile(ex.outDir, f.name, ctx.jobId, { writeBehind: writesBehind(ex, visible) }));
    const writers = files.map(createWriterFactory(db, ex));
    const nextIndex = ex.splits.map(() => 0);
    const counted = (
      s: number,
      id: number,
      source: string | null,
      passRate: number | null,
      corrected: boolean,
      labelIds: readonly number[],
    ) => {
      nextIndex[s] = (nextIndex[s] as number) + 1;
      tally.add(ex.splits[s]?.name ?? null, source, passRate, corrected, labelIds);
      exportedIds.push(id);
    };
    const emit = (row: ExportRow) => {
      const s = row.split;
      if (!(writers[s] as (typeof writers)[number]).add(row, nextIndex[s] as number, ex.splits[s]?.name ?? null)) {
        tally.withoutCorrectRollout++;
        return;
      }
      counted(s, row.id, row.source, row.passRate, row.corrected, row.labelIds);
    };
    const streaming: Streaming = {
      db,
      ex,
      signal,
      report,
      files,
      visible,
      emit,
      flush: () => writers[0]?.flush?.(),
      counted: (id, source, passRate, corrected, labelIds) => counted(0, id, source, passRate, corrected, labelIds),
    };
    if (helper) counts = await parallelPass(streaming, helper, readHelper.blockIds);
    else
      counts =
        ex.splits.length > 1 || params.request.capPerSource !== undefined
          ? await twoPasses(streaming)
          : await onePass(streaming);
    throwIfCancelled(signal);
    for (const w of writers) w.finish();
    db.exec('COMMIT');
  } catch (err) {
    if (db.inTransaction) db.exec('ROLLBACK');
    for (const f of files) f.abort();
    throw err;
  } finally {
    await helper?.close();
  }

  const written = files.map((f, i) => ({
    ...f.close(),
    split: ex.files[i]?.split ?? null,
    rows: tally.perSplit[ex.splits[i]?.name ?? 'all'] ?? 0,
  }));
  const manifest = buildManifest({
    db,
    ex,
    appVersion: params.appVersion,
    counts: tally.counts(counts),
    labelPrompts: tally.labelPrompts,
    files: written,
  });
  const manifestFile = new AtomicFile(ex.outDir, ex.manifestName, ctx.jobId);
  manifestFile.write(Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`, 'utf8'));
  manifestFile.close();
  if (signal.aborted) {
    for (const f of [...files, manifestFile]) f.abort();
    throwIfCancelled(signal);
  }

  // Record first, then rename: a crash between the two is undone from the record (job.ts rollback).
  const exportId = insertExportRecord(db, {
    jobId: ctx.jobId,
    outDir: ex.outDir,
    request: params.request,
    manifest,
    manifestFile: ex.manifestName,
    promptIds: exportedIds.values,
  });
  const renamed: AtomicFile[] = [];
  try {
    for (const f of [...files, manifestFile]) {
      f.commit();
      renamed.push(f);
    }
  } catch (err) {
    for (const f of renamed) fs.rmSync(f.finalPath, { force: true });
    for (const f of [...files, manifestFile]) f.abort();
    deleteExportRecord(db, exportId);
    throw err;
  }
  const rows = manifest.counts.exported;
  report(
    'Done',
    rows,
    rows,
    written.reduce((b, f) => b + f.bytes, 0),
    true,
  );
  const seconds = (Date.now() - started) / 1000;
  return {
    exportId,
    outDir: ex.outDir,
    format: params.request.format,
    rows,
    files: written,
    manifest: ex.manifestName,
    seconds,
    rowsPerSecond: seconds > 0 ? Math.round(rows / seconds) : rows,
    readThreads: helper ? 2 : 1,
  };
}
