// Reading the findings: a prompt's evidence for the detail pane (primary-key lookups, well under 50 ms), the checks
// that were run, and the SQL of the filter conditions on them.
import type { ContaminationCheck, ContaminationCondition, PromptContamination } from '../../shared/contamination';
import type { Db } from '../db/open';

/** Cluster members listed with a prompt's findings (the size is always exact). */
const MEMBERS_SHOWN = 50;

export function promptContamination(db: Db, promptId: number): PromptContamination {
  const label = db
    .prepare(`SELECT class, check_id AS checkId FROM prompt_contamination WHERE prompt_id = ?`)
    .get(promptId) as { class: PromptContamination['class']; checkId: number } | undefined;
  const coverage = db
    .prepare(
      `SELECT c.check_id AS checkId FROM contamination_coverage c JOIN prompts p ON p.dataset_id = c.dataset_id
       WHERE p.id = ?`,
    )
    .get(promptId) as { checkId: number } | undefined;
  const matches = db
    .prepare(
      `SELECT m.bench_prompt_id AS benchPromptId, b.dataset_id AS benchDatasetId, d.name AS benchDataset,
         b.source_id AS benchSourceId, b.question AS benchQuestion, m.method, m.score
       FROM contamination_matches m JOIN prompts b ON b.id = m.bench_prompt_id JOIN datasets d ON d.id = b.dataset_id
       WHERE m.prompt_id = ? ORDER BY m.score DESC, m.method, m.bench_prompt_id`,
    )
    .all(promptId) as PromptContamination['matches'];
  const clusterId = db
    .prepare(`SELECT cluster_id FROM near_duplicate_clusters WHERE prompt_id = ?`)
    .pluck()
    .get(promptId) as number | undefined;
  let cluster: PromptContamination['cluster'] = null;
  if (clusterId !== undefined) {
    const size = db
      .prepare(`SELECT count(*) FROM near_duplicate_clusters WHERE cluster_id = ?`)
      .pluck()
      .get(clusterId) as number;
    const members = db
      .prepare(
        `SELECT prompt_id FROM near_duplicate_clusters WHERE cluster_id = ? AND prompt_id != ?
         ORDER BY prompt_id LIMIT ?`,
      )
      .pluck()
      .all(clusterId, promptId, MEMBERS_SHOWN) as number[];
    cluster = { id: clusterId, size, members };
  }
  return {
    promptId,
    class: label?.class ?? null,
    checked: coverage !== undefined,
    matches,
    cluster,
    checkId: label?.checkId ?? coverage?.checkId ?? null,
  };
}

interface CheckRow {
  id: number;
  job_id: number | null;
  benchmarks: string;
  datasets: string;
  settings: string;
  flagged: number;
  clusters: number;
  seconds: number | null;
  created_at: string;
}

const toCheck = (r: CheckRow): ContaminationCheck => ({
  id: r.id,
  jobId: r.job_id,
  benchmarks: JSON.parse(r.benchmarks) as ContaminationCheck['benchmarks'],
  datasets: JSON.parse(r.datasets) as ContaminationCheck['datasets'],
  settings: JSON.parse(r.settings) as Record<string, unknown>,
  flagged: r.flagged,
  clusters: r.clusters,
  seconds: r.seconds,
  createdAt: r.created_at,
});

export function listChecks(db: Db, limit: number): ContaminationCheck[] {
  return (db.prepare(`SELECT * FROM contamination_checks ORDER BY id DESC LIMIT ?`).all(limit) as CheckRow[]).map(
    toCheck,
  );
}

/** The checks whose findings the given prompts currently carry (for export manifests). */
export function checksBehind(db: Db, datasetIds: readonly number[]): ContaminationCheck[] {
  return (
    db
      .prepare(
        `SELECT * FROM contamination_checks WHERE id IN (SELECT check_id FROM contamination_coverage
         WHERE dataset_id IN (SELECT value FROM json_each(?))) ORDER BY id`,
      )
      .all(JSON.stringify(datasetIds)) as CheckRow[]
  ).map(toCheck);
}

/** SQL over `prompts p` for one condition (classes are bound values from a closed set). */
export function contaminationConditionSql(condition: ContaminationCondition): { sql: string; params: unknown[] } {
  switch (condition.op) {
    case 'inCluster':
      return { sql: `p.id IN (SELECT prompt_id FROM near_duplicate_clusters)`, params: [] };
    case 'notInCluster':
      return { sql: `p.id NOT IN (SELECT prompt_id FROM near_duplicate_clusters)`, params: [] };
    default: {
      const classes = condition.classes ?? [];
      const inner =
        classes.length === 0
          ? `SELECT prompt_id FROM prompt_contamination`
          : `SELECT prompt_id FROM prompt_contamination WHERE class IN (${classes.map(() => '?').join(', ')})`;
      return { sql: `p.id ${condition.op === 'is' ? 'IN' : 'NOT IN'} (${inner})`, params: [...classes] };
    }
  }
}
