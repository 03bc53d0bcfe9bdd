// Export job (kind 'export.prompts'): runs off the UI thread through the JobRunner, cancellable. Rollback
// removes its temporary files and, if it got as far as recording the export, the record and any file it
// had already renamed into place (recognised by the checksum in the record).
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { ExportRequest } from '../../shared/exports';
import type { Db } from '../db/open';
import type { JobDefinition } from '../jobs/types';
import { removeTempFiles } from './atomic-file';
import { deleteExportRecord, exportByJob } from './history';
import type { ExportJobParams } from './run-export';
import { runExport } from './run-export';

export const EXPORT_JOB_KIND = 'export.prompts';

function sha256Of(file: string): string | null {
  try {
    return createHash('sha256').update(fs.readFileSync(file)).digest('hex');
  } catch {
    return null;
  }
}

export const exportJob: JobDefinition<ExportJobParams> = {
  kind: EXPORT_JOB_KIND,
  async run(params, ctx) {
    return runExport({ request: ExportRequest.parse(params.request), appVersion: params.appVersion }, ctx);
  },
  rollback(db: Db, jobId: number, params: ExportJobParams) {
    const outDir = params.request.outDir ? path.resolve(params.request.outDir) : null;
    if (outDir) removeTempFiles(outDir, jobId);
    const record = exportByJob(db, jobId);
    if (!record) return;
    for (const file of record.manifest.files) {
      const target = path.join(record.outDir, file.name);
      if (sha256Of(target) === file.sha256) fs.rmSync(target, { force: true });
    }
    // The manifest is ours if it names this export's files and checksums.
    const manifestPath = path.join(record.outDir, record.manifestFile);
    try {
      const onDisk = JSON.parse(fs.readFileSync(manifestPath, 'utf8')) as { files?: { sha256?: string }[] };
      if (
        JSON.stringify(onDisk.files?.map((f) => f.sha256)) ===
        JSON.stringify(record.manifest.files.map((f) => f.sha256))
      )
        fs.rmSync(manifestPath, { force: true });
    } catch {
      // Not there (never renamed) or not ours.
    }
    deleteExportRecord(db, record.id);
  },
};
