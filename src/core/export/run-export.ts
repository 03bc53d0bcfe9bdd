// The export job's work: select (pass 1), stream rows into one temporary file per split (pass 2), write
// the manifest, record the export, then rename everything into place. Both passes read one snapshot (a
// read transaction). Any failure or cancel removes what was written; see job.ts for the rollback.
import fs from 'node:fs';
import type { ExportRequest } from '../../shared/exports';
import { CuratorError } from '../../shared/errors';
import type { Db } from '../db/open';
import type { JobContext } from '../jobs/types';
import { AtomicFile } from './atomic-file';
import { ExportTally } from './counts';
import { deleteExportRecord, insertExportRecord } from './history';
import { buildManifest } from './manifest';
import { resolveExport } from './request';
import type { ResolvedExport } from './request';
import { CHUNK_ROWS, createRowReader } from './rows';
import { selectPrompts } from './select';
import { createWriterFactory } from './writers';

export interface ExportJobParams {
  request: ExportRequest;
  appVersion: string;
}

/** Same as throwIfCancelled in jobs/execute.ts, which this module cannot import (registry cycle). */
function throwIfCancelled(signal: AbortSignal): void {
  if (signal.aborted) throw new CuratorError('CANCELLED', 'Cancelled by the user; nothing was kept.');
}

/** Lets a cancel message (worker) or call (in-process) through between chunks. */
const yieldToEvents = () => new Promise<void>((resolve) => setImmediate(resolve));

/** CONFLICT if a target file exists and overwriting was not asked for. */
export function checkTargets(ex: ResolvedExport): void {
  if (ex.request.overwrite) return;
  const names = [...ex.files.map((f) => f.name), ex.manifestName];
  const existing = names.filter((n) => fs.existsSync(`${ex.outDir}/${n}`));
  if (existing.length > 0) {
    throw new CuratorError('CONFLICT', `${ex.outDir} already holds ${existing.join(', ')}. Choose another folder or allow overwriting.`, { outDir: ex.outDir, files: existing });
  }
}

function createReporter(ctx: JobContext) {
  const started = Date.now();
  let last = 0;
  let lastPhase = '';
  return (phase: string, rows: number, rowsTotal: number, bytes: number, force = false) => {
    const now = Date.now();
    // At most ~4 reports a second, but always the first of a phase.
    if (!force && phase === lastPhase && now - last < 250) return;
    last = now;
    lastPhase = phase;
    const seconds = (now - started) / 1000;
    const rate = seconds > 0 ? rows / seconds : 0;
    // Bytes are what was written; the total is extrapolated from the bytes per row so far.
    const bytesTotal = rows > 0 ? Math.max(bytes, Math.round((bytes / rows) * rowsTotal)) : 0;
    ctx.progress({ phase, bytesDone: bytes, bytesTotal, rows, badRows: 0, rowsPerSecond: Math.round(rate), etaSeconds: rate > 0 && rowsTotal > rows ? Math.round((rowsTotal - rows) / rate) : null });
  };
}

export async function runExport(params: ExportJobParams, ctx: JobContext): Promise<Record<string, unknown>> {
  const { db, signal } = ctx;
  const started = Date.now();
  const ex = resolveExport(db, params.request);
  fs.mkdirSync(ex.outDir, { recursive: true });
  checkTargets(ex);
  const report = createReporter(ctx);
  const files: AtomicFile[] = [];
  const exportedIds: number[] = [];
  const tally = new ExportTally(ex.splits.map((s) => s.name));
  let selection;
  db.exec('BEGIN');
  try {
    selection = await selectPrompts(db, ex, async (rows) => {
      throwIfCancelled(signal);
      report('Selecting prompts', rows, 0, 0);
      await yieldToEvents();
    });
    const sel = selection;
    const factory = createWriterFactory(db, ex);
    for (const f of ex.files) files.push(new AtomicFile(ex.outDir, f.name, ctx.jobId));
    const writers = files.map(factory);
    const nextIndex = ex.splits.map(() => 0);
    const readChunk = createRowReader(db, ex, sel);
    const total = sel.ids.length;
    const phase = `Writing ${ex.files.map((f) => f.name).join(', ')}`;
    for (let start = 0; start < total; start += CHUNK_ROWS) {
      throwIfCancelled(signal);
      for (const row of readChunk(start, Math.min(total, start + CHUNK_ROWS))) {
        const s = row.split;
        const split = ex.splits[s]?.name ?? null;
        if ((writers[s] as (typeof writers)[number]).add(row, nextIndex[s] as number, split)) {
          nextIndex[s] = (nextIndex[s] as number) + 1;
          tally.add(split, row.source, row.passRate, row.corrected, row.labelIds);
          exportedIds.push(row.id);
        } else tally.withoutCorrectRollout++;
      }
      report(phase, Math.min(total, start + CHUNK_ROWS), total, files.reduce((b, f) => b + f.size, 0));
      await yieldToEvents();
    }
    throwIfCancelled(signal);
    for (const w of writers) w.finish();
    db.exec('COMMIT');
  } catch (err) {
    if (db.inTransaction) db.exec('ROLLBACK');
    for (const f of files) f.abort();
    throw err;
  }

  const written = files.map((f, i) => ({ ...f.close(), split: ex.files[i]?.split ?? null, rows: nextIndexOf(tally, ex, i) }));
  const manifest = buildManifest({ db, ex, appVersion: params.appVersion, counts: tally.counts(selection), labelPrompts: tally.labelPrompts, files: written });
  const manifestFile = new AtomicFile(ex.outDir, ex.manifestName, ctx.jobId);
  manifestFile.write(Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`, 'utf8'));
  manifestFile.close();
  try {
    throwIfCancelled(signal);
  } catch (err) {
    for (const f of [...files, manifestFile]) f.abort();
    throw err;
  }

  // Record first, then rename: a crash between the two is undone from the record (job.ts rollback).
  const exportId = insertExportRecord(db, { jobId: ctx.jobId, outDir: ex.outDir, request: params.request, manifest, manifestFile: ex.manifestName, promptIds: exportedIds });
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
  report('Done', manifest.counts.exported, manifest.counts.exported, written.reduce((b, f) => b + f.bytes, 0), true);
  const seconds = (Date.now() - started) / 1000;
  return {
    exportId,
    outDir: ex.outDir,
    format: params.request.format,
    rows: manifest.counts.exported,
    files: written,
    manifest: ex.manifestName,
    seconds,
    rowsPerSecond: seconds > 0 ? Math.round(manifest.counts.exported / seconds) : manifest.counts.exported,
  };
}

function nextIndexOf(tally: ExportTally, ex: ResolvedExport, fileIndex: number): number {
  return tally.perSplit[ex.splits[fileIndex]?.name ?? 'all'] ?? 0;
}

/** Counts only (exports.preview): pass 1 and the tallies, no files. */
export async function previewExport(db: Db, request: ExportRequest) {
  const ex = resolveExport(db, request, '');
  const tally = new ExportTally(ex.splits.map((s) => s.name));
  const sel = await selectPrompts(db, ex, () => Promise.resolve());
  const corrected = new Set(db.prepare(`SELECT prompt_id FROM gold_corrections`).pluck().all() as number[]);
  const labels = new Map<number, number[]>();
  for (const { prompt_id, label_id } of db.prepare(`SELECT DISTINCT prompt_id, label_id FROM prompt_labels`).all() as { prompt_id: number; label_id: number }[]) {
    const list = labels.get(prompt_id);
    if (list) list.push(label_id);
    else labels.set(prompt_id, [label_id]);
  }
  sel.ids.forEach((id, i) => {
    const rate = sel.passRate[i] as number;
    tally.add(ex.splits[sel.split[i] as number]?.name ?? null, sel.sources[sel.sourceIndex[i] as number] ?? null, Number.isNaN(rate) ? null : rate, request.useCorrectedGold && corrected.has(id), labels.get(id) ?? []);
  });
  return tally.counts(sel);
}
