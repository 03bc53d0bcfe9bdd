// CSV reader: csv-parse, streaming. The bytes are first cut into whole lines by the one line splitter
// (../io/lines.ts), checked as UTF-8 and given plain '\n' endings (csv-parse miscounts lines on CRLF input), so
// every record knows its true lines.
// The header row names the columns; values stay strings (a gold answer "27.0" stays "27.0"). A row
// with the wrong number of fields is one bad record; broken quoting stops the import (see below).
import { isUtf8 } from 'node:buffer';
import path from 'node:path';
import { Readable } from 'node:stream';
import { parse } from 'csv-parse';
import { CuratorError } from '../../shared/errors';
import { readHead } from '../io/files';
import { MAX_RECORD_BYTES, READ_CHUNK_BYTES, excerpt } from '../io/limits';
import { forEachLine, readLineBlocks } from '../io/lines';
import { NOT_UTF8 } from '../io/records';
import type { ReaderOptions, SourceItem, SourceReader } from './types';
import { badItem, goodItem } from './types';

const BATCH = 2000;

export async function* readCsv(file: string, options: ReaderOptions = {}): SourceReader {
  const maxRecordBytes = options.maxRecordBytes ?? MAX_RECORD_BYTES;
  const batchSize = Math.min(BATCH, options.maxRows ?? BATCH);
  const delimiter = detectDelimiter((await readHead(file, 64 * 1024)).toString('utf8'));
  const input = { invalidLines: new Set<number>(), bytesRead: 0 };
  // Last line of each parsed row, in the order the rows come out of the stream.
  const rowEnds: number[] = [];
  const parser = parse({
    delimiter,
    bom: true,
    relax_column_count: true,
    // Tolerates whitespace after a closing quote (seen in published files); trailing spaces of unquoted values go too.
    rtrim: true,
    // Quotes inside unquoted text (He said "hi") are kept as text.
    relax_quotes: true,
    max_record_size: maxRecordBytes,
    on_record: (fields: string[], context) => {
      rowEnds.push(context.lines);
      return fields;
    },
  });
  const source = Readable.from(normalizedLines(file, options.chunkBytes ?? READ_CHUNK_BYTES, maxRecordBytes, input));
  source.on('error', (err) => parser.destroy(err));
  source.pipe(parser);

  let header: string[] | null = null;
  let lastLine = 0;
  let items: SourceItem[] = [];
  try {
    for await (const fields of parser as AsyncIterable<string[]>) {
      const endLine = rowEnds.shift() as number;
      const startLine = lastLine + 1;
      lastLine = endLine;
      if (hasInvalidLine(input.invalidLines, startLine, endLine)) {
        const error = {
          code: 'ENCODING_ERROR' as const,
          message: `line ${NOT_UTF8}`,
          excerpt: excerpt(fields.join(delimiter)),
        };
        // Without a readable header no row can be read: the next row must not take its place.
        if (header === null)
          throw new CuratorError(
            'ENCODING_ERROR',
            `${path.basename(file)}: line ${startLine}: the header row is not valid UTF-8 text; ` +
              'save the file as UTF-8.',
            { file, line: startLine, field: null },
          );
        items.push(badItem(startLine, error));
      } else if (header === null) {
        header = uniqueColumnNames(fields);
      } else if (fields.length === 1 && fields[0] === '') {
        // a blank line
      } else if (fields.some((f) => f.includes('\u0000'))) {
        // A NUL byte is no text (SQLite would cut the value there): the row is bad, the file is not "binary".
        const column = header[fields.findIndex((f) => f.includes('\u0000'))] ?? null;
        const message = `raw control character NUL (U+0000) in ${column ? `column "${column}"` : 'the row'}`;
        items.push(
          badItem(startLine, { code: 'PARSE_ERROR', message, excerpt: excerpt(fields.join(delimiter)), field: column }),
        );
      } else if (fields.length !== header.length) {
        const message = `row has ${fields.length} fields but the header has ${header.length}`;
        items.push(badItem(startLine, { code: 'PARSE_ERROR', message, excerpt: excerpt(fields.join(delimiter)) }));
      } else {
        const value: Record<string, unknown> = {};
        for (let j = 0; j < header.length; j++) value[header[j] as string] = fields[j];
        items.push(goodItem(startLine, value, null, false));
      }
      if (items.length >= batchSize) {
        yield { items, bytesDone: input.bytesRead };
        items = [];
      }
    }
    yield { items, bytesDone: input.bytesRead };
  } catch (err) {
    // csv-parse cannot resynchronise reliably after a quoting error (it may swallow the rest of the file
    // silently), so such an error stops the import whatever the bad-record policy.
    const code = (err as { code?: unknown }).code;
    if (typeof code === 'string' && /^(CSV_|INVALID_)/.test(code)) {
      const line = lastLine + 1;
      throw new CuratorError(
        'PARSE_ERROR',
        `${path.basename(file)}: line ${line}: invalid CSV (${(err as Error).message}); ` +
          'the rest of the file cannot be read reliably. Fix the quoting and import again.',
        { file, line },
      );
    }
    throw err;
  } finally {
    source.destroy();
    parser.destroy();
  }
}

/** Tab or semicolon when the header line has more of them than commas (TSV and European CSV); comma otherwise. */
export function detectDelimiter(head: string): string {
  const firstLine = head.split('\n', 1)[0] ?? '';
  const count = (ch: string) => firstLine.split(ch).length - 1;
  const candidates: [string, number][] = [
    [',', count(',')],
    ['\t', count('\t')],
    [';', count(';')],
  ];
  candidates.sort((a, b) => b[1] - a[1]);
  const best = candidates[0] as [string, number];
  return best[1] > 0 ? best[0] : ',';
}

export function uniqueColumnNames(names: string[]): string[] {
  const seen = new Set<string>();
  return names.map((raw, i) => {
    const base = raw.trim() === '' ? `column_${i + 1}` : raw.trim();
    let name = base;
    for (let k = 2; seen.has(name); k++) name = `${base}_${k}`;
    seen.add(name);
    return name;
  });
}

function hasInvalidLine(invalid: Set<number>, from: number, to: number): boolean {
  if (invalid.size === 0) return false;
  for (let l = from; l <= to; l++) if (invalid.has(l)) return true;
  return false;
}

/** Whole lines only, CRLF turned into LF, and the numbers of lines that are not valid UTF-8 recorded. */
async function* normalizedLines(
  file: string,
  chunkBytes: number,
  maxRecordBytes: number,
  state: { invalidLines: Set<number>; bytesRead: number },
): AsyncGenerator<Buffer> {
  const noteInvalid = { line: () => undefined, bad: (line: number) => state.invalidLines.add(line) };
  for await (const block of readLineBlocks(file, undefined, { blockBytes: chunkBytes, maxLineBytes: maxRecordBytes })) {
    if (block.skipped) {
      const { line, bytes } = block.skipped;
      throw new CuratorError(
        'PARSE_ERROR',
        `${path.basename(file)}: line ${line}: the line is ${bytes} bytes long, over the record limit ` +
          `(${maxRecordBytes} bytes); the rest of the file cannot be read reliably.`,
        { file, line },
      );
    }
    state.bytesRead = block.start + block.bytes.length;
    if (block.bytes.length === 0) continue;
    // Line lengths are judged by csv-parse (a record may span lines), not here.
    if (!isUtf8(block.bytes)) forEachLine(block, noteInvalid, false, Infinity);
    yield block.bytes.includes(0x0d) ? stripCrBeforeLf(block.bytes) : block.bytes;
  }
}

function stripCrBeforeLf(buf: Buffer): Buffer {
  const out = Buffer.allocUnsafe(buf.length);
  let o = 0;
  for (let i = 0; i < buf.length; i++) {
    const c = buf[i] as number;
    if (c === 0x0d && buf[i + 1] === 0x0a) continue;
    out[o++] = c;
  }
  return out.subarray(0, o);
}
