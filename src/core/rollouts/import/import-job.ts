// The rollout import job: a file or a folder of step files into runs, steps, prompts and rollouts.
// Chunked transactions carry the resume point; the runs become visible only in the last transaction.
// Failure or cancel removes everything it wrote; a killed process leaves the import parked (invisible)
// and running the same import again resumes it (rollback() below is what the runner calls on a crash).
import os from 'node:os';
import path from 'node:path';
import { z } from 'zod';
import { BadRecordPolicy } from '../../../shared/domain';
import { CuratorError } from '../../../shared/errors';
import type { Db } from '../../db/open';
import type { JobDefinition } from '../../jobs/types';
import { detectAdapter } from '../adapters/index';
import type { RolloutAdapter } from '../record';
import { findParseWorkerScript } from '../native/parallel';
import { defaultRunName, resolveSources } from '../sources';
import { fingerprintFile } from '../../io/fingerprint';
import { finishImport, openImport, parkImportsOfJob, purgeImport } from '../store/imports';
import { createChunkWriter } from '../store/writer';
import { ChunkSink } from './chunk-sink';
import { readSources } from './read-sources';

export const ROLLOUT_IMPORT_KIND = 'import.rollouts';
const IMPORT_CACHE_KIB = 16 * 1024;

export const RolloutImportParams = z.object({
  path: z.string(),
  /** Adapter name; null detects it per file. */
  format: z.string().nullable(),
  runName: z.string().nullable(),
  groupSize: z.number().int().positive().nullable(),
  onBadRecord: BadRecordPolicy,
  /** Discard a parked partial import of the same source instead of resuming it. */
  restart: z.boolean(),
});
export type RolloutImportParams = z.infer<typeof RolloutImportParams>;

/**
 * Parse workers: two wherever there are two cores, one on a single core; RL_CURATOR_PARSE_WORKERS overrides (0
 * parses in the job thread). The job thread mostly waits (SQLite writes of a few large rows), so it does not need a
 * core of its own: on 2 cores, 2 workers imported the 941 MB bench file in 5.3 s against 7.0 s with 1. A third
 * worker gained nothing there and cost ~80 MB of RSS (more blocks in flight).
 */
export function parseWorkerCount(): number {
  const forced = Number(process.env.RL_CURATOR_PARSE_WORKERS);
  if (Number.isInteger(forced) && forced >= 0) return forced;
  return Math.min(2, os.availableParallelism());
}

async function adaptersFor(files: { path: string }[], format: string | null): Promise<RolloutAdapter[]> {
  const out: RolloutAdapter[] = [];
  for (const f of files) out.push(await detectAdapter(f.path, format ?? undefined));
  return out;
}

export const rolloutImportJob: JobDefinition<RolloutImportParams> = {
  kind: ROLLOUT_IMPORT_KIND,
  async run(params, ctx) {
    // This connection is the job's own. A bulk write gains nothing from a big page cache (rows are
    // written once, in order), and the import must stay within its memory budget.
    ctx.db.pragma(`cache_size = -${IMPORT_CACHE_KIB}`);
    const target = path.resolve(params.path);
    const { files } = resolveSources(target);
    for (const file of files) file.content = (await fingerprintFile(file.path)).hash;
    const adapters = await adaptersFor(files, params.format);
    const format = [...new Set(adapters.map((a) => a.name))].join('+');
    const { record, stale } = openImport(ctx.db, ctx.jobId, {
      sourcePath: target,
      format,
      sources: files,
      options: { runName: params.runName, groupSize: params.groupSize, onBadRecord: params.onBadRecord },
      restart: params.restart,
    });
    for (const id of stale) purgeImport(ctx.db, id);
    const bytesTotal = files.reduce((a, f) => a + f.size, 0);
    const bytesBefore = files.slice(0, record.fileIndex).reduce((a, f) => a + f.size, 0) + record.committedOffset;
    const write = createChunkWriter(ctx.db, {
      importId: record.id,
      jobId: ctx.jobId,
      runName: params.runName,
      defaultRunName: defaultRunName(target),
      sourcePath: target,
      sourceFormat: format,
    });
    const sink = new ChunkSink(write, ctx, {
      policy: params.onBadRecord,
      bytesTotal,
      rowsBefore: record.rowsOk,
      badBefore: record.rowsBad,
      bytesBefore,
    });
    sink.report(bytesBefore, record.resumed ? 'Resuming rollout import' : 'Importing rollouts');
    try {
      await readSources(
        {
          files,
          adapters,
          resume: { fileIndex: record.fileIndex, line: record.committedLine, offset: record.committedOffset },
          groupSize: params.groupSize,
          parse: { workerScript: findParseWorkerScript(), workers: parseWorkerCount() },
          signal: ctx.signal,
        },
        sink,
      );
      const runs = finishImport(ctx.db, record.id);
      const totals = sink.totals;
      return {
        importId: record.id,
        runs,
        rollouts: totals.rows,
        badRows: totals.bad,
        format,
        files: files.length,
        resumedFromLine: record.resumed ? record.committedLine : null,
        resumedFromFile: record.resumed ? record.fileIndex : null,
        unmatchedPrompts: countUnmatched(
          ctx.db,
          runs.map((r) => r.id),
        ),
      };
    } catch (err) {
      // Failed or cancelled: nothing is kept. (A chunk refused because another job took the import over
      // must not delete that job's rows.)
      if (!(err instanceof Error && /no longer owned/.test(err.message))) purgeImport(ctx.db, record.id);
      throw err;
    }
  },
  interruptedMessage:
    'Its committed rollouts are kept, invisible: run the same import again to resume it, or ' +
    'with --restart to start over.',
  rollback(db: Db, jobId: number) {
    // Reached when the job's thread or process died mid-import (failures and cancels purge in run()):
    // keep the committed chunks, invisible, for a resume.
    parkImportsOfJob(db, jobId);
  },
};

export function countUnmatched(db: Db, runIds: number[]): number {
  if (runIds.length === 0) return 0;
  const row = db
    .prepare(
      `SELECT count(*) AS n FROM run_prompts rp WHERE rp.run_id IN (${runIds.map(() => '?').join(',')})
         AND NOT EXISTS (SELECT 1 FROM prompts p JOIN datasets d ON d.id = p.dataset_id WHERE ` +
        `d.status = 'ready' AND p.question_hash = rp.question_hash)`,
    )
    .get(...runIds) as { n: number };
  return row.n;
}

export function checkImportParams(params: RolloutImportParams): void {
  if (params.runName !== null && params.runName.trim() === '')
    throw new CuratorError('INVALID_INPUT', 'The run name must not be empty.');
}
