// Which format a file is in: from its extension and its first bytes, or as the user chose (checked
// against the content where that is cheap). Also where empty, compressed and UTF-16 files are refused.
import path from 'node:path';
import type { PromptFileFormat } from '../../shared/domain';
import { CuratorError } from '../../shared/errors';
import { fileSize, hasUtf8Bom, readHead } from '../io/files';

export interface Sniffed {
  format: PromptFileFormat;
  sizeBytes: number;
  warnings: string[];
}

const HEAD_BYTES = 64 * 1024;

const BY_EXTENSION: Record<string, PromptFileFormat> = {
  '.jsonl': 'jsonl',
  '.ndjson': 'jsonl',
  '.jsonlines': 'jsonl',
  '.json': 'json',
  '.csv': 'csv',
  '.tsv': 'csv',
  '.parquet': 'parquet',
  '.pq': 'parquet',
};

export function formatFromExtension(file: string): PromptFileFormat | null {
  return BY_EXTENSION[path.extname(file).toLowerCase()] ?? null;
}

export async function sniffFile(file: string, chosen?: PromptFileFormat): Promise<Sniffed> {
  const name = path.basename(file);
  const sizeBytes = await fileSize(file);
  if (sizeBytes === 0) throw new CuratorError('EMPTY_FILE', `${name} is empty (0 bytes).`, { file });
  const head = await readHead(file, HEAD_BYTES);
  refuseUnreadable(head, name, file);
  const isParquet = head.length >= 4 && head.toString('latin1', 0, 4) === 'PAR1';
  const text = isParquet ? '' : head.subarray(hasUtf8Bom(head) ? 3 : 0).toString('utf8');
  const firstChar = text.trimStart().charAt(0);
  if (!isParquet && firstChar === '' && sizeBytes <= HEAD_BYTES)
    throw new CuratorError('EMPTY_FILE', `${name} contains only blank lines.`, { file });
  const unknown = (why: string) => new CuratorError('FORMAT_UNKNOWN', `${name}: ${why}`, { file });

  if (chosen) {
    if (chosen === 'parquet' && !isParquet) throw unknown('is not a Parquet file (it does not start with PAR1).');
    if (chosen !== 'parquet' && isParquet) throw unknown(`is a Parquet file, not ${chosen.toUpperCase()}.`);
    return { format: chosen, sizeBytes, warnings: [] };
  }
  const byExtension = formatFromExtension(file);
  if (isParquet)
    return {
      format: 'parquet',
      sizeBytes,
      warnings:
        byExtension && byExtension !== 'parquet'
          ? [`${name} is a Parquet file despite its extension; reading it as Parquet.`]
          : [],
    };
  if (byExtension === 'parquet') throw unknown('is not a Parquet file (it does not start with PAR1).');
  if (byExtension === 'csv') return { format: 'csv', sizeBytes, warnings: [] };
  const byContent: PromptFileFormat | null = firstChar === '[' ? 'json' : firstChar === '{' ? 'jsonl' : null;
  if (byExtension === 'json' || byExtension === 'jsonl') {
    if (!byContent) throw unknown(`does not look like JSON (it starts with ${JSON.stringify(firstChar)}).`);
    const holds = byContent === 'json' ? 'a JSON array' : 'JSON Lines';
    const warnings =
      byContent === byExtension ? [] : [`${name} holds ${holds} despite its extension; reading it that way.`];
    return { format: byContent, sizeBytes, warnings };
  }
  if (byContent) return { format: byContent, sizeBytes, warnings: [] };
  if (/[,\t;]/.test(text.split('\n', 1)[0] ?? ''))
    return { format: 'csv', sizeBytes, warnings: [`Read ${name} as CSV (guessed from its content).`] };
  throw unknown('cannot tell the format. Use a .jsonl, .json, .csv or .parquet file, or choose the format.');
}

/**
 * Binary files are full of control bytes (NUL above all); a text file may hold a stray one (a bad record, reported
 * with its line by the reader, not a reason to refuse the file). At least two, and over 1% of the first 8 KiB, is
 * binary. Tab, line breaks, form feed and escape are text.
 */
export function looksBinary(sample: Buffer): boolean {
  let controls = 0;
  for (const byte of sample) {
    if (
      byte < 0x20 &&
      byte !== 0x09 &&
      byte !== 0x0a &&
      byte !== 0x0b &&
      byte !== 0x0c &&
      byte !== 0x0d &&
      byte !== 0x1b
    )
      controls++;
  }
  return controls >= 2 && controls * 100 > sample.length;
}

function refuseUnreadable(head: Buffer, name: string, file: string): void {
  const b0 = head[0];
  const b1 = head[1];
  if ((b0 === 0xff && b1 === 0xfe) || (b0 === 0xfe && b1 === 0xff)) {
    throw new CuratorError('ENCODING_ERROR', `${name}: line 1: the file is UTF-16 encoded; save it as UTF-8.`, {
      file,
      line: 1,
    });
  }
  if (b0 === 0x1f && b1 === 0x8b)
    throw new CuratorError('FORMAT_UNKNOWN', `${name} is gzip-compressed; decompress it first.`, { file });
  if (head.toString('latin1', 0, 4) !== 'PAR1' && looksBinary(head.subarray(0, 8192))) {
    throw new CuratorError(
      'FORMAT_UNKNOWN',
      `${name} looks like a binary file, not JSON Lines, JSON, CSV or Parquet.`,
      { file },
    );
  }
}
