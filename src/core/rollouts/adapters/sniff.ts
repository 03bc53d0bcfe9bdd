// Reads the first few values of a rollout file for format detection without reading the whole file: the first
// rows of a Parquet file, or the first JSON values of anything else, through the one I/O layer (one object per
// line, or pretty-printed objects one after another). Values that do not parse are skipped, so one bad first
// record does not hide the format.
import { CuratorError } from '../../../shared/errors';
import { fileSize, readHead } from '../../io/files';
import { parseJson } from '../../io/json-parse';
import { readJsonRecords } from '../../io/json-records';
import { openParquet } from '../../io/parquet';

/** Stop looking for the first values after this many bytes / records. */
const SNIFF_BYTE_LIMIT = 64 * 1024 * 1024;
const SNIFF_RECORD_LIMIT = 64;

export async function readFirstValues(path: string, count = 3): Promise<unknown[]> {
  const size = await fileSize(path);
  if (size === 0) throw new CuratorError('EMPTY_FILE', `The file is empty: ${path}`, { file: path });
  if (await isParquet(path)) {
    const parquet = await openParquet(path);
    return parquet.rowCount === 0 ? [] : parquet.read(0, Math.min(count, parquet.rowCount));
  }
  const values: unknown[] = [];
  let records = 0;
  for await (const batch of readJsonRecords(path)) {
    for (const record of batch.records) {
      const parsed = record.text === null ? null : parseJson(record.text);
      if (parsed?.ok) values.push(parsed.value);
      if (values.length >= count || ++records >= SNIFF_RECORD_LIMIT) return values;
    }
    if (batch.bytesDone >= SNIFF_BYTE_LIMIT) return values;
  }
  return values;
}

export async function isParquet(path: string): Promise<boolean> {
  const head = await readHead(path, 4);
  return head.length === 4 && head.toString('latin1') === 'PAR1';
}
