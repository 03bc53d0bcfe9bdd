// Every job kind the runner knows. A job module registers here; the worker entry and the in-process
// runner both resolve kinds through this map.
import { demoJob } from '../demo/demo-job';
import { promptImportJob } from '../import/prompt-import-job';
import { rolloutImportJob } from '../rollouts/import/import-job';
import { exportJob } from '../export/job';
import { verifyJob } from '../verification/verify-job';
import { searchIndexJob } from '../prompts/search-index-job';
import { contaminationJob } from '../contamination/check-job';
import type { JobDefinition } from './types';

const definitions: JobDefinition<never>[] = [
  promptImportJob,
  demoJob,
  rolloutImportJob,
  exportJob,
  verifyJob,
  searchIndexJob,
  contaminationJob,
];

export function jobDefinition(kind: string): JobDefinition<unknown> {
  const def = definitions.find((d) => d.kind === kind);
  if (!def) throw new Error(`jobs: unknown job kind ${kind}`);
  return def as JobDefinition<unknown>;
}
