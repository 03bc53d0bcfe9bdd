// Parquet reader: the one Parquet reader of ../io/parquet.ts, a row group per batch. "Line" means the 1-based
// row number here.
import { openParquet, readRowGroups } from '../io/parquet';
import type { ReaderOptions, SourceReader } from './types';
import { goodItem } from './types';

export async function* readParquet(file: string, options: ReaderOptions = {}): SourceReader {
  const parquet = await openParquet(file);
  for await (const group of readRowGroups(parquet, options.maxRows === undefined ? {} : { maxRows: options.maxRows })) {
    const items = group.rows.map((row, k) => goodItem(group.rowStart + k + 1, row, null, false));
    yield { items, bytesDone: group.bytesDone };
  }
}
