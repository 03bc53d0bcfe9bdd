// Reads a parquet file one row group at a time (hyparquet + hyparquet-compressors), so memory holds one
// row group, never the file. Values are made plain (bigint → number, typed arrays → arrays) so that
// records can be serialised to JSON downstream.
import { asyncBufferFromFile, parquetMetadataAsync, parquetReadObjects, parquetSchema } from 'hyparquet';
import type { FileMetaData, RowGroup } from 'hyparquet';
import { compressors } from 'hyparquet-compressors';
import { throwIfAborted } from './raw-entry';

export interface ParquetColumn {
  name: string;
  /** Numeric or boolean leaf column (a candidate reward column). */
  numeric: boolean;
}

export interface ParquetRowEntry {
  /** 1-based row number in the file. */
  row: number;
  /** Byte offset just after the row's row group, on the last row of each group; null otherwise. */
  endOffset: number | null;
  value: Record<string, unknown>;
}

const NUMERIC_TYPES = new Set(['BOOLEAN', 'INT32', 'INT64', 'FLOAT', 'DOUBLE']);

export interface OpenParquet {
  metadata: FileMetaData;
  columns: ParquetColumn[];
  read: (rowStart: number, rowEnd: number) => Promise<Record<string, unknown>[]>;
}

export async function openParquet(path: string): Promise<OpenParquet> {
  const file = await asyncBufferFromFile(path);
  const metadata = await parquetMetadataAsync(file);
  const columns = parquetSchema(metadata).children.map((child) => ({
    name: child.element.name,
    numeric: child.children.length === 0 && NUMERIC_TYPES.has(child.element.type ?? ''),
  }));
  const read = async (rowStart: number, rowEnd: number) => {
    const rows = await parquetReadObjects({ file, metadata, rowStart, rowEnd, compressors });
    return rows.map((row) => toPlain(row) as Record<string, unknown>);
  };
  return { metadata, columns, read };
}

export async function* readParquetRows(
  source: string | OpenParquet,
  signal?: AbortSignal,
): AsyncGenerator<ParquetRowEntry> {
  const { metadata, read } = typeof source === 'string' ? await openParquet(source) : source;
  let rowStart = 0;
  for (const group of metadata.row_groups) {
    throwIfAborted(signal);
    const rowEnd = rowStart + Number(group.num_rows);
    const rows = await read(rowStart, rowEnd);
    const groupEnd = rowGroupEndOffset(group);
    for (let i = 0; i < rows.length; i++) {
      yield {
        row: rowStart + i + 1,
        endOffset: i === rows.length - 1 ? groupEnd : null,
        value: rows[i] as Record<string, unknown>,
      };
    }
    rowStart = rowEnd;
  }
}

function rowGroupEndOffset(group: RowGroup): number | null {
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

export function toPlain(value: unknown): unknown {
  if (typeof value === 'bigint') return Number(value);
  if (value === null || typeof value !== 'object') return value;
  if (value instanceof Date) return value.toISOString();
  if (ArrayBuffer.isView(value))
    return value instanceof Uint8Array
      ? Buffer.from(value).toString('base64')
      : Array.from(value as unknown as ArrayLike<number | bigint>, (v) => toPlain(v));
  if (Array.isArray(value)) return value.map(toPlain);
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) out[key] = toPlain(item);
  return out;
}
