// Export pass 1 (exports with splits or a per-source cap): which prompts go out, and into which split.
// Reads light columns of the filter's prompts (scan.ts), then applies the per-source cap and assigns
// splits. Holds a few numbers per prompt in typed arrays, never the text.
import type { ExportCounts } from '../../shared/exports';
import { PASS_RATE_BUCKETS } from '../../shared/domain';
import type { Db } from '../db/open';
import { passRateBucket } from '../prompts/buckets';
import { compact, float64Column, uint32Column } from '../util/columns';
import type { ResolvedExport } from './request';
import { field } from './layout';
import { createScan, Sieve } from './scan';
import { assignSplits, capGroups } from './seeded';

export interface Selection {
  /** Ascending prompt ids of the rows to export. */
  ids: Uint32Array;
  /** Empirical pass rate (NaN: no graded rollouts) and graded rollout count, per row. */
  empirical: Float64Array;
  graded: Uint32Array;
  /** The chosen pass rate (NaN: unknown), per row. */
  passRate: Float64Array;
  sourceIndex: Uint32Array;
  sources: (string | null)[];
  /** Index into ResolvedExport.splits, per row. */
  split: Uint8Array;
  counts: Pick<
    ExportCounts,
    | 'matched'
    | 'excludedByLabel'
    | 'excludedByContamination'
    | 'excludedByPassRate'
    | 'duplicatesDropped'
    | 'cappedBySource'
  >;
}

export function sieveCounts(sieve: Sieve, cappedBySource = 0): Selection['counts'] {
  const { matched, excludedByLabel, excludedByContamination, excludedByPassRate, duplicatesDropped } = sieve;
  return { matched, excludedByLabel, excludedByContamination, excludedByPassRate, duplicatesDropped, cappedBySource };
}

/** Calls `tick` after every page so the job can report progress and notice a cancel. */
export async function selectPrompts(
  db: Db,
  ex: ResolvedExport,
  tick: (rows: number) => Promise<void>,
): Promise<Selection> {
  const { request } = ex;
  const scan = createScan(db, ex, 'light');
  const { at } = scan.layout;
  const sieve = new Sieve(ex, scan.layout);
  const cols = {
    ids: uint32Column(),
    empirical: float64Column(),
    graded: uint32Column(),
    passRate: float64Column(),
    sourceIndex: uint32Column(),
    strata: uint32Column(),
  };
  const sources: (string | null)[] = [];
  const sourceIds = new Map<string | null, number>();
  for (let rows = scan.next(); rows.length > 0; rows = scan.next()) {
    for (const row of rows) {
      if (!sieve.keep(row)) continue;
      const id = row[0] as number;
      const source = field<string>(row, at.source);
      let si = sourceIds.get(source);
      if (si === undefined) {
        si = sources.length;
        sourceIds.set(source, si);
        sources.push(source);
      }
      cols.ids.push(id);
      cols.empirical.push(sieve.empirical);
      cols.graded.push(field<number>(row, at.graded) ?? 0);
      cols.passRate.push(sieve.rate ?? NaN);
      cols.sourceIndex.push(si);
      cols.strata.push(
        request.stratify === 'source'
          ? si
          : request.stratify === 'passRate'
            ? PASS_RATE_BUCKETS.indexOf(passRateBucket(sieve.rate))
            : 0,
      );
    }
    await tick(sieve.matched);
  }
  const sel: Selection = {
    ids: cols.ids.values,
    empirical: cols.empirical.values,
    graded: cols.graded.values,
    passRate: cols.passRate.values,
    sourceIndex: cols.sourceIndex.values,
    sources,
    split: new Uint8Array(0),
    counts: sieveCounts(sieve),
  };
  let strata = cols.strata.values;
  if (request.capPerSource !== undefined) {
    const keep = capGroups(sel.ids, sel.sourceIndex, request.capPerSource, request.seed);
    sel.counts.cappedBySource = keep.length - keep.reduce((n, k) => n + k, 0);
    sel.ids = compact(sel.ids, keep);
    sel.empirical = compact(sel.empirical, keep);
    sel.graded = compact(sel.graded, keep);
    sel.passRate = compact(sel.passRate, keep);
    sel.sourceIndex = compact(sel.sourceIndex, keep);
    strata = compact(strata, keep);
  }
  sel.split = assignSplits(
    sel.ids,
    strata,
    ex.splits.map((s) => s.ratio),
    request.seed,
  );
  return sel;
}
