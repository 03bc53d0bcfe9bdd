// Text formats: OREAL prompt JSONL (question, gold_answer, pass_rate), JSONL with chosen columns, and
// CSV (RFC 4180 quoting) with chosen columns. Rows are serialised straight into a buffered sink.
import type { ExportColumn } from '../../../shared/exports';
import type { ByteSink } from '../atomic-file';
import { TextSink } from '../atomic-file';
import type { ExportRow } from '../rows';
import type { RowWriter } from './types';

export type ColumnValue = string | number | null | readonly string[];
export type ColumnReader = (row: ExportRow, split: string | null) => ColumnValue;

/**
 * How to read each generic column from a row (labels as a list; CSV joins it): one small function per
 * column, chosen once.
 */
export const COLUMN_READERS: Readonly<Record<ExportColumn, ColumnReader>> = {
  id: (row) => row.id,
  dataset: (row) => row.dataset,
  source_id: (row) => row.sourceId,
  question: (row) => row.question,
  gold_answer: (row) => row.goldAnswer,
  original_gold_answer: (row) => row.originalGoldAnswer,
  pass_rate: (row) => row.passRate,
  dataset_pass_rate: (row) => row.datasetPassRate,
  empirical_pass_rate: (row) => row.empiricalPassRate,
  graded_rollouts: (row) => row.gradedRollouts,
  source: (row) => row.source,
  subject: (row) => row.subject,
  level: (row) => row.level,
  split: (_row, split) => split,
  labels: (row) => row.labels,
};

/** The value of a generic column. */
export function columnValue(column: ExportColumn, row: ExportRow, split: string | null): ColumnValue {
  return COLUMN_READERS[column](row, split);
}

/** A number as JSON.stringify writes it (non-finite numbers become null). */
const jsonNumber = (n: number | null): string => (n === null || !Number.isFinite(n) ? 'null' : String(n));

/**
 * jsonNumber for columns with few distinct values (pass rates are mostly k/n for small n): each number
 * is formatted once. Number-to-text is the costliest step of a line after the quoting; the cache stops
 * growing at 64k entries so arbitrary doubles cannot fill the heap.
 */
function memoNumber(): (n: number | null) => string {
  const texts = new Map<number, string>();
  return (n) => {
    if (n === null) return 'null';
    let text = texts.get(n);
    if (text === undefined) {
      text = jsonNumber(n);
      if (texts.size < 65_536) texts.set(n, text);
    }
    return text;
  };
}

/** The gold answer to write as JSON: a correction is quoted here, the original was quoted by SQLite when read so. */
const goldJson = (row: ExportRow): string =>
  !row.corrected && row.goldJson !== null ? row.goldJson : JSON.stringify(row.goldAnswer);

/** JSON.stringify for a few distinct texts (sources, dataset names): quoted once each. */
function memoQuote(): (text: string | null) => string {
  const quoted = new Map<string | null, string>();
  return (text) => {
    let q = quoted.get(text);
    if (q === undefined) quoted.set(text, (q = JSON.stringify(text)));
    return q;
  };
}

export function orealJsonlWriter(file: ByteSink): RowWriter {
  const sink = new TextSink(file);
  const passRate = memoNumber();
  return {
    add(row) {
      // Concatenation of JSON texts: same bytes as stringifying the object, less garbage.
      const question = row.questionJson ?? JSON.stringify(row.question);
      sink.write(`{"question":${question},"gold_answer":${goldJson(row)},"pass_rate":${passRate(row.passRate)}}\n`);
      return true;
    },
    finish: () => sink.flush(),
    flush: () => sink.flush(),
  };
}

type JsonOf = (row: ExportRow, split: string | null) => string;

/** How a column becomes JSON text, chosen once per export rather than per value. */
function jsonOf(column: ExportColumn): JsonOf {
  const quote = memoQuote();
  switch (column) {
    case 'question':
      return (row) => row.questionJson ?? JSON.stringify(row.question);
    case 'gold_answer':
      return goldJson;
    case 'original_gold_answer':
      return (row) => row.goldJson ?? JSON.stringify(row.originalGoldAnswer);
    case 'source_id':
      return (row) => row.sourceIdJson ?? JSON.stringify(row.sourceId);
    case 'subject':
      return (row) => row.subjectJson ?? JSON.stringify(row.subject);
    case 'dataset':
      return (row) => quote(row.dataset);
    case 'source':
      return (row) => quote(row.source);
    case 'split':
      return (_row, split) => quote(split);
    case 'labels':
      return (row) => JSON.stringify(row.labels);
    case 'id':
    case 'graded_rollouts':
    case 'level': {
      const read = COLUMN_READERS[column] as (row: ExportRow) => number | null;
      return (row) => jsonNumber(read(row));
    }
    case 'pass_rate':
    case 'dataset_pass_rate':
    case 'empirical_pass_rate': {
      const read = COLUMN_READERS[column] as (row: ExportRow) => number | null;
      const format = memoNumber();
      return (row) => format(read(row));
    }
  }
}

export function jsonlWriter(file: ByteSink, columns: readonly ExportColumn[]): RowWriter {
  const sink = new TextSink(file);
  // Lines are concatenated from pre-quoted keys: the same bytes as JSON.stringify of an object with the
  // columns in order, without building that object per row.
  const keys = columns.map((c, i) => `${i === 0 ? '{' : ','}${JSON.stringify(c)}:`);
  const values = columns.map(jsonOf);
  return {
    add(row, _index, split) {
      let line = '';
      for (let i = 0; i < values.length; i++) line += (keys[i] as string) + (values[i] as JsonOf)(row, split);
      sink.write(`${line}}\n`);
      return true;
    },
    finish: () => sink.flush(),
    flush: () => sink.flush(),
  };
}

export function csvField(value: string | number | null | readonly string[]): string {
  if (value === null) return '';
  const text = Array.isArray(value) ? value.join(';') : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvWriter(file: ByteSink, columns: readonly ExportColumn[]): RowWriter {
  const sink = new TextSink(file);
  sink.write(`${columns.join(',')}\r\n`);
  const readers = columns.map((c) => COLUMN_READERS[c]);
  return {
    add(row, _index, split) {
      let line = '';
      for (let i = 0; i < readers.length; i++)
        line += (i > 0 ? ',' : '') + csvField((readers[i] as ColumnReader)(row, split));
      sink.write(`${line}\r\n`);
      return true;
    },
    finish: () => sink.flush(),
    flush: () => sink.flush(),
  };
}
