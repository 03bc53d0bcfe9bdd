// Which prompt columns an export reads. Every column costs per row (better-sqlite3 builds a JS value
// for each), so a scan selects only what its format and options use; rows are arrays, read through the
// layout's positions.
import type { ResolvedExport } from './request';

export const FIELD_SQL = {
  id: 'p.id',
  dataset_id: 'p.dataset_id',
  source_id: 'p.source_id',
  source_id_json: 'json_quote(p.source_id)',
  question: 'p.question',
  // SQLite's json_quote writes the same bytes as JSON.stringify (checked in a test) at C speed.
  question_json: 'json_quote(p.question)',
  gold_json: 'json_quote(p.gold_answer)',
  question_hash: 'p.question_hash',
  gold_answer: 'p.gold_answer',
  pass_rate: 'p.pass_rate',
  source: 'p.source',
  subject: 'p.subject',
  subject_json: 'json_quote(p.subject)',
  level: 'p.level',
  graded: 'e.graded',
  correct: 'e.correct',
  excluded: '', // set per export (the excluded-label condition)
  contaminated: '', // set per export (the excluded contamination classes)
  // Near-duplicate dedup: a prompt in a cluster counts as its cluster (the id as 16 hex digits, the form of a
  // question hash, which no real hash of a question takes), any other as its question.
  dedup_key:
    `coalesce((SELECT printf('%016x', c.cluster_id) FROM near_duplicate_clusters c WHERE c.prompt_id = p.id), ` +
    `p.question_hash)`,
} as const;
export type Field = keyof typeof FIELD_SQL;

export interface Layout {
  fields: readonly Field[];
  /** Position of each field in a row, -1 when not selected. */
  at: Readonly<Record<Field, number>>;
}

export function layoutOf(fields: readonly Field[]): Layout {
  const at = Object.fromEntries((Object.keys(FIELD_SQL) as Field[]).map((f) => [f, fields.indexOf(f)])) as Record<
    Field,
    number
  >;
  return { fields, at };
}

/** The value of a field in a row (null when the layout does not select it). */
export function field<T>(row: readonly unknown[], at: number): T | null {
  return at < 0 ? null : (row[at] as T);
}

/** The prompt columns an export writes (id, question, gold answer, pass rate and source are always read). */
export function writtenFields(ex: ResolvedExport): Field[] {
  const { format, dedup } = ex.request;
  // JSON formats take texts already quoted as JSON (at C speed, no JSON.stringify per value); the others the text.
  const json = format === 'oreal-jsonl' || format === 'jsonl';
  const jsonQuestion = format === 'oreal-jsonl' || (format === 'jsonl' && ex.columns.includes('question'));
  const fields: Field[] = [
    'id',
    jsonQuestion ? 'question_json' : 'question',
    json ? 'gold_json' : 'gold_answer',
    'pass_rate',
    'source',
  ];
  const generic = format === 'jsonl' || format === 'csv' || format === 'parquet';
  if (generic && ex.columns.includes('dataset')) fields.push('dataset_id');
  if (generic && ex.columns.includes('source_id')) fields.push(json ? 'source_id_json' : 'source_id');
  if (generic && ex.columns.includes('subject')) fields.push(json ? 'subject_json' : 'subject');
  if (generic && ex.columns.includes('level')) fields.push('level');
  if (dedup || format === 'rollouts-jsonl') fields.push('question_hash');
  return fields;
}
