// Facet counts for filters that need a scan of prompts (a search, column, label or verification conditions).
// The rows passing the non-facet conditions are counted once per combination of facet values, and every
// facet is then summed from those cells here, each leaving out its own dimension's condition (as a facet
// count must). One scan instead of one per facet: a broad search over 1M prompts went from ~1.4 s to ~0.45 s.
import type { FacetValue, PromptFilter } from '../../shared/domain';
import type { Db } from '../db/open';
import type { FacetDimension } from './filter-sql';
import { BUCKET_CASE, whereClause } from './filter-sql';
import type { QueryCache } from './query-cache';
import type { RawFacets } from './queries';

interface Cell {
  datasetId: number;
  source: string | null;
  subject: string | null;
  level: number | null;
  bucket: string;
  count: number;
}

type CellValue = string | number | null;

const DIMENSIONS: readonly { dimension: FacetDimension; value(c: Cell): CellValue; chosen(f: PromptFilter): readonly CellValue[] | undefined }[] = [
  { dimension: 'datasets', value: (c) => c.datasetId, chosen: (f) => f.datasetIds },
  { dimension: 'sources', value: (c) => c.source, chosen: (f) => f.sources },
  { dimension: 'subjects', value: (c) => c.subject, chosen: (f) => f.subjects },
  { dimension: 'levels', value: (c) => c.level, chosen: (f) => f.levels },
  { dimension: 'passRateBuckets', value: (c) => c.bucket, chosen: (f) => f.passRateBuckets },
];

/** The filter without its facet-dimension conditions: what every cell has passed. */
function withoutFacetConditions(filter: PromptFilter): PromptFilter {
  const rest = { ...filter };
  delete rest.datasetIds;
  delete rest.sources;
  delete rest.subjects;
  delete rest.levels;
  delete rest.passRateBuckets;
  return rest;
}

/** The scanned cells are cached per non-facet filter: clicking facet values under the same search reuses them. */
export function facetsByScan(db: Db, cache: QueryCache, filter: PromptFilter, ready: readonly number[], unindexed: readonly number[]): RawFacets {
  const scanned = withoutFacetConditions(filter);
  const cells = cache.get(`cells:${JSON.stringify({ scanned, ready, unindexed })}`, () => {
    const where = whereClause(scanned, ready, undefined, unindexed);
    return db
      .prepare(`SELECT p.dataset_id AS datasetId, p.source, p.subject, p.level, ${BUCKET_CASE} AS bucket, count(*) AS count FROM prompts p WHERE ${where.sql} GROUP BY 1, 2, 3, 4, 5`)
      .all(...where.params) as Cell[];
  });
  return facetsOfCells(cells, filter);
}

export function facetsOfCells(cells: readonly Cell[], filter: PromptFilter): RawFacets {
  const conditions = DIMENSIONS.map((d) => ({ ...d, values: d.chosen(filter) }));
  const passes = (cell: Cell, except: FacetDimension | null) => conditions.every((c) => c.dimension === except || c.values === undefined || c.values.includes(c.value(cell)));
  const facet = (dimension: FacetDimension, value: (c: Cell) => CellValue): FacetValue[] => {
    const counts = new Map<CellValue, number>();
    for (const cell of cells) if (passes(cell, dimension)) counts.set(value(cell), (counts.get(value(cell)) ?? 0) + cell.count);
    return [...counts].map(([v, count]) => ({ value: v, label: '', count }));
  };
  const byDimension = Object.fromEntries(DIMENSIONS.map((d) => [d.dimension, facet(d.dimension, d.value)])) as Record<FacetDimension, FacetValue[]>;
  let total = 0;
  for (const cell of cells) if (passes(cell, null)) total += cell.count;
  return { ...byDimension, total };
}
