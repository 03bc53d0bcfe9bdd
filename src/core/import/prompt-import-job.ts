// Prompt-set import job. (Being implemented: streamed readers, mapping detection, atomic datasets.)
import { z } from 'zod';
import { BadRecordPolicy, FieldMapping, PromptFileFormat } from '../../shared/domain';
import type { ImportPreview } from '../../shared/domain';
import { CuratorError } from '../../shared/errors';
import type { Db } from '../db/open';
import type { JobDefinition } from '../jobs/types';

export const PromptImportParams = z.object({
  path: z.string(),
  format: PromptFileFormat,
  mapping: FieldMapping,
  datasetName: z.string(),
  onBadRecord: BadRecordPolicy,
});
export type PromptImportParams = z.infer<typeof PromptImportParams>;

export async function previewPromptFile(_path: string, _format?: PromptFileFormat, _mapping?: FieldMapping): Promise<ImportPreview> {
  throw new CuratorError('INTERNAL', 'import.preview is not implemented yet');
}

export const promptImportJob: JobDefinition<PromptImportParams> = {
  kind: 'import.prompts',
  async run() {
    throw new CuratorError('INTERNAL', 'import.prompts is not implemented yet');
  },
  rollback(db: Db, jobId: number) {
    db.prepare(`DELETE FROM datasets WHERE job_id = ? AND status = 'importing'`).run(jobId);
  },
};
