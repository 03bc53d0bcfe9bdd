// JSON Lines reader: a manual line splitter over large Buffer chunks (faster than readline). Each chunk's
// complete lines are validated as UTF-8 and decoded in one call, then cut at '\n'; only a line that
// spans two reads is copied. Blank lines are counted (line numbers stay true) but yield nothing.
import { isUtf8 } from 'node:buffer';
import { readChunks } from './file-chunks';
import { parseJsonRecord } from './json-value';
import type { ReaderOptions, SourceItem, SourceReader } from './types';
import { DEFAULT_MAX_RECORD_BYTES, badItem, excerpt, mib } from './types';

const NEWLINE = 0x0a;

export async function* readJsonl(file: string, options: ReaderOptions = {}): SourceReader {
  const maxRecordBytes = options.maxRecordBytes ?? DEFAULT_MAX_RECORD_BYTES;
  let lineNo = 0;
  // The line that is still incomplete at the end of a read: its bytes, or only its length once it is too long to keep.
  let pendingParts: Buffer[] = [];
  let pendingBytes = 0;
  let bytesRead = 0;

  const finishSpanningLine = (tail: Buffer, items: SourceItem[]): void => {
    lineNo++;
    const total = pendingBytes + tail.length;
    if (total > maxRecordBytes) {
      items.push(
        badItem(lineNo, {
          code: 'PARSE_ERROR',
          message: `line is ${mib(total)} long; records over ${mib(maxRecordBytes)} are not supported`,
          excerpt: null,
        }),
      );
    } else {
      const bytes = pendingParts.length === 0 ? tail : Buffer.concat([...pendingParts, tail], total);
      pushLine(bytes, lineNo, maxRecordBytes, items);
    }
    pendingParts = [];
    pendingBytes = 0;
  };
  const keepPending = (bytes: Buffer): void => {
    if (bytes.length === 0) return;
    pendingBytes += bytes.length;
    // Past the limit the bytes are only counted, so one huge line cannot exhaust memory.
    if (pendingBytes > maxRecordBytes) pendingParts = [];
    else pendingParts.push(bytes);
  };

  for await (const { bytes, end } of readChunks(file, options.chunkBytes)) {
    bytesRead = end;
    const items: SourceItem[] = [];
    const firstNl = bytes.indexOf(NEWLINE);
    if (firstNl < 0) {
      keepPending(bytes);
    } else {
      finishSpanningLine(bytes.subarray(0, firstNl), items);
      const lastNl = bytes.lastIndexOf(NEWLINE);
      if (lastNl > firstNl) lineNo = splitRegion(bytes.subarray(firstNl + 1, lastNl), lineNo, maxRecordBytes, items);
      keepPending(bytes.subarray(lastNl + 1));
    }
    yield { items, bytesDone: end - pendingBytes };
  }
  if (pendingBytes > 0) {
    const items: SourceItem[] = [];
    finishSpanningLine(Buffer.alloc(0), items);
    yield { items, bytesDone: bytesRead };
  }
}

/** Splits whole lines (no trailing '\n'); returns the number of the last line. */
function splitRegion(region: Buffer, lineNo: number, maxRecordBytes: number, items: SourceItem[]): number {
  if (!isUtf8(region)) {
    // Rare: find the offending lines one by one so only they are reported.
    let start = 0;
    for (;;) {
      const nl = region.indexOf(NEWLINE, start);
      const stop = nl < 0 ? region.length : nl;
      pushLine(region.subarray(start, stop), ++lineNo, maxRecordBytes, items);
      if (nl < 0) return lineNo;
      start = nl + 1;
    }
  }
  const text = region.toString('utf8');
  let start = 0;
  for (;;) {
    const nl = text.indexOf('\n', start);
    const stop = nl < 0 ? text.length : nl;
    lineNo++;
    if (stop - start > maxRecordBytes) items.push(tooLong(lineNo, stop - start, maxRecordBytes));
    else pushText(text.slice(start, stop), lineNo, items);
    if (nl < 0) return lineNo;
    start = nl + 1;
  }
}

function pushLine(bytes: Buffer, lineNo: number, maxRecordBytes: number, items: SourceItem[]): void {
  if (bytes.length > maxRecordBytes) {
    items.push(tooLong(lineNo, bytes.length, maxRecordBytes));
    return;
  }
  if (!isUtf8(bytes)) {
    items.push(
      badItem(lineNo, {
        code: 'ENCODING_ERROR',
        message: 'line is not valid UTF-8 text (save the file as UTF-8)',
        excerpt: excerpt(bytes.subarray(0, 400).toString('utf8')),
      }),
    );
    return;
  }
  pushText(bytes.toString('utf8'), lineNo, items);
}

function pushText(text: string, lineNo: number, items: SourceItem[]): void {
  if (text.length === 0) return;
  const c = text.charCodeAt(0);
  // Blank (or "\r" from CRLF) lines: counted, not records. JSON.parse itself accepts the trailing "\r".
  if ((c === 0x20 || c === 0x0d || c === 0x09) && text.trim() === '') return;
  items.push(parseJsonRecord(text, lineNo, 'line'));
}

function tooLong(lineNo: number, bytes: number, max: number): SourceItem {
  return badItem(lineNo, {
    code: 'PARSE_ERROR',
    message: `line is ${mib(bytes)} long; records over ${mib(max)} are not supported`,
    excerpt: null,
  });
}
