// The row writer for each export format.
import type { Db } from '../db/open';
import type { AtomicFile, ByteSink } from './atomic-file';
import { GENERIC_COLUMNS, parquetWriter, verlColumns } from './formats/parquet';
import { flatParquetWriter, isFlat } from './formats/parquet-flat';
import { createBestRolloutFinder, rolloutsJsonlWriter } from './formats/rollouts';
import { csvWriter, jsonlWriter, orealJsonlWriter } from './formats/text';
import type { RowWriter } from './formats/types';
import type { ResolvedExport } from './request';

export function createWriterFactory(db: Db, ex: ResolvedExport): (file: AtomicFile) => RowWriter {
  const { request, columns } = ex;
  switch (request.format) {
    case 'oreal-jsonl':
      return (file) => orealJsonlWriter(file);
    case 'jsonl':
      return (file) => jsonlWriter(file, columns);
    case 'csv':
      return (file) => csvWriter(file, columns);
    case 'parquet':
      // Flat column sets (the usual case) have their own fast encoder; a labels list needs hyparquet-writer.
      return isFlat(columns)
        ? (file) => flatParquetWriter(file, columns)
        : (file) =>
            parquetWriter(
              file,
              columns.map((c) => GENERIC_COLUMNS[c]),
            );
    case 'verl-parquet': {
      const verl = request.verl ?? { ability: 'math', promptTemplate: '{question}' };
      return (file) => parquetWriter(file, verlColumns(verl));
    }
    case 'rollouts-jsonl': {
      const best = createBestRolloutFinder(db, ex.excludeRolloutLabels);
      return (file) => rolloutsJsonlWriter(file, best);
    }
  }
}

/** The writer of a text format (whose lines can be formatted on any thread), or null for the others. */
export function createTextWriter(ex: ResolvedExport, sink: ByteSink): RowWriter | null {
  const { request, columns } = ex;
  if (request.format === 'oreal-jsonl') return orealJsonlWriter(sink);
  if (request.format === 'jsonl') return jsonlWriter(sink, columns);
  if (request.format === 'csv') return csvWriter(sink, columns);
  return null;
}
