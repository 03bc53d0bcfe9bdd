// Facet counts and totals from prompt_facet_cells (one row per combination of facet values), for
// filters that use only facet dimensions: a few hundred rows instead of 10^6 prompts.
import type { FacetValue, PromptFilter } from '../../shared/domain';
import type { Db } from '../db/open';
import type { FacetDimension, SqlFragment } from './filter-sql';
import { visibleDatasets } from './filter-sql';
import type { RawFacets } from './queries';

function cellWhere(filter: PromptFilter, ready: readonly number[], omit?: FacetDimension): SqlFragment {
  const parts = [visibleDatasets(ready, 'c.dataset_id')];
  const params: unknown[] = [];
  const inList = (column: string, values: readonly unknown[] | undefined, dimension: FacetDimension) => {
    if (!values || omit === dimension) return;
    const nonNull = values.filter((v) => v !== null);
    const alts: string[] = [];
    if (nonNull.length > 0) {
      alts.push(`${column} IN (${nonNull.map(() => '?').join(', ')})`);
      params.push(...nonNull);
    }
    if (nonNull.length < values.length) alts.push(`${column} IS NULL`);
    parts.push(alts.length === 0 ? '0' : `(${alts.join(' OR ')})`);
  };
  inList('c.dataset_id', filter.datasetIds, 'datasets');
  inList('c.source', filter.sources, 'sources');
  inList('c.subject', filter.subjects, 'subjects');
  inList('c.level', filter.levels, 'levels');
  inList('c.pass_bucket', filter.passRateBuckets, 'passRateBuckets');
  return { sql: parts.join(' AND '), params };
}

export function countFromCells(db: Db, filter: PromptFilter, ready: readonly number[]): number {
  const where = cellWhere(filter, ready);
  return (db.prepare(`SELECT coalesce(sum(c.count), 0) AS n FROM prompt_facet_cells c WHERE ${where.sql}`).get(...where.params) as { n: number }).n;
}

export function facetsFromCells(db: Db, filter: PromptFilter, ready: readonly number[]): RawFacets {
  const group = (dimension: FacetDimension, column: string): FacetValue[] => {
    const where = cellWhere(filter, ready, dimension);
    const rows = db.prepare(`SELECT ${column} AS value, sum(c.count) AS count FROM prompt_facet_cells c WHERE ${where.sql} GROUP BY 1`).all(...where.params) as {
      value: string | number | null;
      count: number;
    }[];
    return rows.filter((r) => r.count > 0).map((r) => ({ value: r.value, label: '', count: r.count }));
  };
  return {
    datasets: group('datasets', 'c.dataset_id'),
    sources: group('sources', 'c.source'),
    subjects: group('subjects', 'c.subject'),
    levels: group('levels', 'c.level'),
    passRateBuckets: group('passRateBuckets', 'c.pass_bucket'),
    total: countFromCells(db, filter, ready),
  };
}
