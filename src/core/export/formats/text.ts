// Text formats: OREAL prompt JSONL (question, gold_answer, pass_rate), JSONL with chosen columns, and
// CSV (RFC 4180 quoting) with chosen columns. Rows are serialised straight into a buffered sink.
import type { ExportColumn } from '../../../shared/exports';
import type { AtomicFile } from '../atomic-file';
import { TextSink } from '../atomic-file';
import type { ExportRow } from '../rows';
import type { RowWriter } from './types';

/** The value of a generic column (labels as a list; CSV joins it). */
export function columnValue(column: ExportColumn, row: ExportRow, split: string | null): string | number | null | readonly string[] {
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
      // Concatenation over JSON.stringify of each value: same bytes as stringifying the object, less garbage.
      sink.write(`{"question":${row.questionJson ?? JSON.stringify(row.question)},"gold_answer":${JSON.stringify(row.goldAnswer)},"pass_rate":${JSON.stringify(row.passRate)}}\n`);
      return true;
    },
    finish: () => sink.flush(),
  };
}

/** JSON for one value; strings and lists through JSON.stringify, numbers as JSON.stringify writes them. */
function json(value: string | number | null | readonly string[]): string {
  return value === null ? 'null' : typeof value === 'number' ? String(value) : JSON.stringify(value);
}

export function jsonlWriter(file: AtomicFile, columns: readonly ExportColumn[]): RowWriter {
  const sink = new TextSink(file);
  // Lines are concatenated from pre-quoted keys: the same bytes as JSON.stringify of an object with the
  // columns in order, without building that object per row.
  const keys = columns.map((c, i) => `${i === 0 ? '{' : ','}${JSON.stringify(c)}:`);
  return {
    add(row, _index, split) {
      let line = '';
      for (let i = 0; i < columns.length; i++) {
        const column = columns[i] as ExportColumn;
        line += (keys[i] as string) + (column === 'question' && row.questionJson !== null ? row.questionJson : json(columnValue(column, row, split)));
      }
      sink.write(`${line}}\n`);
      return true;
    },
    finish: () => sink.flush(),
  };
}

export function csvField(value: string | number | null | readonly string[]): string {
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
