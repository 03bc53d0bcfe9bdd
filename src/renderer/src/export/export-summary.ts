// Reading export counts and records for display: per-source × per-split tables, short checksums, the
// export id a finished job reports, and a default target folder beside the workspace.
import type { Job } from '../../../shared/domain';
import type { ExportCounts } from '../../../shared/exports';

export interface SourceTable {
  splits: string[];
  rows: { source: string; perSplit: number[]; total: number }[];
  totals: number[];
}

/** Sources by exported rows (most first), splits in the order of perSplit. */
export function sourceTable(counts: ExportCounts): SourceTable {
  const splits = Object.keys(counts.perSplit);
  const rows = Object.entries(counts.perSource)
    .map(([source, bySplit]) => {
      const perSplit = splits.map((s) => bySplit[s] ?? 0);
      return { source, perSplit, total: perSplit.reduce((a, b) => a + b, 0) };
    })
    .sort((a, b) => b.total - a.total || a.source.localeCompare(b.source));
  return { splits, rows, totals: splits.map((s) => counts.perSplit[s] ?? 0) };
}

/** Why prompts of the filter are not exported, as "label: 3, pass rate: 120" (zeros left out). */
export function dropReasons(counts: ExportCounts): { reason: string; count: number }[] {
  return [
    { reason: 'excluded by label', count: counts.excludedByLabel },
    { reason: 'contaminated (benchmark check)', count: counts.excludedByContamination },
    { reason: 'outside the pass-rate range', count: counts.excludedByPassRate },
    { reason: 'duplicate or near-duplicate questions', count: counts.duplicatesDropped },
    { reason: 'over the per-source cap', count: counts.cappedBySource },
    { reason: 'without a correct rollout', count: counts.withoutCorrectRollout },
  ].filter((r) => r.count > 0);
}

export function shortSha(sha256: string): string {
  return sha256.slice(0, 12);
}

/** The export a finished export job wrote (its result carries the id). */
export function jobExportId(job: Job | undefined): number | null {
  const id = job?.status === 'done' ? job.result?.exportId : undefined;
  return typeof id === 'number' ? id : null;
}

/** `<workspace folder>/exports`, in the workspace path's own separator style. */
export function defaultExportDir(dbPath: string): string {
  const sep = dbPath.includes('\\') && !dbPath.includes('/') ? '\\' : '/';
  const cut = Math.max(dbPath.lastIndexOf('/'), dbPath.lastIndexOf('\\'));
  return cut < 0 ? 'exports' : `${dbPath.slice(0, cut)}${sep}exports`;
}

/** The file's full path on the server, for display and copying. */
export function joinPath(dir: string, name: string): string {
  const sep = dir.includes('\\') && !dir.includes('/') ? '\\' : '/';
  return dir.endsWith(sep) ? `${dir}${name}` : `${dir}${sep}${name}`;
}
