// Counts for the side panel's contamination group under the grid's filter (its own contamination conditions left
// out, as a facet's count must). Both queries start from the findings tables, which hold only flagged or clustered
// prompts, and reach each prompt by its primary key: fast at 10^6 prompts whatever else the filter says.
import type { ContaminationFacets } from '../../shared/contamination';
import type { PromptFilter } from '../../shared/domain';
import type { Db } from '../db/open';
import { whereClause } from '../prompts/filter-sql';
import { readyDatasetIds } from '../prompts/queries';

export function contaminationFacets(db: Db, filter: PromptFilter): ContaminationFacets {
  const { contamination: _own, ...rest } = filter;
  const where = whereClause(rest, readyDatasetIds(db));
  const classes = db
    .prepare(
      `SELECT c.class AS class, count(*) AS n FROM prompt_contamination c JOIN prompts p ON p.id = c.prompt_id
       WHERE ${where.sql} GROUP BY c.class`,
    )
    .all(...where.params) as { class: 'exact' | 'templated' | 'near'; n: number }[];
  const inCluster = db
    .prepare(`SELECT count(*) FROM near_duplicate_clusters c JOIN prompts p ON p.id = c.prompt_id WHERE ${where.sql}`)
    .pluck()
    .get(...where.params) as number;
  const count = (cls: string) => classes.find((c) => c.class === cls)?.n ?? 0;
  return {
    exact: count('exact'),
    templated: count('templated'),
    near: count('near'),
    inCluster,
    checked: db.prepare(`SELECT 1 FROM contamination_checks LIMIT 1`).get() !== undefined,
  };
}
