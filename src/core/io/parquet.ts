// The one Parquet reader: hyparquet with hyparquet-compressors (snappy, gzip, brotli, zstd, lz4), one row group
// at a time (memory is bounded by the largest row group, never the file). Values are made plain with one rule
// (toPlain) and a file that cannot be read is a PARSE_ERROR that names it, and the rows when only some are lost.
import path from 'node:path';
import { asyncBufferFromFile, parquetMetadataAsync, parquetReadObjects, parquetSchema } from 'hyparquet';
import type { AsyncBuffer, FileMetaData, RowGroup } from 'hyparquet';
import { compressors } from 'hyparquet-compressors';
import { CuratorError } from '../../shared/errors';
import { fileError, throwIfAborted } from './files';

export interface ParquetColumn {
  name: string;
  /** Numeric or boolean leaf column (a candidate reward column). */
  numeric: boolean;
}

export interface OpenParquet {
  file: string;
  metadata: FileMetaData;
  columns: ParquetColumn[];
  rowCount: number;
  byteLength: number;
  /** Rows [rowStart, rowEnd) as plain objects. */
  read(rowStart: number, rowEnd: number): Promise<Record<string, unknown>[]>;
}

export interface RowGroupRows {
  rows: Record<string, unknown>[];
  /** 0-based index of the first row in the file. */
  rowStart: number;
  /** Bytes of the file behind this row group (for progress), the file size after the last one. */
  bytesDone: number;
  /** File offset just after the row group's column chunks (a resume point), when the metadata says. */
  endOffset: number | null;
}

const NUMERIC_TYPES = new Set(['BOOLEAN', 'INT32', 'INT64', 'FLOAT', 'DOUBLE']);

export async function openParquet(file: string): Promise<OpenParquet> {
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
    throw new CuratorError(
      'PARSE_ERROR',
      `${name} is not a readable Parquet file (truncated or damaged?): ${(err as Error).message}`,
      { file },
    );
  }
  const columns = parquetSchema(metadata).children.map((child) => ({
    name: child.element.name,
    numeric: child.children.length === 0 && NUMERIC_TYPES.has(child.element.type ?? ''),
  }));
  const read = async (rowStart: number, rowEnd: number) => {
    let rows: Record<string, unknown>[];
    try {
      rows = await parquetReadObjects({ file: buffer, metadata, rowStart, rowEnd, compressors });
    } catch (err) {
      throw new CuratorError(
        'PARSE_ERROR',
        `${name}: rows ${rowStart + 1}–${rowEnd} cannot be read (truncated or damaged file?): ` +
          (err as Error).message,
        { file, line: rowStart + 1 },
      );
    }
    return rows.map((row) => toPlain(row) as Record<string, unknown>);
  };
  return { file, metadata, columns, rowCount: Number(metadata.num_rows), byteLength: buffer.byteLength, read };
}

/** The rows of the file, a row group at a time, up to `maxRows` (a preview). */
export async function* readRowGroups(
  source: OpenParquet,
  options: { maxRows?: number; signal?: AbortSignal } = {},
): AsyncGenerator<RowGroupRows> {
  const groups = source.metadata.row_groups;
  const groupBytes = groups.map((g) => Number(g.total_compressed_size ?? g.total_byte_size));
  // Compressed sizes leave out the footer; scaled so that the last group ends at the file size.
  const scale = Math.min(
    1,
    source.byteLength /
      Math.max(
        1,
        groupBytes.reduce((a, b) => a + b, 0),
      ),
  );
  let rowStart = 0;
  let bytes = 0;
  for (const [g, group] of groups.entries()) {
    throwIfAborted(options.signal);
    const rowCount = Math.min(Number(group.num_rows), (options.maxRows ?? Infinity) - rowStart);
    if (rowCount <= 0) return;
    const rows = await source.read(rowStart, rowStart + rowCount);
    bytes += (groupBytes[g] ?? 0) * scale;
    const last = g === groups.length - 1;
    yield { rows, rowStart, bytesDone: last ? source.byteLength : Math.round(bytes), endOffset: groupEndOffset(group) };
    rowStart += rowCount;
  }
}

function groupEndOffset(group: RowGroup): number | null {
  let end: number | null = null;
  for (const column of group.columns) {
    const meta = column.meta_data;
    if (!meta) continue;
    const start = meta.dictionary_page_offset ?? meta.data_page_offset;
    const columnEnd = Number(start + meta.total_compressed_size);
    end = end === null ? columnEnd : Math.max(end, columnEnd);
  }
  return end;
}

/**
 * A Parquet value as plain JSON-able data, one rule for every importer: INT64 BigInts become numbers when exact
 * (within ±2^53) and decimal strings beyond, so no id loses digits; dates become ISO text, or null when invalid
 * (toISOString would throw); byte arrays become base64; other typed arrays become arrays of plain values.
 */
export function toPlain(value: unknown): unknown {
  if (typeof value === 'bigint')
    return value >= BigInt(Number.MIN_SAFE_INTEGER) && value <= BigInt(Number.MAX_SAFE_INTEGER)
      ? Number(value)
      : value.toString();
  if (value === null || typeof value !== 'object') return value;
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value.toISOString();
  if (value instanceof Uint8Array) return Buffer.from(value).toString('base64');
  if (ArrayBuffer.isView(value)) return Array.from(value as unknown as ArrayLike<number | bigint>, toPlain);
  if (Array.isArray(value)) return value.map(toPlain);
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value)) out[key] = toPlain((value as Record<string, unknown>)[key]);
  return out;
}
