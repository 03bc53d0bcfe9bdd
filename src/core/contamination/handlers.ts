// Contract handlers for contamination checks; spread into the core's handler map (../handlers.ts). Findings are
// written only by the check job; the runner announces data.changed when it ends.
import { setDatasetRole } from '../datasets';
import type { Handlers } from '../handlers';
import type { CoreState } from '../state';
import { CONTAMINATION_JOB_KIND } from './check-job';
import { contaminationFacets } from './facets';
import { listChecks, promptContamination } from './queries';
import { resolveScope } from './scope';

export type ContaminationMethods =
  | 'datasets.setRole'
  | 'contamination.start'
  | 'contamination.forPrompt'
  | 'contamination.facets'
  | 'contamination.checks';

export function contaminationHandlers(state: CoreState): Pick<Handlers, ContaminationMethods> {
  const { db, jobs } = state;
  return {
    'datasets.setRole': ({ id, role }) => {
      const dataset = setDatasetRole(db, id, role);
      state.emit('data.changed', { scope: 'datasets' });
      return dataset;
    },
    'contamination.start': (input) => {
      // Fails fast (no benchmark, unknown dataset) before a job exists.
      const scope = resolveScope(db, input);
      const title = `Contamination: ${scope.targets.map((t) => t.name).join(', ')} vs ${scope.benchmarks
        .map((b) => b.name)
        .join(', ')}`;
      return { jobId: jobs.start(CONTAMINATION_JOB_KIND, title, input).id };
    },
    'contamination.forPrompt': ({ promptId }) => promptContamination(db, promptId),
    'contamination.facets': ({ filter }) => contaminationFacets(db, filter),
    'contamination.checks': ({ limit }) => listChecks(db, limit),
  };
}
