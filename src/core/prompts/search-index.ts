// Starts index.search jobs for visible datasets that have no search index yet (after an import, or when
// a crash interrupted indexing), one job per dataset at a time.
import type { Db } from '../db/open';
import type { JobRunner } from '../jobs/runner';
import { datasetsNeedingSearchIndex } from './search-index-job';

export function scheduleSearchIndexing(db: Db, jobs: JobRunner): void {
  const running = new Set(
    (
      db
        .prepare(`SELECT params FROM jobs WHERE kind = 'index.search' AND status IN ('queued', 'running')`)
        .pluck()
        .all() as string[]
    ).map((p) => (JSON.parse(p) as { datasetId: number }).datasetId),
  );
  for (const datasetId of datasetsNeedingSearchIndex(db)) {
    if (!running.has(datasetId)) jobs.start('index.search', 'Build the search index', { datasetId });
  }
}
