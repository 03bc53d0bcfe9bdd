// Prompt-set import job (kind 'import.prompts') and import.preview. The work lives in run-import.ts
// (the loop), preview.ts, mapping.ts, record.ts and one reader per format; this file is the job's face.
import { z } from 'zod';
import { BadRecordPolicy, FieldMapping, PromptFileFormat } from '../../shared/domain';
import type { ImportPreview } from '../../shared/domain';
import type { Db } from '../db/open';
import type { JobDefinition } from '../jobs/types';
import { previewFile } from './preview';
import { runPromptImport } from './run-import';

export const PromptImportParams = z.object({
  path: z.string(),
  format: PromptFileFormat,
  mapping: FieldMapping,
  datasetName: z.string(),
  onBadRecord: BadRecordPolicy,
  /** The file's size and content hash when the import started (to recognise a re-import later). */
  source: z.object({ size: z.number(), hash: z.string() }).nullable().default(null),
});
// As given to jobs.start (source may be left out); the job parses it into the full shape.
export type PromptImportParams = z.input<typeof PromptImportParams>;

export async function previewPromptFile(
  path: string,
  format?: PromptFileFormat,
  mapping?: FieldMapping,
): Promise<ImportPreview> {
  return previewFile(path, format, mapping);
}

export const promptImportJob: JobDefinition<PromptImportParams> = {
  kind: 'import.prompts',
  async run(params, ctx) {
    return runPromptImport(PromptImportParams.parse(params), ctx);
  },
  // Idempotent: a second call finds nothing to delete. Prompts (and their FTS rows) go with the dataset.
  rollback(db: Db, jobId: number) {
    db.prepare(`DELETE FROM datasets WHERE job_id = ? AND status = 'importing'`).run(jobId);
  },
};
