// Reading the prompts of an export's filter in id order, a page at a time, and deciding row by row which
// go out (label exclusion, pass-rate range, dedup). Pass 1 reads a few light columns; a single-pass export
// (no splits, no cap) reads the written columns here and writes them straight away.
import type { Db } from '../db/open';
import { QuestionHashSet } from '../import/question-hash-set';
import { whereClause } from '../prompts/filter-sql';
import { readyDatasetIds } from '../prompts/queries';
import type { Field, Layout } from './layout';
import { FIELD_SQL, field, layoutOf, writtenFields } from './layout';
import type { ResolvedExport } from './request';

export type PassRateSource = 'auto' | 'empirical' | 'dataset';

export function choosePassRate(source: PassRateSource, dataset: number | null, empirical: number): number | null {
  const emp = Number.isNaN(empirical) ? null : empirical;
  return source === 'dataset' ? dataset : source === 'empirical' ? emp : (emp ?? dataset);
}

/** Rows per page: large enough that per-query costs vanish, small enough to die young in the heap. */
const PAGE_ROWS = { light: 8192, full: 2048 };

/** Correct / graded over each question's rollouts in ready runs (joined to prompts by question hash). */
const EMPIRICAL_JOIN =
  `LEFT JOIN (SELECT rp.question_hash AS h, sum(rp.graded_count) AS ` +
  `graded, sum(rp.correct_count) AS correct
  FROM run_prompts rp JOIN runs u ON u.id = rp.run_id AND u.status = 'ready' WHERE ` +
  `rp.question_hash IS NOT NULL GROUP BY rp.question_hash) e
  ON e.h = p.question_hash`;

export interface Scan {
  layout: Layout;
  /** The next page; empty when done. */
  next(): unknown[][];
  /** Starts over on the ids in (after, last]: a key range read by one of two threads (parallel-pass.ts). */
  restart(after: number, last: number): void;
}

/** Pages of the filter's prompts in id order: light (pass 1) or the written columns (single pass). */
export function createScan(db: Db, ex: ResolvedExport, shape: 'light' | 'full'): Scan {
  const where = whereClause(ex.filter, readyDatasetIds(db));
  const withRuns = db.prepare(`SELECT 1 FROM runs WHERE status = 'ready' LIMIT 1`).get() !== undefined;
  const fields: Field[] =
    shape === 'full'
      ? writtenFields(ex)
      : ['id', 'source', 'pass_rate', ...(ex.request.dedup ? (['question_hash'] as const) : [])];
  if (withRuns) fields.push('graded', 'correct');
  if (ex.excludePromptLabels.length > 0) fields.push('excluded');
  if (ex.request.excludeContaminated.length > 0) fields.push('contaminated');
  if (ex.request.dedupNear) fields.push('dedup_key');
  const excluded =
    `p.id IN (SELECT prompt_id FROM prompt_labels WHERE label_id IN ` +
    `(${ex.excludePromptLabels.map(Math.trunc).join(', ')}))`;
  // Classes come from a closed set (the request schema), so they may be spelled into the SQL.
  const contaminated =
    `p.id IN (SELECT prompt_id FROM prompt_contamination WHERE class IN ` +
    `(${ex.request.excludeContaminated.map((c) => `'${c}'`).join(', ')}))`;
  const sqlOf = (f: Field) => (f === 'excluded' ? excluded : f === 'contaminated' ? contaminated : FIELD_SQL[f]);
  const select = fields.map(sqlOf).join(', ');
  // Keyset pages in rowid order. NOT INDEXED keeps SQLite from reading through a filter's index and then
  // sorting 10^6 rows in a temporary b-tree (hundreds of MB); rowid lookups (search) still work.
  const page = db
    .prepare(
      `SELECT ${select} FROM prompts p NOT ` +
        `INDEXED ${withRuns ? EMPIRICAL_JOIN : ''} WHERE p.id > ? AND p.id <= ? ` +
        `AND ${where.sql} ORDER BY p.id LIMIT ${PAGE_ROWS[shape]}`,
    )
    .raw();
  let after = 0;
  let last = Number.MAX_SAFE_INTEGER;
  let done = false;
  return {
    layout: layoutOf(fields),
    next() {
      if (done) return [];
      const rows = page.all(after, last, ...where.params) as unknown[][];
      if (rows.length === 0) done = true;
      else after = (rows[rows.length - 1] as [number])[0];
      return rows;
    },
    restart(from, to) {
      after = from;
      last = to;
      done = false;
    },
  };
}

/**
 * Decides row by row; counts what it leaves out. After keep() returned true, `empirical` and `rate`
 * describe the row.
 */
export class Sieve {
  matched = 0;
  excludedByLabel = 0;
  excludedByContamination = 0;
  excludedByPassRate = 0;
  duplicatesDropped = 0;
  empirical = NaN;
  rate: number | null = null;
  private readonly seen: QuestionHashSet | null;
  private readonly range: ResolvedExport['request']['passRate'];
  private readonly bounded: boolean;

  constructor(
    ex: ResolvedExport,
    private readonly layout: Layout,
  ) {
    this.range = ex.request.passRate;
    this.bounded = this.range.min !== undefined || this.range.max !== undefined;
    this.seen = ex.request.dedup || ex.request.dedupNear ? new QuestionHashSet() : null;
  }

  keep(row: readonly unknown[]): boolean {
    const { at } = this.layout;
    this.matched++;
    if (field<number>(row, at.excluded)) {
      this.excludedByLabel++;
      return false;
    }
    if (field<number>(row, at.contaminated)) {
      this.excludedByContamination++;
      return false;
    }
    const graded = field<number>(row, at.graded);
    const empirical = graded ? (field<number>(row, at.correct) ?? 0) / graded : NaN;
    const rate = choosePassRate(this.range.source, field<number>(row, at.pass_rate), empirical);
    if (!this.inRange(rate)) {
      this.excludedByPassRate++;
      return false;
    }
    const dedupKey = at.dedup_key >= 0 ? at.dedup_key : at.question_hash;
    if (this.seen && !this.seen.add(field<string>(row, dedupKey) as string)) {
      this.duplicatesDropped++;
      return false;
    }
    this.empirical = empirical;
    this.rate = rate;
    return true;
  }

  private inRange(rate: number | null): boolean {
    const r = this.range;
    if (rate === null) return !this.bounded || r.keepUnknown;
    if (r.min !== undefined && (r.minInclusive ? rate < r.min : rate <= r.min)) return false;
    if (r.max !== undefined && (r.maxInclusive ? rate > r.max : rate >= r.max)) return false;
    return true;
  }
}
