// Text formats: OREAL prompt JSONL (question, gold_answer, pass_rate), JSONL with chosen columns, and
// CSV (RFC 4180 quoting) with chosen columns. Rows are serialised straight into a buffered sink.
import type { ExportColumn } from '../../../shared/exports';
import type { AtomicFile } from '../atomic-file';
import { TextSink } from '../atomic-file';
import type { ExportRow } from '../rows';
import type { RowWriter } from './types';

/** The value of a generic column (labels as a list; CSV joins it). */
export function columnValue(column: ExportColumn, row: ExportRow, split: string | null): string | number | null | string[] {
  switch (column) {
    case 'id':
      return row.id;
    case 'dataset':
      return row.dataset;
    case 'source_id':
      return row.sourceId;
    case 'question':
      return row.question;
    case 'gold_answer':
      return row.goldAnswer;
    case 'original_gold_answer':
      return row.originalGoldAnswer;
    case 'pass_rate':
      return row.passRate;
    case 'dataset_pass_rate':
      return row.datasetPassRate;
    case 'empirical_pass_rate':
      return row.empiricalPassRate;
    case 'graded_rollouts':
      return row.gradedRollouts;
    case 'source':
      return row.source;
    case 'subject':
      return row.subject;
    case 'level':
      return row.level;
    case 'split':
      return split;
    case 'labels':
      return row.labels;
  }
}

export function orealJsonlWriter(file: AtomicFile): RowWriter {
  const sink = new TextSink(file);
  return {
    add(row) {
      sink.write(`${JSON.stringify({ question: row.question, gold_answer: row.goldAnswer, pass_rate: row.passRate })}\n`);
      return true;
    },
    finish: () => sink.flush(),
  };
}

export function jsonlWriter(file: AtomicFile, columns: readonly ExportColumn[]): RowWriter {
  const sink = new TextSink(file);
  return {
    add(row, _index, split) {
      const out: Record<string, unknown> = {};
      for (const c of columns) out[c] = columnValue(c, row, split);
      sink.write(`${JSON.stringify(out)}\n`);
      return true;
    },
    finish: () => sink.flush(),
  };
}

export function csvField(value: string | number | null | string[]): string {
  if (value === null) return '';
  const text = Array.isArray(value) ? value.join(';') : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvWriter(file: AtomicFile, columns: readonly ExportColumn[]): RowWriter {
  const sink = new TextSink(file);
  sink.write(`${columns.join(',')}\r\n`);
  return {
    add(row, _index, split) {
      let line = '';
      for (let i = 0; i < columns.length; i++) line += (i > 0 ? ',' : '') + csvField(columnValue(columns[i] as ExportColumn, row, split));
      sink.write(`${line}\r\n`);
      return true;
    },
    finish: () => sink.flush(),
  };
}
