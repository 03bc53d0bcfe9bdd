// Read queries behind the prompt grid: paged rows, facet counts, one prompt's detail.
import type { Facets, FacetValue, PromptDetail, PromptFilter, PromptRow, SortSpec } from '../../shared/domain';
import { PASS_RATE_BUCKETS } from '../../shared/domain';
import { CuratorError } from '../../shared/errors';
import type { Db } from '../db/open';
import { countFromCells, facetsFromCells } from './facet-cells';
import { facetsByScan } from './scanned-facets';
import { COLUMN_SQL, isFacetOnly, whereClause } from './filter-sql';
import type { QueryCache } from './query-cache';

/** Grid cells show the start of a question; the detail pane loads the whole text. */
const GRID_QUESTION_CHARS = 400;

export function readyDatasetIds(db: Db): number[] {
  return db.prepare(`SELECT id FROM datasets WHERE status = 'ready' ORDER BY id`).pluck().all() as number[];
}

/** Visible datasets whose search index is still being built. */
export function unindexedDatasetIds(db: Db): number[] {
  return db
    .prepare(`SELECT id FROM datasets WHERE status = 'ready' AND search_indexed = 0 ORDER BY id`)
    .pluck()
    .all() as number[];
}

/** Ids matching the filter in sort order; the id breaks ties in the sort's direction so an index can serve it. */
function orderedIds(db: Db, filter: PromptFilter, sort: SortSpec[], ready: number[]): number[] {
  const where = whereClause(filter, ready, undefined, unindexedDatasetIds(db));
  const last = sort[sort.length - 1]?.direction === 'desc' ? 'DESC' : 'ASC';
  const order = [
    ...sort.map((s) => `${COLUMN_SQL[s.column]} ${s.direction === 'desc' ? 'DESC' : 'ASC'}`),
    `p.id ${last}`,
  ].join(', ');
  return db
    .prepare(`SELECT p.id FROM prompts p WHERE ${where.sql} ORDER BY ${order}`)
    .pluck()
    .all(...where.params) as number[];
}

export function pagePrompts(
  db: Db,
  cache: QueryCache,
  filter: PromptFilter,
  sort: SortSpec[],
  offset: number,
  limit: number,
): { rows: PromptRow[]; total: number } {
  const ready = readyDatasetIds(db);
  // The unindexed list is part of the key: a search's results change when indexing finishes.
  const ids = cache.get(
    `order:${JSON.stringify({ filter, sort, ready, unindexed: filter.search ? unindexedDatasetIds(db) : [] })}`,
    () => orderedIds(db, filter, sort, ready),
  );
  const pageIds = ids.slice(offset, offset + limit);
  if (pageIds.length === 0) return { rows: [], total: ids.length };
  const rows = db
    .prepare(
      `SELECT p.id, p.dataset_id AS datasetId, d.name AS dataset, p.source_id AS sourceId,
        substr(p.question, 1, ${GRID_QUESTION_CHARS}) AS question, p.gold_answer AS goldAnswer, p.pass_rate AS passRate,
        p.source, p.subject, p.level
       FROM prompts p JOIN datasets d ON d.id = p.dataset_id WHERE p.id IN (SELECT value FROM json_each(?))`,
    )
    .all(JSON.stringify(pageIds)) as PromptRow[];
  const byId = new Map(rows.map((r) => [r.id, r]));
  return { rows: pageIds.map((id) => byId.get(id)).filter((r): r is PromptRow => r !== undefined), total: ids.length };
}

export function countPrompts(db: Db, filter: PromptFilter): number {
  const ready = readyDatasetIds(db);
  if (isFacetOnly(filter)) return countFromCells(db, filter, ready);
  const where = whereClause(filter, ready, undefined, unindexedDatasetIds(db));
  return (db.prepare(`SELECT count(*) AS n FROM prompts p WHERE ${where.sql}`).get(...where.params) as { n: number }).n;
}

export function promptFacets(db: Db, cache: QueryCache, filter: PromptFilter): Facets {
  const ready = readyDatasetIds(db);
  const names = new Map(
    (db.prepare(`SELECT id, name FROM datasets WHERE status = 'ready'`).all() as { id: number; name: string }[]).map(
      (d) => [d.id, d.name],
    ),
  );
  const raw = isFacetOnly(filter)
    ? facetsFromCells(db, filter, ready)
    : facetsByScan(db, cache, filter, ready, unindexedDatasetIds(db));
  const bucketOrder = (v: FacetValue) => PASS_RATE_BUCKETS.indexOf(v.value as (typeof PASS_RATE_BUCKETS)[number]);
  const byCount = (a: FacetValue, b: FacetValue) => b.count - a.count || a.label.localeCompare(b.label);
  return {
    datasets: raw.datasets.map((v) => ({ ...v, label: names.get(v.value as number) ?? String(v.value) })).sort(byCount),
    sources: raw.sources.map((v) => ({ ...v, label: v.value === null ? '(none)' : String(v.value) })).sort(byCount),
    subjects: raw.subjects.map((v) => ({ ...v, label: v.value === null ? '(none)' : String(v.value) })).sort(byCount),
    levels: raw.levels
      .map((v) => ({ ...v, label: v.value === null ? '(none)' : `Level ${String(v.value)}` }))
      .sort((a, b) => (a.value === null ? 1 : b.value === null ? -1 : (a.value as number) - (b.value as number))),
    passRateBuckets: raw.passRateBuckets
      .map((v) => ({ ...v, label: String(v.value) }))
      .sort((a, b) => bucketOrder(a) - bucketOrder(b)),
    total: raw.total,
  };
}

export type RawFacets = Omit<Facets, 'total'> & { total: number };

interface DetailRow {
  id: number;
  datasetId: number;
  dataset: string;
  sourceId: string | null;
  question: string;
  goldAnswer: string | null;
  goldAnswerJson: string | null;
  goldAnswerNorm: string | null;
  passRate: number | null;
  source: string | null;
  subject: string | null;
  level: number | null;
  rowIndex: number;
  isDuplicate: number;
  extra: string | null;
}

export function getPrompt(db: Db, id: number): PromptDetail {
  const row = db
    .prepare(
      `SELECT p.id, p.dataset_id AS datasetId, d.name AS dataset, p.source_id AS sourceId, ` +
        `p.question, p.gold_answer AS goldAnswer,
        p.gold_answer_json AS goldAnswerJson, p.gold_answer_norm AS goldAnswerNorm, p.pass_rate ` +
        `AS passRate, p.source, p.subject,
        p.level, p.row_index AS rowIndex, p.is_duplicate AS isDuplicate, p.extra
       FROM prompts p JOIN datasets d ON d.id = p.dataset_id WHERE p.id = ? AND d.status = 'ready'`,
    )
    .get(id) as DetailRow | undefined;
  if (!row) throw new CuratorError('NOT_FOUND', `No prompt with id ${id}.`);
  return {
    id: row.id,
    datasetId: row.datasetId,
    dataset: row.dataset,
    sourceId: row.sourceId,
    question: row.question,
    goldAnswer: row.goldAnswer,
    goldAnswerRaw: row.goldAnswerJson !== null ? (JSON.parse(row.goldAnswerJson) as unknown) : row.goldAnswer,
    goldAnswerNormalized: row.goldAnswerNorm,
    passRate: row.passRate,
    source: row.source,
    subject: row.subject,
    level: row.level,
    rowIndex: row.rowIndex,
    isDuplicate: row.isDuplicate === 1,
    extra: row.extra ? (JSON.parse(row.extra) as Record<string, unknown>) : {},
  };
}
