// Writing prompts: the one place rows enter the prompts table. The search index is built afterwards by
// the index.search job (search-index-job.ts): trigram indexing is most of an import's cost.
import type { Db } from '../db/open';
import { passRateBucket } from './buckets';

export interface PromptRecord {
  rowIndex: number;
  sourceId: string | null;
  question: string;
  questionHash: string;
  goldAnswer: string | null;
  goldAnswerJson: string | null;
  goldAnswerNorm: string | null;
  passRate: number | null;
  source: string | null;
  subject: string | null;
  level: number | null;
  isDuplicate: boolean;
  extra: string | null;
}

export type PromptWriter = (datasetId: number, records: readonly PromptRecord[]) => void;

/**
 * Prepares the statements once; call the result inside the caller's transaction, chunk by chunk.
 * Each call also adds its rows to prompt_facet_cells, in the same transaction.
 */
export function createPromptWriter(db: Db): PromptWriter {
  const addCells = createFacetCellWriter(db);
  const insert = db.prepare(
    `INSERT INTO prompts (dataset_id, row_index, source_id, question, question_hash, gold_answer, gold_answer_json,
       gold_answer_norm, pass_rate, source, subject, level, is_duplicate, extra)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  return (datasetId, records) => {
    for (const r of records) {
      insert.run(
        datasetId,
        r.rowIndex,
        r.sourceId,
        r.question,
        r.questionHash,
        r.goldAnswer,
        r.goldAnswerJson,
        r.goldAnswerNorm,
        r.passRate,
        r.source,
        r.subject,
        r.level,
        r.isDuplicate ? 1 : 0,
        r.extra,
      );
    }
    addCells(datasetId, records);
  };
}

interface Cell {
  source: string | null;
  subject: string | null;
  level: number | null;
  bucket: string;
  count: number;
}

function createFacetCellWriter(db: Db): (datasetId: number, records: readonly PromptRecord[]) => void {
  const update = db.prepare(
    `UPDATE prompt_facet_cells SET count = count + ? WHERE dataset_id = ? AND source IS ? AND ` +
      `subject IS ? AND level IS ? AND pass_bucket = ?`,
  );
  const insert = db.prepare(
    `INSERT INTO prompt_facet_cells (dataset_id, source, subject, level, pass_bucket, count) VALUES (?, ?, ?, ?, ?, ?)`,
  );
  return (datasetId, records) => {
    const cells = new Map<string, Cell>();
    for (const r of records) {
      const bucket = passRateBucket(r.passRate);
      const key = `${r.source ?? '\u0001'}\u0000${r.subject ?? '\u0001'}\u0000${r.level ?? ''}\u0000${bucket}`;
      const cell = cells.get(key);
      if (cell) cell.count++;
      else cells.set(key, { source: r.source, subject: r.subject, level: r.level, bucket, count: 1 });
    }
    for (const c of cells.values()) {
      if (update.run(c.count, datasetId, c.source, c.subject, c.level, c.bucket).changes === 0) {
        insert.run(datasetId, c.source, c.subject, c.level, c.bucket, c.count);
      }
    }
  };
}
