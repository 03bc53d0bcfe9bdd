// Export pass 1: which prompts go out, and into which split. Streams (id, hash, source, pass rates) for
// the filter in id order, applies label exclusion, the pass-rate range, dedup and the per-source cap,
// then assigns splits. Holds a few numbers per prompt, never the text.
import type { ExportCounts } from '../../shared/exports';
import { PASS_RATE_BUCKETS } from '../../shared/domain';
import type { Db } from '../db/open';
import { QuestionHashSet } from '../import/question-hash-set';
import { passRateBucket } from '../prompts/buckets';
import { whereClause } from '../prompts/filter-sql';
import { readyDatasetIds } from '../prompts/queries';
import type { ResolvedExport } from './request';
import { assignSplits, capGroups } from './seeded';

export type PassRateSource = 'auto' | 'empirical' | 'dataset';

export interface Selection {
  /** Ascending prompt ids of the rows to export. */
  ids: number[];
  /** Empirical pass rate (NaN: no graded rollouts) and graded rollout count, per row. */
  empirical: number[];
  graded: number[];
  /** The chosen pass rate (NaN: unknown), per row. */
  passRate: number[];
  sourceIndex: number[];
  sources: (string | null)[];
  /** Index into ResolvedExport.splits, per row. */
  split: Uint8Array;
  counts: Pick<ExportCounts, 'matched' | 'excludedByLabel' | 'excludedByPassRate' | 'duplicatesDropped' | 'cappedBySource'>;
}

export function choosePassRate(source: PassRateSource, dataset: number | null, empirical: number): number | null {
  const emp = Number.isNaN(empirical) ? null : empirical;
  return source === 'dataset' ? dataset : source === 'empirical' ? emp : (emp ?? dataset);
}

/** Correct / graded over the prompt's rollouts (joined by question hash) in ready runs. */
const EMPIRICAL_SUBQUERY = `LEFT JOIN (SELECT rp.question_hash AS h, sum(rp.graded_count) AS graded, sum(rp.correct_count) AS correct
  FROM run_prompts rp JOIN runs u ON u.id = rp.run_id AND u.status = 'ready' WHERE rp.question_hash IS NOT NULL GROUP BY rp.question_hash) e
  ON e.h = p.question_hash`;

function inRange(rate: number | null, r: ResolvedExport['request']['passRate']): boolean {
  const bounded = r.min !== undefined || r.max !== undefined;
  if (rate === null) return !bounded || r.keepUnknown;
  if (r.min !== undefined && (r.minInclusive ? rate < r.min : rate <= r.min)) return false;
  if (r.max !== undefined && (r.maxInclusive ? rate > r.max : rate >= r.max)) return false;
  return true;
}

/** Calls `tick` every few thousand rows so the job can report progress and notice a cancel. */
export async function selectPrompts(db: Db, ex: ResolvedExport, tick: (rows: number) => Promise<void>): Promise<Selection> {
  const { request } = ex;
  const where = whereClause(ex.filter, readyDatasetIds(db));
  const withRuns = db.prepare(`SELECT 1 FROM runs WHERE status = 'ready' LIMIT 1`).get() !== undefined;
  const excluded = ex.excludePromptLabels.length > 0 ? `p.id IN (SELECT prompt_id FROM prompt_labels WHERE label_id IN (${ex.excludePromptLabels.map(Math.trunc).join(', ')}))` : '0';
  const stmt = db
    .prepare(
      `SELECT p.id, p.question_hash, p.source, p.pass_rate, ${withRuns ? 'e.graded, e.correct' : 'NULL, NULL'}, ${excluded}
       FROM prompts p ${withRuns ? EMPIRICAL_SUBQUERY : ''} WHERE ${where.sql} ORDER BY p.id`,
    )
    .raw();
  const sel: Selection = {
    ids: [],
    empirical: [],
    graded: [],
    passRate: [],
    sourceIndex: [],
    sources: [],
    split: new Uint8Array(0),
    counts: { matched: 0, excludedByLabel: 0, excludedByPassRate: 0, duplicatesDropped: 0, cappedBySource: 0 },
  };
  const sourceIds = new Map<string | null, number>();
  let strata: number[] = [];
  const seen = request.dedup ? new QuestionHashSet() : null;
  for (const row of stmt.iterate(...where.params) as IterableIterator<[number, string, string | null, number | null, number | null, number | null, number]>) {
    const [id, hash, source, datasetRate, graded, correct, isExcluded] = row;
    sel.counts.matched++;
    if (sel.counts.matched % 20_000 === 0) await tick(sel.counts.matched);
    if (isExcluded) {
      sel.counts.excludedByLabel++;
      continue;
    }
    const empirical = graded ? (correct ?? 0) / graded : NaN;
    const rate = choosePassRate(request.passRate.source, datasetRate, empirical);
    if (!inRange(rate, request.passRate)) {
      sel.counts.excludedByPassRate++;
      continue;
    }
    if (seen && !seen.add(hash)) {
      sel.counts.duplicatesDropped++;
      continue;
    }
    let si = sourceIds.get(source);
    if (si === undefined) {
      si = sel.sources.length;
      sourceIds.set(source, si);
      sel.sources.push(source);
    }
    sel.ids.push(id);
    sel.empirical.push(empirical);
    sel.graded.push(graded ?? 0);
    sel.passRate.push(rate ?? NaN);
    sel.sourceIndex.push(si);
    strata.push(request.stratify === 'source' ? si : request.stratify === 'passRate' ? PASS_RATE_BUCKETS.indexOf(passRateBucket(rate)) : 0);
  }
  if (request.capPerSource !== undefined) {
    const keep = capGroups(sel.ids, sel.sourceIndex, request.capPerSource, request.seed);
    const kept = (list: number[]) => list.filter((_, i) => keep[i]);
    sel.counts.cappedBySource = keep.filter((k) => !k).length;
    sel.ids = kept(sel.ids);
    sel.empirical = kept(sel.empirical);
    sel.graded = kept(sel.graded);
    sel.passRate = kept(sel.passRate);
    sel.sourceIndex = kept(sel.sourceIndex);
    strata = kept(strata);
  }
  sel.split = assignSplits(
    sel.ids,
    strata,
    ex.splits.map((s) => s.ratio),
    request.seed,
  );
  return sel;
}
