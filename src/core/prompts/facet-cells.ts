// Facet counts from cells: one count per combination of facet values (dataset, source, subject, level,
// pass-rate bucket). Facet-only filters read the cells kept in prompt_facet_cells (a few hundred rows
// instead of 10^6 prompts); other filters count their cells by one scan (scanned-facets.ts). Either way each
// facet is summed here, leaving out its own dimension's condition, as a facet count must.
import type { FacetValue, PromptFilter } from '../../shared/domain';
import type { Db } from '../db/open';
import type { FacetDimension } from './filter-sql';
import { visibleDatasets } from './filter-sql';
import type { RawFacets } from './queries';

export interface Cell {
  datasetId: number;
  source: string | null;
  subject: string | null;
  level: number | null;
  bucket: string;
  count: number;
}

type CellValue = string | number | null;

const DIMENSIONS: readonly {
  dimension: FacetDimension;
  value(c: Cell): CellValue;
  chosen(f: PromptFilter): readonly CellValue[] | undefined;
}[] = [
  { dimension: 'datasets', value: (c) => c.datasetId, chosen: (f) => f.datasetIds },
  { dimension: 'sources', value: (c) => c.source, chosen: (f) => f.sources },
  { dimension: 'subjects', value: (c) => c.subject, chosen: (f) => f.subjects },
  { dimension: 'levels', value: (c) => c.level, chosen: (f) => f.levels },
  { dimension: 'passRateBuckets', value: (c) => c.bucket, chosen: (f) => f.passRateBuckets },
];

/** Whether a cell passes the filter's facet conditions, all of them or all but `except`'s. */
function cellTest(filter: PromptFilter): (cell: Cell, except: FacetDimension | null) => boolean {
  const conditions = DIMENSIONS.map((d) => ({ ...d, values: d.chosen(filter) }));
  return (cell, except) =>
    conditions.every((c) => c.dimension === except || c.values === undefined || c.values.includes(c.value(cell)));
}

export function totalOfCells(cells: readonly Cell[], filter: PromptFilter): number {
  const passes = cellTest(filter);
  let total = 0;
  for (const cell of cells) if (passes(cell, null)) total += cell.count;
  return total;
}

export function facetsOfCells(cells: readonly Cell[], filter: PromptFilter): RawFacets {
  const passes = cellTest(filter);
  const facet = (dimension: FacetDimension, value: (c: Cell) => CellValue): FacetValue[] => {
    const counts = new Map<CellValue, number>();
    for (const cell of cells)
      if (passes(cell, dimension)) counts.set(value(cell), (counts.get(value(cell)) ?? 0) + cell.count);
    return [...counts].map(([v, count]) => ({ value: v, label: '', count }));
  };
  const byDimension = Object.fromEntries(DIMENSIONS.map((d) => [d.dimension, facet(d.dimension, d.value)])) as Record<
    FacetDimension,
    FacetValue[]
  >;
  return { ...byDimension, total: totalOfCells(cells, filter) };
}

function storedCells(db: Db, ready: readonly number[]): Cell[] {
  return db
    .prepare(
      `SELECT c.dataset_id AS datasetId, c.source, c.subject, c.level, c.pass_bucket AS bucket, c.count
       FROM prompt_facet_cells c WHERE ${visibleDatasets(ready, 'c.dataset_id')} AND c.count > 0`,
    )
    .all() as Cell[];
}

export function countFromCells(db: Db, filter: PromptFilter, ready: readonly number[]): number {
  return totalOfCells(storedCells(db, ready), filter);
}

export function facetsFromCells(db: Db, filter: PromptFilter, ready: readonly number[]): RawFacets {
  return facetsOfCells(storedCells(db, ready), filter);
}
