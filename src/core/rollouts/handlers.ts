// Contract handlers for rollout logs; spread into the core's handler map (../handlers.ts).
import path from 'node:path';
import type { Handlers } from '../handlers';
import type { CoreState } from '../state';
import { detectAdapter } from './adapters/index';
import { checkImportParams, ROLLOUT_IMPORT_KIND } from './import/import-job';
import type { RolloutImportParams } from './import/import-job';
import { promptRolloutStats } from './queries/prompt-stats';
import { getRollout, listRollouts } from './queries/rollouts';
import { listRuns, unmatchedPrompts } from './queries/runs';
import { resolveSources } from './sources';
import { refuseRolloutReimport } from './store/reimport';
import { fingerprintFile } from '../io/fingerprint';

export type RolloutMethods =
  'import.rollouts' | 'runs.list' | 'runs.unmatchedPrompts' | 'rollouts.list' | 'rollouts.get' | 'prompts.stats';

export function rolloutHandlers(state: CoreState): Pick<Handlers, RolloutMethods> {
  const { db, jobs } = state;
  return {
    'import.rollouts': async (input) => {
      const target = path.resolve(input.path);
      // Fail fast, before a job exists, on a missing path or an unrecognisable first file.
      const { files } = resolveSources(target);
      await detectAdapter((files[0] as { path: string }).path, input.format);
      if (!input.again) {
        const fingerprints = await Promise.all(files.map((f) => fingerprintFile(f.path)));
        refuseRolloutReimport(db, path.basename(target), fingerprints);
      }
      const params: RolloutImportParams = {
        path: target,
        format: input.format ?? null,
        runName: input.runName ?? null,
        groupSize: input.groupSize ?? null,
        onBadRecord: input.onBadRecord,
        restart: input.restart,
      };
      checkImportParams(params);
      return { jobId: jobs.start(ROLLOUT_IMPORT_KIND, `Import rollouts ${path.basename(target)}`, params).id };
    },
    'runs.list': () => listRuns(db),
    'runs.unmatchedPrompts': ({ runId, offset, limit }) => unmatchedPrompts(db, runId, offset, limit),
    'rollouts.list': ({ offset, limit, ...filter }) => listRollouts(db, filter, offset, limit),
    'rollouts.get': ({ id }) => getRollout(db, id),
    'prompts.stats': ({ promptId }) => promptRolloutStats(db, promptId),
  };
}
