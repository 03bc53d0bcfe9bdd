// Helpers for the export tests (not used by the app): run an export job, read its manifest and files.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { asyncBufferFromFile, parquetMetadataAsync, parquetReadObjects } from 'hyparquet';
import type { Job } from '../../shared/domain';
import type { ExportManifest, ExportRequestInput } from '../../shared/exports';
import type { Core } from '../index';
import { unwrap } from '../curation/curation-test-kit';

export async function exportTo(
  core: Core,
  request: ExportRequestInput,
): Promise<{ job: Job; manifest: ExportManifest }> {
  const { jobId } = unwrap(await core.invoke('exports.start', request));
  const job = await core.waitForJob(jobId);
  if (job.status !== 'done') throw new Error(`export ${job.status}: ${job.error?.code} ${job.error?.message}`);
  const manifestName = String(job.result?.manifest);
  return {
    job,
    manifest: JSON.parse(fs.readFileSync(path.join(request.outDir, manifestName), 'utf8')) as ExportManifest,
  };
}

export function sha256File(file: string): string {
  return createHash('sha256').update(fs.readFileSync(file)).digest('hex');
}

export function jsonlRows<T = Record<string, unknown>>(file: string): T[] {
  return fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l !== '')
    .map((l) => JSON.parse(l) as T);
}

export async function parquetRows(file: string): Promise<Record<string, unknown>[]> {
  const buffer = await asyncBufferFromFile(file);
  return parquetReadObjects({ file: buffer });
}

export async function parquetRowCount(file: string): Promise<number> {
  return Number((await parquetMetadataAsync(await asyncBufferFromFile(file))).num_rows);
}

/** Files in a folder, hidden temporary ones included. */
export function listDir(dir: string): string[] {
  return fs.existsSync(dir) ? fs.readdirSync(dir).sort() : [];
}
