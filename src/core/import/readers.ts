// One entry point over the four format readers.
import type { PromptFileFormat } from '../../shared/domain';
import { readCsv } from './csv-reader';
import { readJsonArray } from './json-array-reader';
import { readJsonl } from './jsonl-reader';
import { readParquet } from './parquet-reader';
import type { ReaderOptions, SourceReader } from './types';

export function openReader(format: PromptFileFormat, file: string, options: ReaderOptions = {}): SourceReader {
  switch (format) {
    case 'jsonl':
      return readJsonl(file, options);
    case 'json':
      return readJsonArray(file, options);
    case 'csv':
      return readCsv(file, options);
    case 'parquet':
      return readParquet(file, options);
  }
}
