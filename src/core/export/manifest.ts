// The manifest written beside the exported files: what was exported, from where, how, and the checksum
// of every file, so a training run can be traced back and the files verified.
import type { ExportCounts, ExportFile, ExportManifest } from '../../shared/exports';
import type { Db } from '../db/open';
import { checksBehind } from '../contamination/queries';
import type { ResolvedExport } from './request';

export interface ManifestInput {
  db: Db;
  ex: ResolvedExport;
  appVersion: string;
  counts: ExportCounts;
  labelPrompts: ReadonlyMap<number, number>;
  files: ExportFile[];
}

export function buildManifest({ db, ex, appVersion, counts, labelPrompts, files }: ManifestInput): ExportManifest {
  const workspaceId =
    (db.prepare(`SELECT value FROM workspace WHERE key = 'id'`).pluck().get() as string | undefined) ?? '';
  const taxonomy = (
    db.prepare(`SELECT id, target, name, archived FROM label_defs ORDER BY target, position, id`).all() as {
      id: number;
      target: string;
      name: string;
      archived: number;
    }[]
  ).map((d) => ({ ...d, archived: d.archived === 1 }));
  const onExportedPrompts: Record<string, number> = {};
  for (const d of taxonomy) if (d.target === 'prompt') onExportedPrompts[d.name] = labelPrompts.get(d.id) ?? 0;
  const { request } = ex;
  const options: Record<string, unknown> = {
    passRate: request.passRate,
    excludeLabels: ex.excludedLabelNames,
    dedup: request.dedup,
    dedupNear: request.dedupNear,
    excludeContaminated: request.excludeContaminated,
    splits: ex.splits.filter((s) => s.name !== null),
    stratify: request.stratify,
    capPerSource: request.capPerSource ?? null,
    useCorrectedGold: request.useCorrectedGold,
    ...(request.format === 'jsonl' || request.format === 'csv' || request.format === 'parquet'
      ? { columns: ex.columns }
      : {}),
    ...(request.format === 'verl-parquet' ? { verl: request.verl ?? {} } : {}),
  };
  return {
    app: { name: 'RL Curator', version: appVersion },
    workspaceId,
    createdAt: new Date().toISOString(),
    format: request.format,
    view: ex.view,
    filter: ex.filter,
    options,
    seed: request.seed,
    usedCorrectedGoldAnswers: request.useCorrectedGold && counts.correctedGoldAnswers > 0,
    counts,
    labels: { taxonomy, onExportedPrompts, excluded: ex.excludedLabelNames },
    contamination:
      request.excludeContaminated.length > 0 || request.dedupNear
        ? {
            excludedClasses: request.excludeContaminated,
            excluded: counts.excludedByContamination,
            checks: checksBehind(
              db,
              db.prepare(`SELECT id FROM datasets WHERE status = 'ready'`).pluck().all() as number[],
            ),
          }
        : null,
    files,
  };
}
