// Parquet through hyparquet-writer, with an explicit schema so lists and structs are real nested types
// (a verl prompt is list<struct<role, content>>, not JSON text). Rows are buffered per row group and
// each group is flushed to the file as soon as it is encoded, so memory holds one group.
import { ByteWriter, ParquetWriter } from 'hyparquet-writer';
import type { SchemaElement } from 'hyparquet-writer';
import type { ExportColumn } from '../../../shared/exports';
import type { AtomicFile } from '../atomic-file';
import type { ExportRow } from '../rows';
import type { RowWriter } from './types';

/** A top-level column: its schema subtree (first element = the column) and how a row fills it. */
export interface ParquetColumn {
  schema: SchemaElement[];
  value(row: ExportRow, index: number, split: string | null): unknown;
}

/** Rows per row group: small groups keep the encoder's garbage young (50k-row groups took 2x the time and RSS). */
export const ROW_GROUP_ROWS = 10_000;
const CREATED_BY = 'RL Curator (hyparquet-writer)';

const text = (name: string, repetition: 'REQUIRED' | 'OPTIONAL' = 'OPTIONAL'): SchemaElement => ({
  name,
  type: 'BYTE_ARRAY',
  converted_type: 'UTF8',
  repetition_type: repetition,
});
const int64 = (name: string, repetition: 'REQUIRED' | 'OPTIONAL' = 'OPTIONAL'): SchemaElement => ({
  name,
  type: 'INT64',
  repetition_type: repetition,
});
const double = (name: string): SchemaElement => ({ name, type: 'DOUBLE', repetition_type: 'OPTIONAL' });
const struct = (name: string, fields: SchemaElement[]): SchemaElement[] => [
  { name, repetition_type: 'OPTIONAL', num_children: fields.length },
  ...fields,
];
/** The standard 3-level LIST: <name> (LIST) / list (repeated) / element. */
const list = (name: string, element: SchemaElement[]): SchemaElement[] => [
  { name, repetition_type: 'OPTIONAL', converted_type: 'LIST', num_children: 1 },
  { name: 'list', repetition_type: 'REPEATED', num_children: 1 },
  ...element,
];
const big = (n: number | null) => (n === null ? null : BigInt(n));

export const GENERIC_COLUMNS: Record<ExportColumn, ParquetColumn> = {
  id: { schema: [int64('id', 'REQUIRED')], value: (r) => BigInt(r.id) },
  dataset: { schema: [text('dataset', 'REQUIRED')], value: (r) => r.dataset },
  source_id: { schema: [text('source_id')], value: (r) => r.sourceId },
  question: { schema: [text('question', 'REQUIRED')], value: (r) => r.question },
  gold_answer: { schema: [text('gold_answer')], value: (r) => r.goldAnswer },
  original_gold_answer: { schema: [text('original_gold_answer')], value: (r) => r.originalGoldAnswer },
  pass_rate: { schema: [double('pass_rate')], value: (r) => r.passRate },
  dataset_pass_rate: { schema: [double('dataset_pass_rate')], value: (r) => r.datasetPassRate },
  empirical_pass_rate: { schema: [double('empirical_pass_rate')], value: (r) => r.empiricalPassRate },
  graded_rollouts: { schema: [int64('graded_rollouts', 'REQUIRED')], value: (r) => BigInt(r.gradedRollouts) },
  source: { schema: [text('source')], value: (r) => r.source },
  subject: { schema: [text('subject')], value: (r) => r.subject },
  level: { schema: [{ name: 'level', type: 'INT32', repetition_type: 'OPTIONAL' }], value: (r) => r.level },
  split: { schema: [text('split')], value: (_r, _i, split) => split },
  labels: { schema: list('labels', [text('element')]), value: (r) => r.labels },
};

export interface VerlOptions {
  dataSource?: string | undefined;
  ability: string;
  systemPrompt?: string | undefined;
  promptTemplate: string;
}

/** verl's RL prompt layout (data_source, prompt, ability, reward_model, extra_info). */
export function verlColumns(options: VerlOptions): ParquetColumn[] {
  const messages = (question: string) => {
    const user = { role: 'user', content: options.promptTemplate.split('{question}').join(question) };
    return options.systemPrompt ? [{ role: 'system', content: options.systemPrompt }, user] : [user];
  };
  return [
    { schema: [text('data_source')], value: (r) => options.dataSource ?? r.source ?? 'math' },
    { schema: list('prompt', struct('element', [text('role'), text('content')])), value: (r) => messages(r.question) },
    { schema: [text('ability')], value: () => options.ability },
    {
      schema: struct('reward_model', [text('style'), text('ground_truth')]),
      value: (r) => ({ style: 'rule', ground_truth: r.goldAnswer }),
    },
    {
      schema: struct('extra_info', [text('split'), int64('index'), int64('prompt_id'), double('pass_rate')]),
      value: (r, index, split) => ({
        split: split ?? 'train',
        index: BigInt(index),
        prompt_id: big(r.id),
        pass_rate: r.passRate,
      }),
    },
  ];
}

/** hyparquet-writer's byte writer, emptied into the output file after every row group. */
class FileByteWriter extends ByteWriter {
  constructor(private readonly file: AtomicFile) {
    super(1 << 20);
  }
  flush(): void {
    if (this.index === 0) return;
    this.file.write(new Uint8Array(this.buffer, 0, this.index));
    this.index = 0;
  }
  override finish(): void {
    this.flush();
  }
}

export function parquetWriter(
  file: AtomicFile,
  columns: readonly ParquetColumn[],
  rowGroupRows = ROW_GROUP_ROWS,
): RowWriter {
  const schema: SchemaElement[] = [{ name: 'root', num_children: columns.length }, ...columns.flatMap((c) => c.schema)];
  const writer = new ParquetWriter({ writer: new FileByteWriter(file), schema, createdBy: CREATED_BY });
  const names = columns.map((c) => (c.schema[0] as SchemaElement).name);
  const buffers: unknown[][] = columns.map(() => []);
  let buffered = 0;
  // Statistics only for number columns: min/max of long texts cost more than they help readers.
  const statistics = columns.map((c) => c.schema.length === 1 && c.schema[0]?.type !== 'BYTE_ARRAY');
  const writeGroup = () => {
    if (buffered === 0) return;
    void writer.write({
      columnData: names.map((name, k) => ({
        name,
        data: buffers[k] as unknown[],
        statistics: statistics[k] as boolean,
      })),
      rowGroupSize: buffered,
    });
    // The writer has encoded the group (it copies what it keeps): the buffers can be refilled.
    for (const b of buffers) b.length = 0;
    buffered = 0;
  };
  return {
    add(row, index, split) {
      for (let k = 0; k < columns.length; k++)
        (buffers[k] as unknown[]).push((columns[k] as ParquetColumn).value(row, index, split));
      if (++buffered >= rowGroupRows) writeGroup();
      return true;
    },
    finish() {
      writeGroup();
      void writer.finish();
    },
  };
}
