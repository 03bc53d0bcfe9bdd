// Parquet reader: hyparquet, one row group at a time (memory is bounded by the largest row group), with
// hyparquet-compressors for gzip, brotli, zstd and lz4. "Line" means the 1-based row number here.
// Values are made JSON-safe: INT64 BigInts become numbers (or strings beyond 2^53), dates ISO text.
import path from 'node:path';
import { asyncBufferFromFile, parquetMetadataAsync, parquetReadObjects } from 'hyparquet';
import type { AsyncBuffer, FileMetaData } from 'hyparquet';
import { compressors } from 'hyparquet-compressors';
import { CuratorError } from '../../shared/errors';
import { fileError } from './file-chunks';
import type { ReaderOptions, SourceReader } from './types';
import { goodItem } from './types';

export async function* readParquet(file: string, options: ReaderOptions = {}): SourceReader {
  const name = path.basename(file);
  let buffer: AsyncBuffer;
  try {
    buffer = await asyncBufferFromFile(file);
  } catch (err) {
    throw fileError(err, file);
  }
  let metadata: FileMetaData;
  try {
    metadata = await parquetMetadataAsync(buffer);
  } catch (err) {
    throw new CuratorError('PARSE_ERROR', `${name} is not a readable Parquet file: ${(err as Error).message}`, {
      file,
    });
  }
  let rowStart = 0;
  let bytesDone = 0;
  const bytesTotal = buffer.byteLength;
  const groupBytes = metadata.row_groups.map((g) => Number(g.total_compressed_size ?? g.total_byte_size));
  const scale = Math.min(
    1,
    bytesTotal /
      Math.max(
        1,
        groupBytes.reduce((a, b) => a + b, 0),
      ),
  );
  for (const [g, group] of metadata.row_groups.entries()) {
    const rows = Math.min(Number(group.num_rows), (options.maxRows ?? Infinity) - rowStart);
    if (rows <= 0) return;
    let objects: Record<string, unknown>[];
    try {
      objects = await parquetReadObjects({ file: buffer, metadata, rowStart, rowEnd: rowStart + rows, compressors });
    } catch (err) {
      const rowRange = `${rowStart + 1}–${rowStart + rows}`;
      throw new CuratorError(
        'PARSE_ERROR',
        `${name}: rows ${rowRange} (row group ${g + 1}) cannot be read: ${(err as Error).message}`,
        {
          file,
          line: rowStart + 1,
        },
      );
    }
    const items = objects.map((row, k) =>
      goodItem(rowStart + k + 1, jsonSafe(row) as Record<string, unknown>, null, false),
    );
    rowStart += rows;
    bytesDone += (groupBytes[g] ?? 0) * scale;
    yield { items, bytesDone: g === metadata.row_groups.length - 1 ? bytesTotal : Math.round(bytesDone) };
  }
}

/** The value with BigInts, Dates and byte arrays replaced by JSON-representable equivalents. */
export function jsonSafe(value: unknown): unknown {
  if (value === null || typeof value !== 'object') {
    if (typeof value === 'bigint')
      return value >= BigInt(Number.MIN_SAFE_INTEGER) && value <= BigInt(Number.MAX_SAFE_INTEGER)
        ? Number(value)
        : value.toString();
    return value;
  }
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value.toISOString();
  if (value instanceof Uint8Array) return Buffer.from(value).toString('base64');
  if (Array.isArray(value)) return value.map(jsonSafe);
  if (ArrayBuffer.isView(value)) return Array.from(value as unknown as ArrayLike<number>);
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value)) out[key] = jsonSafe((value as Record<string, unknown>)[key]);
  return out;
}
