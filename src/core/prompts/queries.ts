// Read queries behind the prompt grid: paged rows, facet counts, one prompt's detail.
import type { Facets, FacetValue, PromptDetail, PromptFilter, PromptRow, SortSpec } from '../../shared/domain';
import { PASS_RATE_BUCKETS } from '../../shared/domain';
import { CuratorError } from '../../shared/errors';
import type { Db } from '../db/open';
import { BUCKET_CASE, COLUMN_SQL, whereClause } from './filter-sql';
import type { FacetDimension } from './filter-sql';

/** Grid cells show the start of a question; the detail pane loads the whole text. */
const GRID_QUESTION_CHARS = 400;

const ROW_SELECT = `SELECT p.id, p.dataset_id AS datasetId, d.name AS dataset, p.source_id AS sourceId,
  substr(p.question, 1, ${GRID_QUESTION_CHARS}) AS question, p.gold_answer AS goldAnswer, p.pass_rate AS passRate,
  p.source, p.subject, p.level
  FROM prompts p JOIN datasets d ON d.id = p.dataset_id`;

export function pagePrompts(db: Db, filter: PromptFilter, sort: SortSpec[], offset: number, limit: number): { rows: PromptRow[]; total: number } {
  const where = whereClause(filter);
  // NULLs last in both directions; the id breaks ties so paging is stable.
  const order = [...sort.map((s) => `${COLUMN_SQL[s.column]} IS NULL, ${COLUMN_SQL[s.column]} ${s.direction === 'desc' ? 'DESC' : 'ASC'}`), 'p.id ASC'].join(', ');
  const rows = db.prepare(`${ROW_SELECT} WHERE ${where.sql} ORDER BY ${order} LIMIT ? OFFSET ?`).all(...where.params, limit, offset) as PromptRow[];
  const total = countPrompts(db, filter);
  return { rows, total };
}

export function countPrompts(db: Db, filter: PromptFilter): number {
  const where = whereClause(filter);
  return (db.prepare(`SELECT count(*) AS n FROM prompts p JOIN datasets d ON d.id = p.dataset_id WHERE ${where.sql}`).get(...where.params) as { n: number }).n;
}

export function promptFacets(db: Db, filter: PromptFilter): Facets {
  const group = (dimension: FacetDimension, keySql: string, labelSql: string): FacetValue[] => {
    const where = whereClause(filter, dimension);
    const rows = db
      .prepare(`SELECT ${keySql} AS value, ${labelSql} AS label, count(*) AS count FROM prompts p JOIN datasets d ON d.id = p.dataset_id WHERE ${where.sql} GROUP BY 1 ORDER BY count DESC, 2`)
      .all(...where.params) as { value: string | number | null; label: string | null; count: number }[];
    return rows.map((r) => ({ value: r.value, label: r.label ?? '(none)', count: r.count }));
  };
  const buckets = group('passRateBuckets', BUCKET_CASE, BUCKET_CASE);
  const bucketOrder = (v: FacetValue) => PASS_RATE_BUCKETS.indexOf(v.value as (typeof PASS_RATE_BUCKETS)[number]);
  const levels = group('levels', 'p.level', `CASE WHEN p.level IS NULL THEN NULL ELSE 'Level ' || p.level END`);
  return {
    datasets: group('datasets', 'p.dataset_id', 'd.name'),
    sources: group('sources', 'p.source', 'p.source'),
    subjects: group('subjects', 'p.subject', 'p.subject'),
    levels: levels.sort((a, b) => (a.value === null ? 1 : b.value === null ? -1 : (a.value as number) - (b.value as number))),
    passRateBuckets: buckets.sort((a, b) => bucketOrder(a) - bucketOrder(b)),
    total: countPrompts(db, filter),
  };
}

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
      `SELECT p.id, p.dataset_id AS datasetId, d.name AS dataset, p.source_id AS sourceId, p.question, p.gold_answer AS goldAnswer,
        p.gold_answer_json AS goldAnswerJson, p.gold_answer_norm AS goldAnswerNorm, p.pass_rate AS passRate, p.source, p.subject,
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
