// JSON Lines reader: one object per line, or pretty-printed objects one after another, both through the one
// I/O layer (../io/json-records.ts). Blank lines are counted (line numbers stay true) but yield nothing.
import { readJsonRecords } from '../io/json-records';
import { itemOfRecord } from './json-value';
import type { ReaderOptions, SourceReader } from './types';

export async function* readJsonl(file: string, options: ReaderOptions = {}): SourceReader {
  for await (const batch of readJsonRecords(file, options)) {
    yield { items: batch.records.map((record) => itemOfRecord(record, 'line')), bytesDone: batch.bytesDone };
  }
}
