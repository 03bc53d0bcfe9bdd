// Resolving an export request: the saved view (if named) becomes its filter, excluded labels are split
// by target, split ratios are normalised, and output file names are fixed.
import path from 'node:path';
import type { PromptFilter, SavedView } from '../../shared/domain';
import type { ExportFormat, ExportRequest, SplitSpec } from '../../shared/exports';
import { DEFAULT_EXPORT_COLUMNS } from '../../shared/exports';
import type { ExportColumn } from '../../shared/exports';
import { CuratorError } from '../../shared/errors';
import type { Db } from '../db/open';
import { listViews } from '../views';

export interface ResolvedExport {
  request: ExportRequest;
  filter: PromptFilter;
  view: { id: number; name: string } | null;
  /** Prompt labels that exclude a prompt. */
  excludePromptLabels: number[];
  /** Rollout and span labels that exclude a rollout (rollouts-jsonl). */
  excludeRolloutLabels: number[];
  excludedLabelNames: string[];
  /** Normalised to sum 1; one unnamed split when none were asked for. */
  splits: { name: string | null; ratio: number }[];
  columns: ExportColumn[];
  outDir: string;
  files: { split: string | null; name: string }[];
  manifestName: string;
}

export const EXTENSIONS: Record<ExportFormat, string> = {
  'oreal-jsonl': 'jsonl',
  'verl-parquet': 'parquet',
  jsonl: 'jsonl',
  csv: 'csv',
  parquet: 'parquet',
  'rollouts-jsonl': 'jsonl',
};

function findView(db: Db, request: ExportRequest): SavedView | null {
  if (request.viewId === undefined && request.viewName === undefined) return null;
  const views = listViews(db);
  const view = views.find((v) =>
    request.viewId !== undefined ? v.id === request.viewId : v.name === request.viewName,
  );
  if (!view) {
    const which = request.viewId !== undefined ? `id ${request.viewId}` : `"${request.viewName ?? ''}"`;
    throw new CuratorError(
      'NOT_FOUND',
      `No saved view ${which}. Saved views: ${views.map((v) => v.name).join(', ') || 'none'}.`,
    );
  }
  return view;
}

export function normaliseSplits(splits: readonly SplitSpec[]): { name: string | null; ratio: number }[] {
  if (splits.length === 0) return [{ name: null, ratio: 1 }];
  const total = splits.reduce((s, x) => s + x.ratio, 0);
  return splits.map((s) => ({ name: s.name, ratio: s.ratio / total }));
}

export function resolveExport(db: Db, request: ExportRequest, outDir = request.outDir): ResolvedExport {
  const view = findView(db, request);
  const filter = view ? view.state.filter : (request.filter ?? {});
  const defs = db.prepare(`SELECT id, target, name FROM label_defs`).all() as {
    id: number;
    target: string;
    name: string;
  }[];
  const excluded = request.excludeLabelIds.map((id) => {
    const def = defs.find((d) => d.id === id);
    if (!def) throw new CuratorError('NOT_FOUND', `No label with id ${id}.`);
    return def;
  });
  const splits = normaliseSplits(request.splits);
  const ext = EXTENSIONS[request.format];
  const stem = request.baseName ?? (request.format === 'rollouts-jsonl' ? 'rollouts' : 'prompts');
  const files = splits.map((s) => ({
    split: s.name,
    name:
      s.name === null
        ? `${stem}.${ext}`
        : request.baseName
          ? `${request.baseName}-${s.name}.${ext}`
          : `${s.name}.${ext}`,
  }));
  return {
    request,
    filter,
    view: view ? { id: view.id, name: view.name } : null,
    excludePromptLabels: excluded.filter((d) => d.target === 'prompt').map((d) => d.id),
    excludeRolloutLabels: excluded.filter((d) => d.target !== 'prompt').map((d) => d.id),
    excludedLabelNames: excluded.map((d) => `${d.target}:${d.name}`),
    splits,
    columns: request.columns ?? DEFAULT_EXPORT_COLUMNS,
    outDir: outDir ? path.resolve(outDir) : '',
    files,
    manifestName: request.baseName ? `${request.baseName}.manifest.json` : 'manifest.json',
  };
}
