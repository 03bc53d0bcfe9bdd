// JSON array reader: `[ {...}, {...} ]` parsed as a stream of top-level elements by the one streaming scanner
// (../io/json-scan.ts), never as one JSON.parse of the whole file; a bad element is one bad record.
import { readJsonValues } from '../io/json-scan';
import { itemOfRecord } from './json-value';
import type { ReaderOptions, SourceReader } from './types';

export async function* readJsonArray(file: string, options: ReaderOptions = {}): SourceReader {
  for await (const batch of readJsonValues(file, 'array', options)) {
    yield { items: batch.records.map((record) => itemOfRecord(record, 'element')), bytesDone: batch.bytesDone };
  }
}
