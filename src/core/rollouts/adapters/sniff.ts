// Reads the first few values of a rollout file for format detection without reading the whole file:
// the first rows of a parquet file, or the first JSON values of anything else. JSONL is read line by line
// (a broken line then costs only itself); a file whose first line is a lone `{` or `[` is pretty-printed
// and read as concatenated JSON values. Values that do not parse are skipped, so one bad first record
// does not hide the format.
import fs from 'node:fs';
import { CuratorError } from '../../../shared/errors';
import { readJsonLines } from './io/json-lines';
import { ConcatenatedJsonSplitter } from './io/json-values';
import { parseJsonLenient } from './io/lenient-json';
import { openParquet } from './io/parquet-rows';
import { openChunks } from './io/raw-entry';

/** Stop looking for the first values after this many bytes / lines. */
const SNIFF_BYTE_LIMIT = 64 * 1024 * 1024;
const SNIFF_LINE_LIMIT = 64;

export async function readFirstValues(path: string, count = 3): Promise<unknown[]> {
  const size = await fileSize(path);
  if (size === 0) throw new CuratorError('EMPTY_FILE', `The file is empty: ${path}`);
  if (await isParquet(path)) {
    const { metadata, read } = await openParquet(path);
    const rows = Number(metadata.num_rows);
    return rows === 0 ? [] : read(0, Math.min(count, rows));
  }
  return (await startsPrettyPrinted(path)) ? firstConcatenatedValues(path, count) : firstLineValues(path, count);
}

async function fileSize(path: string): Promise<number> {
  try {
    const stat = await fs.promises.stat(path);
    if (!stat.isFile()) throw new CuratorError('INVALID_INPUT', `Not a file: ${path}`);
    return stat.size;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT')
      throw new CuratorError('FILE_NOT_FOUND', `File not found: ${path}`);
    throw err;
  }
}

export async function isParquet(path: string): Promise<boolean> {
  const handle = await fs.promises.open(path, 'r');
  try {
    const head = Buffer.alloc(4);
    const { bytesRead } = await handle.read(head, 0, 4, 0);
    return bytesRead === 4 && head.toString('latin1') === 'PAR1';
  } finally {
    await handle.close();
  }
}

/** True when the first non-blank line is a lone opening bracket (json.dump with indent). */
async function startsPrettyPrinted(path: string): Promise<boolean> {
  const handle = await fs.promises.open(path, 'r');
  try {
    const head = Buffer.alloc(64 * 1024);
    const { bytesRead } = await handle.read(head, 0, head.length, 0);
    const firstLine =
      head
        .subarray(0, bytesRead)
        .toString('utf8')
        .replace(/^\ufeff/, '')
        .trimStart()
        .split('\n', 1)[0] ?? '';
    return firstLine.trim() === '{' || firstLine.trim() === '[';
  } finally {
    await handle.close();
  }
}

async function firstLineValues(path: string, count: number): Promise<unknown[]> {
  const values: unknown[] = [];
  let lines = 0;
  for await (const entry of readJsonLines(path)) {
    if (entry.text !== null) {
      try {
        values.push(parseJsonLenient(entry.text).value);
      } catch {
        // a broken line; keep looking
      }
    }
    if (values.length >= count || ++lines >= SNIFF_LINE_LIMIT) break;
  }
  return values;
}

async function firstConcatenatedValues(path: string, count: number): Promise<unknown[]> {
  const values: unknown[] = [];
  const splitter = new ConcatenatedJsonSplitter();
  const stream = openChunks(path);
  let bytes = 0;
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      bytes += chunk.length;
      for (const entry of splitter.push(chunk)) {
        if (entry.text === null) continue;
        try {
          values.push(parseJsonLenient(entry.text).value);
        } catch {
          // a broken record; keep looking
        }
        if (values.length >= count) return values;
      }
      if (bytes >= SNIFF_BYTE_LIMIT) return values;
    }
  } catch (err) {
    if (err instanceof CuratorError && values.length > 0) return values;
    throw err;
  } finally {
    stream.destroy();
  }
  return values;
}
