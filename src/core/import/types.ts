import type { RecordError } from '../io/records';

// What every format reader yields: batches of source records, each tagged with its 1-based line (row
// number for Parquet) so problems can be reported where the user can find them.

/** A record that could not be read, and the field the problem is in when it is known. */
export interface ItemError extends RecordError {
  field?: string | null;
}

/** Something worth reporting about a record that is still imported (a lone surrogate replaced). */
export interface ItemWarning {
  field: string | null;
  message: string;
}

/** One record of the source file, good (`value`) or bad (`error`). One shape for both keeps call sites monomorphic. */
export interface SourceItem {
  line: number;
  value: Record<string, unknown> | null;
  /** The record's own JSON text (JSON formats only): lets the importer recover number literals such as 27.0 exactly. */
  raw: string | null;
  /** True when Python's NaN / Infinity tokens were read as null. */
  nonFinite: boolean;
  warnings: ItemWarning[] | null;
  error: ItemError | null;
}

export interface SourceBatch {
  items: SourceItem[];
  /** Bytes of the file consumed so far (for progress). */
  bytesDone: number;
}

export type SourceReader = AsyncGenerator<SourceBatch, void, undefined>;

export interface ReaderOptions {
  /** Bytes read from disk at a time. */
  chunkBytes?: number;
  /** A single record larger than this is reported as bad instead of being held in memory. */
  maxRecordBytes?: number;
  /** Stop after about this many records (a preview); readers that read whole blocks (Parquet) use it. */
  maxRows?: number;
}

export function goodItem(
  line: number,
  value: Record<string, unknown>,
  raw: string | null,
  nonFinite: boolean,
  warnings: ItemWarning[] | null = null,
): SourceItem {
  return { line, value, raw, nonFinite, warnings, error: null };
}

export function badItem(line: number, error: ItemError): SourceItem {
  return { line, value: null, raw: null, nonFinite: false, warnings: null, error };
}
