// Parquet reader on files written here with hyparquet-writer (snappy and gzip, several row groups).
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { parquetWriteBuffer } from 'hyparquet-writer';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempDir } from '../../../test/temp-workspace';
import { readParquet } from './parquet-reader';
import type { SourceItem } from './types';

async function readAll(
  file: string,
  maxRows?: number,
): Promise<{ items: SourceItem[]; batches: number; lastBytes: number }> {
  const items: SourceItem[] = [];
  let batches = 0;
  let lastBytes = 0;
  for await (const batch of readParquet(file, maxRows === undefined ? {} : { maxRows })) {
    items.push(...batch.items);
    batches++;
    lastBytes = batch.bytesDone;
  }
  return { items, batches, lastBytes };
}

const N = 25;
const questions = Array.from({ length: N }, (_, i) => `Question ${i}: what is ${i} squared?`);

function writeParquet(dir: string, name: string, codec: 'SNAPPY' | 'GZIP'): string {
  const buffer = parquetWriteBuffer({
    columnData: [
      { name: 'question', data: questions, type: 'STRING' },
      { name: 'answer', data: questions.map((_, i) => i * i), type: 'DOUBLE' },
      { name: 'idx', data: questions.map((_, i) => BigInt(i) + 9_007_199_254_740_990n), type: 'INT64' },
    ],
    rowGroupSize: 10,
    codec,
    ...(codec === 'GZIP' ? { compressors: { GZIP: (bytes: Uint8Array) => new Uint8Array(zlib.gzipSync(bytes)) } } : {}),
  });
  const file = path.join(dir, name);
  fs.writeFileSync(file, Buffer.from(buffer));
  return file;
}

describe('readParquet', () => {
  let tmp: ReturnType<typeof tempDir>;
  beforeEach(() => (tmp = tempDir()));
  afterEach(() => tmp.cleanup());

  it('reads row group by row group, with row numbers as lines and JSON-safe INT64 values', async () => {
    for (const codec of ['SNAPPY', 'GZIP'] as const) {
      const file = writeParquet(tmp.dir, `p-${codec}.parquet`, codec);
      const { items, batches, lastBytes } = await readAll(file);
      expect(batches).toBe(3);
      expect(lastBytes).toBe(fs.statSync(file).size);
      expect(items.map((i) => i.line)).toEqual(questions.map((_, i) => i + 1));
      expect(items[3]?.value).toEqual({ question: questions[3], answer: 9, idx: 9_007_199_254_740_993n.toString() });
      // Within 2^53 an INT64 becomes a plain number.
      expect(items[0]?.value?.idx).toBe(9_007_199_254_740_990);
    }
  });

  it('stops early for a preview', async () => {
    const file = writeParquet(tmp.dir, 'p.parquet', 'SNAPPY');
    const { items } = await readAll(file, 4);
    expect(items).toHaveLength(4);
  });

  it('refuses a file that is not Parquet', async () => {
    const file = path.join(tmp.dir, 'fake.parquet');
    fs.writeFileSync(file, 'PAR1 but then nothing parquet-like at all');
    await expect(readAll(file)).rejects.toMatchObject({
      code: 'PARSE_ERROR',
      message: /fake\.parquet is not a readable Parquet file/,
    });
  });
});
