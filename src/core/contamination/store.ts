// Publishing a check's findings: one transaction replaces the findings of the datasets it checked (and the clusters
// when it computed them), so the workspace shows the old findings or the new ones, never a mix. A cancelled or
// failed check has written nothing.
import type { ContaminationClass, MatchMethod } from '../../shared/contamination';
import type { Db } from '../db/open';
import { nowIso } from '../util/time';
import type { CheckScope, ScopeDataset } from './scope';

export interface FoundMatch {
  promptId: number;
  benchPromptId: number;
  method: MatchMethod;
  score: number;
}

export interface CheckFindings {
  jobId: number;
  scope: CheckScope;
  /** Datasets whose matches were computed (their earlier matches are replaced). */
  matched: readonly ScopeDataset[];
  matches: readonly FoundMatch[];
  /** [promptId, clusterId] for every prompt in a cluster of two or more, when clusters were computed. */
  clusters: { key: string; members: readonly (readonly [number, number])[] } | null;
  seconds: number;
}

const CLUSTER_KEY = 'contamination.clusters';
const CLASS_OF: Record<MatchMethod, ContaminationClass> = {
  exact: 'exact',
  templated: 'templated',
  ngram: 'near',
  minhash: 'near',
};
const STRENGTH: Record<ContaminationClass, number> = { exact: 3, templated: 2, near: 1 };

/** Each flagged prompt's strongest class, its best score in that class and its number of matches. */
export function classify(
  matches: readonly FoundMatch[],
): Map<number, { class: ContaminationClass; score: number; matches: number }> {
  const out = new Map<number, { class: ContaminationClass; score: number; matches: number }>();
  for (const m of matches) {
    const cls = CLASS_OF[m.method];
    const current = out.get(m.promptId);
    if (!current) out.set(m.promptId, { class: cls, score: m.score, matches: 1 });
    else {
      current.matches++;
      if (STRENGTH[cls] > STRENGTH[current.class]) Object.assign(current, { class: cls, score: m.score });
      else if (cls === current.class) current.score = Math.max(current.score, m.score);
    }
  }
  return out;
}

export function lastClusterKey(db: Db): string | null {
  const row = db.prepare(`SELECT value FROM workspace WHERE key = ?`).pluck().get(CLUSTER_KEY) as string | undefined;
  return row ?? null;
}

export function publishFindings(db: Db, findings: CheckFindings): number {
  const { scope } = findings;
  const classes = classify(findings.matches);
  return db
    .transaction(() => {
      const checkId = Number(
        db
          .prepare(
            `INSERT INTO contamination_checks (job_id, benchmarks, datasets, settings, flagged, clusters, seconds, ` +
              `created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
          )
          .run(
            findings.jobId,
            JSON.stringify(scope.benchmarks.map((b) => ({ datasetId: b.datasetId, name: b.name, items: b.count }))),
            JSON.stringify(findings.matched.map((d) => ({ datasetId: d.datasetId, name: d.name, prompts: d.count }))),
            JSON.stringify(scope.settings),
            classes.size,
            findings.clusters ? new Set(findings.clusters.members.map(([, c]) => c)).size : 0,
            findings.seconds,
            nowIso(),
          ).lastInsertRowid,
      );
      const ids = JSON.stringify(findings.matched.map((d) => d.datasetId));
      const inDatasets = `prompt_id IN (SELECT id FROM prompts WHERE dataset_id IN (SELECT value FROM json_each(?)))`;
      db.prepare(`DELETE FROM contamination_matches WHERE ${inDatasets}`).run(ids);
      db.prepare(`DELETE FROM prompt_contamination WHERE ${inDatasets}`).run(ids);
      const insertMatch = db.prepare(
        `INSERT OR REPLACE INTO contamination_matches (prompt_id, bench_prompt_id, method, score, check_id) ` +
          `VALUES (?, ?, ?, ?, ?)`,
      );
      for (const m of findings.matches) insertMatch.run(m.promptId, m.benchPromptId, m.method, m.score, checkId);
      const insertClass = db.prepare(
        `INSERT INTO prompt_contamination (prompt_id, class, score, matches, check_id) VALUES (?, ?, ?, ?, ?)`,
      );
      for (const [promptId, c] of classes) insertClass.run(promptId, c.class, c.score, c.matches, checkId);
      const covered = db.prepare(
        `INSERT OR REPLACE INTO contamination_coverage (dataset_id, fingerprint, check_id) VALUES (?, ?, ?)`,
      );
      for (const d of findings.matched) covered.run(d.datasetId, scope.fingerprint, checkId);
      if (findings.clusters) {
        db.prepare(`DELETE FROM near_duplicate_clusters`).run();
        const insertMember = db.prepare(
          `INSERT INTO near_duplicate_clusters (prompt_id, cluster_id, check_id) VALUES (?, ?, ?)`,
        );
        for (const [promptId, clusterId] of findings.clusters.members) insertMember.run(promptId, clusterId, checkId);
        db.prepare(`INSERT OR REPLACE INTO workspace (key, value) VALUES (?, ?)`).run(
          CLUSTER_KEY,
          findings.clusters.key,
        );
      }
      return checkId;
    })
    .immediate();
}
