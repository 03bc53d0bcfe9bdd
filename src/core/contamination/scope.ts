// What a contamination check compares: the benchmark datasets, the datasets checked against them, and the settings;
// plus the fingerprint that says whether a dataset was already checked the same way.
import type { ContaminationCheckRequest } from '../../shared/contamination';
import { CuratorError } from '../../shared/errors';
import type { Db } from '../db/open';
import type { ContaminationSettings } from './settings';
import { DEFAULT_CONTAMINATION_SETTINGS } from './settings';

/** Raised when the algorithms change what they find: every dataset is then checked again. */
export const CONTAMINATION_VERSION = 1;

export interface ScopeDataset {
  datasetId: number;
  name: string;
  /** Prompts (benchmarks: items). */
  count: number;
}

export interface CheckScope {
  benchmarks: ScopeDataset[];
  targets: ScopeDataset[];
  settings: ContaminationSettings;
  /** Benchmarks, settings and version: equal fingerprints give equal findings for an unchanged dataset. */
  fingerprint: string;
}

interface Row {
  id: number;
  name: string;
  role: string;
  prompt_count: number;
}

export function resolveScope(db: Db, request: ContaminationCheckRequest): CheckScope {
  const rows = db
    .prepare(`SELECT id, name, role, prompt_count FROM datasets WHERE status = 'ready' ORDER BY id`)
    .all() as Row[];
  const byId = new Map(rows.map((r) => [r.id, r]));
  const pick = (ids: readonly number[]) =>
    ids.map((id) => {
      const row = byId.get(id);
      if (!row) throw new CuratorError('NOT_FOUND', `No dataset with id ${id}.`);
      return row;
    });
  const benchmarks = request.benchmarkIds ? pick(request.benchmarkIds) : rows.filter((r) => r.role === 'benchmark');
  if (benchmarks.length === 0)
    throw new CuratorError(
      'INVALID_INPUT',
      'No benchmark to check against: mark a dataset as a benchmark (Datasets menu, or ' +
        '`rl-curator datasets role NAME benchmark`), or name one with --against.',
    );
  const benchmarkIds = new Set(benchmarks.map((b) => b.id));
  const targets = request.datasetIds
    ? pick(request.datasetIds)
    : rows.filter((r) => r.role === 'train' && !benchmarkIds.has(r.id));
  if (targets.length === 0)
    throw new CuratorError('INVALID_INPUT', 'No dataset to check: import a training set, or name one with --dataset.');
  const settings: ContaminationSettings = { ...DEFAULT_CONTAMINATION_SETTINGS, ...request.thresholds };
  const toScope = (r: Row): ScopeDataset => ({ datasetId: r.id, name: r.name, count: r.prompt_count });
  const scoped = benchmarks.map(toScope).sort((a, b) => a.datasetId - b.datasetId);
  return {
    benchmarks: scoped,
    targets: targets.map(toScope),
    settings,
    fingerprint: JSON.stringify({
      version: CONTAMINATION_VERSION,
      benchmarks: scoped.map((b) => [b.datasetId, b.count]),
      settings,
    }),
  };
}

/** The targets whose findings are missing or were computed against other benchmarks or settings. */
export function datasetsToCheck(db: Db, scope: CheckScope, force: boolean): ScopeDataset[] {
  if (force) return scope.targets;
  const done = db.prepare(`SELECT fingerprint FROM contamination_coverage WHERE dataset_id = ?`).pluck();
  return scope.targets.filter((t) => done.get(t.datasetId) !== scope.fingerprint);
}

/** What the near-duplicate clusters were last computed over; equal keys mean they are up to date. */
export function clusterKey(scope: CheckScope): string {
  const ids = scope.targets.map((t) => [t.datasetId, t.count]).sort((a, b) => (a[0] as number) - (b[0] as number));
  return JSON.stringify({ version: CONTAMINATION_VERSION, datasets: ids, settings: scope.settings });
}
