// JSON records of a JSON Lines file, whatever its layout: one object per line (read line by line, so a broken
// line costs only itself), or pretty-printed objects one after another (read with the streaming scanner).
// Every JSON Lines importer reads through here, so a .jsonl of pretty-printed objects imports everywhere.
import { readHead } from './files';
import { READ_CHUNK_BYTES } from './limits';
import { readTextLines } from './lines';
import { detectJsonLinesLayout, readJsonValues } from './json-scan';
import type { RecordBatch } from './records';

export interface JsonRecordOptions {
  /** 'auto' (the default) looks at the first value. */
  layout?: 'auto' | 'lines' | 'values';
  chunkBytes?: number;
  maxRecordBytes?: number;
  signal?: AbortSignal;
}

/** How far into a file the layout is judged. */
const LAYOUT_HEAD_BYTES = 64 * 1024;

export async function jsonLinesLayout(file: string): Promise<'lines' | 'values'> {
  return detectJsonLinesLayout(await readHead(file, LAYOUT_HEAD_BYTES));
}

export async function* readJsonRecords(file: string, options: JsonRecordOptions = {}): AsyncGenerator<RecordBatch> {
  const layout =
    options.layout === undefined || options.layout === 'auto' ? await jsonLinesLayout(file) : options.layout;
  const chunkBytes = options.chunkBytes ?? READ_CHUNK_BYTES;
  if (layout === 'values') {
    yield* readJsonValues(file, 'values', {
      chunkBytes,
      signal: options.signal,
      maxRecordBytes: options.maxRecordBytes,
    });
    return;
  }
  yield* readTextLines(file, undefined, {
    blockBytes: chunkBytes,
    signal: options.signal,
    ...(options.maxRecordBytes !== undefined ? { maxLineBytes: options.maxRecordBytes } : {}),
  });
}
