// Writing prompts: the one place rows enter the prompts table and its FTS index.
import type { Db } from '../db/open';

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

/** Prepares the statements once; call the result inside the caller's transaction, chunk by chunk. */
export function createPromptWriter(db: Db): PromptWriter {
  const insert = db.prepare(
    `INSERT INTO prompts (dataset_id, row_index, source_id, question, question_hash, gold_answer, gold_answer_json,
       gold_answer_norm, pass_rate, source, subject, level, is_duplicate, extra)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertFts = db.prepare(`INSERT INTO prompts_fts (rowid, question, gold_answer) VALUES (?, ?, ?)`);
  return (datasetId, records) => {
    for (const r of records) {
      const info = insert.run(
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
      insertFts.run(info.lastInsertRowid, r.question, r.goldAnswer);
    }
  };
}
