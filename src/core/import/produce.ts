// The CPU-heavy half of a prompt import: read the file, parse its records and build prompt rows (question
// hash, normalised answer, extra JSON), flagging duplicates. It never touches the database: run-import.ts
// writes what it yields.
import type { FieldMapping, PromptFileFormat } from '../../shared/domain';
import type { PromptRecord } from '../prompts/write';
import { QuestionHashSet } from './question-hash-set';
import { openReader } from './readers';
import type { FieldNote } from './record';
import { createRecordBuilder } from './record';
import type { ItemError, ReaderOptions } from './types';
import { excerpt } from '../io/limits';

export interface ProduceRequest {
  path: string;
  format: PromptFileFormat;
  mapping: FieldMapping;
}

/** A record that could not become a prompt, with where it is. */
export interface BadRecord {
  line: number;
  field: string | null;
  error: ItemError;
}

/** A warning about a record that is still imported (a level of "?", a lone surrogate). */
export interface RecordNote extends FieldNote {
  line: number;
}

/** One reader batch, built. */
export interface ProducedBatch {
  records: PromptRecord[];
  bad: BadRecord[];
  notes: RecordNote[];
  duplicates: number;
  /** Records whose NaN / Infinity tokens were read as null. */
  nonFinite: number;
  /** Bytes of the file consumed so far (for progress). */
  bytesDone: number;
}

export async function* producePromptBatches(
  request: ProduceRequest,
  readerOptions: ReaderOptions = {},
): AsyncGenerator<ProducedBatch> {
  const build = createRecordBuilder(request.mapping);
  const seen = new QuestionHashSet();
  const fieldNotes: FieldNote[] = [];
  let rowIndex = 0;
  for await (const batch of openReader(request.format, request.path, readerOptions)) {
    const out: ProducedBatch = {
      records: [],
      bad: [],
      notes: [],
      duplicates: 0,
      nonFinite: 0,
      bytesDone: batch.bytesDone,
    };
    for (const item of batch.items) {
      const index = rowIndex++;
      if (item.value === null) {
        out.bad.push({
          line: item.line,
          field: item.error?.field ?? null,
          error: item.error ?? { code: 'PARSE_ERROR', message: 'unreadable record', excerpt: null },
        });
        continue;
      }
      if (item.warnings) fieldNotes.push(...(item.warnings as FieldNote[]));
      const built = build(item as typeof item & { value: Record<string, unknown> }, index, fieldNotes);
      for (const note of fieldNotes) out.notes.push({ line: item.line, ...note });
      fieldNotes.length = 0;
      if (built.problem) {
        const text = item.raw ?? JSON.stringify(item.value);
        out.bad.push({
          line: item.line,
          field: built.problem.field,
          error: { code: 'PARSE_ERROR', message: built.problem.message, excerpt: excerpt(text) },
        });
        continue;
      }
      if (item.nonFinite) out.nonFinite++;
      const record = built.record;
      if (!seen.add(record.questionHash)) {
        record.isDuplicate = true;
        out.duplicates++;
      }
      out.records.push(record);
    }
    yield out;
  }
}
