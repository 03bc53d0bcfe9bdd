// The one Parquet reader: one rule for INT64, dates and typed arrays, row groups with progress and resume
// offsets, and a clear PARSE_ERROR for a truncated or damaged file (the rollout importer used to fail with an
// INTERNAL stack trace there).
import fs from 'node:fs';
import path from 'node:path';
import { parquetWriteBuffer } from 'hyparquet-writer';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempDir } from '../../../test/temp-workspace';
import { openParquet, readRowGroups, toPlain } from './parquet';

function writeParquet(file: string, rows = 25): string {
  const buffer = parquetWriteBuffer({
    columnData: [
      {
        name: 'question',
        data: Array.from({ length: rows }, (_, i) => `Question ${i}: ${'why '.repeat(20)}`),
        type: 'STRING',
      },
      { name: 'reward', data: Array.from({ length: rows }, (_, i) => i % 2), type: 'INT32' },
      { name: 'id', data: Array.from({ length: rows }, (_, i) => BigInt(i) + 9_007_199_254_740_990n), type: 'INT64' },
    ],
    rowGroupSize: 10,
    codec: 'UNCOMPRESSED',
  });
  fs.writeFileSync(file, Buffer.from(buffer));
  return file;
}

describe('toPlain', () => {
  it('keeps INT64 exact: numbers within 2^53, decimal strings beyond', () => {
    expect(toPlain(9_007_199_254_740_991n)).toBe(9_007_199_254_740_991);
    expect(toPlain(9_007_199_254_740_993n)).toBe('9007199254740993');
    expect(toPlain(-9_007_199_254_740_993n)).toBe('-9007199254740993');
    expect(toPlain(new BigInt64Array([1n, 2n ** 62n]))).toEqual([1, '4611686018427387904']);
  });

  it('turns dates into ISO text, an invalid date into null (it used to throw), bytes into base64', () => {
    expect(toPlain(new Date(Date.UTC(2025, 0, 2)))).toBe('2025-01-02T00:00:00.000Z');
    expect(toPlain({ at: new Date(Number.NaN) })).toEqual({ at: null });
    expect(toPlain(new Uint8Array([104, 105]))).toBe('aGk=');
    expect(toPlain({ xs: new Float32Array([0.5, 1]), nested: [{ n: 3n }] })).toEqual({
      xs: [0.5, 1],
      nested: [{ n: 3 }],
    });
  });
});

describe('openParquet', () => {
  let tmp: ReturnType<typeof tempDir>;
  beforeEach(() => (tmp = tempDir()));
  afterEach(() => tmp.cleanup());

  it('reads row group by row group with row starts, progress to the file size and resume offsets', async () => {
    const file = writeParquet(path.join(tmp.dir, 'a.parquet'));
    const parquet = await openParquet(file);
    expect(parquet.rowCount).toBe(25);
    expect(parquet.columns).toEqual([
      { name: 'question', numeric: false },
      { name: 'reward', numeric: true },
      { name: 'id', numeric: true },
    ]);
    const groups = [];
    for await (const group of readRowGroups(parquet)) groups.push(group);
    expect(groups.map((g) => [g.rowStart, g.rows.length])).toEqual([
      [0, 10],
      [10, 10],
      [20, 5],
    ]);
    expect(groups.at(-1)?.bytesDone).toBe(fs.statSync(file).size);
    expect(groups.map((g) => g.endOffset)).toEqual(
      [...groups.map((g) => g.endOffset)].sort((a, b) => (a ?? 0) - (b ?? 0)),
    );
    expect(groups[0]?.rows[1]).toMatchObject({ reward: 1, id: 9_007_199_254_740_991 });
    expect(groups[0]?.rows[3]).toMatchObject({ id: '9007199254740993' });
    const preview = [];
    for await (const group of readRowGroups(parquet, { maxRows: 4 })) preview.push(...group.rows);
    expect(preview).toHaveLength(4);
  });

  it('refuses a truncated file with PARSE_ERROR naming it', async () => {
    const file = writeParquet(path.join(tmp.dir, 'cut.parquet'));
    const bytes = fs.readFileSync(file);
    fs.writeFileSync(file, bytes.subarray(0, Math.floor(bytes.length / 2)));
    await expect(openParquet(file)).rejects.toMatchObject({
      code: 'PARSE_ERROR',
      message: expect.stringMatching(/^cut\.parquet is not a readable Parquet file \(truncated or damaged\?\)/),
    });
  });

  it('names the rows it cannot read when only a row group is damaged', async () => {
    const file = writeParquet(path.join(tmp.dir, 'damaged.parquet'));
    const parquet = await openParquet(file);
    const second = parquet.metadata.row_groups[1]?.columns[0]?.meta_data;
    const bytes = fs.readFileSync(file);
    // Overwrite the page header of the second row group's first column with garbage; the footer stays intact.
    bytes.fill(0xff, Number(second?.data_page_offset), Number(second?.data_page_offset) + 16);
    fs.writeFileSync(file, bytes);
    const damaged = await openParquet(file);
    const read = async () => {
      for await (const _ of readRowGroups(damaged)) void _;
    };
    await expect(read()).rejects.toMatchObject({
      code: 'PARSE_ERROR',
      message: expect.stringMatching(/^damaged\.parquet: rows 11–20 cannot be read/),
      details: { line: 11 },
    });
  });

  it('names a missing file', async () => {
    await expect(openParquet(path.join(tmp.dir, 'missing.parquet'))).rejects.toMatchObject({ code: 'FILE_NOT_FOUND' });
  });
});
