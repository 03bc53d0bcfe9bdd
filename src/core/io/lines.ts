// The one line splitter. A file is read as blocks of whole lines (fresh Buffers, so a block can be handed to a
// parse worker as transferable memory), from any byte offset and line number (a resume point); forEachLine
// then walks a block's lines as byte ranges, decoded to text on request. Line numbers count every line (blank
// ones too), a UTF-8 byte-order mark and CRLF endings are dropped, invalid UTF-8 and overlong lines are reported
// per line, and reading goes on after them.
import { isUtf8 } from 'node:buffer';
import { openFile, throwIfAborted } from './files';
import { MAX_RECORD_BYTES, excerpt, mib } from './limits';
import type { RecordBatch, RecordError, TextRecord } from './records';
import { NOT_UTF8, badRecord } from './records';

export interface SkippedLine {
  line: number;
  bytes: number;
  endOffset: number;
}

export interface LineBlock {
  /** Whole lines, each ending in '\n' except possibly the file's last. */
  bytes: Buffer;
  /** File offset of bytes[0]. */
  start: number;
  /** Number of the first line in `bytes` (1-based). */
  firstLine: number;
  /** A line over the length limit, passed over just before `bytes` without being held. */
  skipped: SkippedLine | null;
}

export interface LineOptions {
  /** Bytes per block (a block grows to hold one long line). */
  blockBytes?: number;
  /** A longer line is reported as bad and skipped. */
  maxLineBytes?: number;
  signal?: AbortSignal;
}

/** Where to start: the file offset just after a line, and that line's number (0 and 0 for the start). */
export interface LinePosition {
  offset: number;
  line: number;
}

export const DEFAULT_BLOCK_BYTES = 4 << 20;
const NEWLINE = 0x0a;
const CR = 0x0d;
const START: LinePosition = { offset: 0, line: 0 };

export async function* readLineBlocks(
  file: string,
  from: LinePosition = START,
  options: LineOptions = {},
): AsyncGenerator<LineBlock> {
  const blockBytes = options.blockBytes ?? DEFAULT_BLOCK_BYTES;
  const maxLineBytes = options.maxLineBytes ?? MAX_RECORD_BYTES;
  const handle = await openFile(file);
  try {
    let readAt = from.offset;
    let line = from.line + 1;
    let carry: Buffer | null = null;
    let atFileStart = from.offset === 0;
    let skipped: SkippedLine | null = null;
    for (;;) {
      throwIfAborted(options.signal);
      if (carry !== null && carry.length > maxLineBytes) {
        // Too long to hold: count its bytes up to the next newline, then carry on after it.
        const skip = await skipLine(handle, readAt, blockBytes);
        skipped = { line, bytes: carry.length + skip.bytes, endOffset: skip.end };
        readAt = skip.end;
        carry = null;
        line++;
        if (!skip.newline) {
          yield { bytes: Buffer.alloc(0), start: readAt, firstLine: line, skipped };
          return;
        }
        continue;
      }
      const size = Math.max(blockBytes, (carry?.length ?? 0) * 2);
      const buf = Buffer.allocUnsafe(size);
      const kept: number = carry ? carry.copy(buf, 0) : 0;
      const bufStart = readAt - kept;
      const { bytesRead } = await handle.read(buf, kept, size - kept, readAt);
      readAt += bytesRead;
      const filled: number = kept + bytesRead;
      let begin = 0;
      // A UTF-8 byte-order mark is not part of the first line.
      if (atFileStart && filled >= 3 && buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) begin = 3;
      if (filled >= 3 || bytesRead === 0) atFileStart = false;
      if (bytesRead === 0) {
        if (filled > begin || skipped)
          yield { bytes: buf.subarray(begin, filled), start: bufStart + begin, firstLine: line, skipped };
        return;
      }
      const lastNewline = buf.lastIndexOf(NEWLINE, filled - 1);
      if (lastNewline < begin) {
        // No line ends in this block: keep it all and read more (without the BOM, already skipped).
        carry = Buffer.from(buf.subarray(begin, filled));
        continue;
      }
      const bytes = buf.subarray(begin, lastNewline + 1);
      carry = lastNewline + 1 < filled ? Buffer.from(buf.subarray(lastNewline + 1, filled)) : null;
      // Counted before yielding: the consumer may transfer the block's memory to a worker.
      const lines = countNewlines(bytes);
      yield { bytes, start: bufStart + begin, firstLine: line, skipped };
      skipped = null;
      line += lines;
    }
  } finally {
    await handle.close();
  }
}

async function skipLine(
  handle: Awaited<ReturnType<typeof openFile>>,
  from: number,
  blockBytes: number,
): Promise<{ bytes: number; end: number; newline: boolean }> {
  const buf = Buffer.allocUnsafe(blockBytes);
  let at = from;
  for (;;) {
    const { bytesRead } = await handle.read(buf, 0, blockBytes, at);
    if (bytesRead === 0) return { bytes: at - from, end: at, newline: false };
    const nl = buf.subarray(0, bytesRead).indexOf(NEWLINE);
    if (nl >= 0) return { bytes: at + nl - from, end: at + nl + 1, newline: true };
    at += bytesRead;
  }
}

function countNewlines(bytes: Buffer): number {
  let n = 0;
  for (let at = bytes.indexOf(NEWLINE); at !== -1; at = bytes.indexOf(NEWLINE, at + 1)) n++;
  return n;
}

/** One non-blank line of a block: bytes buf[from, to) (valid UTF-8, no line break), and its text when decoded. */
export interface LineRef {
  buf: Buffer;
  from: number;
  to: number;
  line: number;
  /** File offset just after the line (its resume point). */
  endOffset: number;
  text: string | null;
}

export interface LineVisitor {
  line(ref: LineRef): void;
  bad(line: number, endOffset: number, error: RecordError): void;
}

function isBlank(buf: Buffer, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = buf[i];
    if (c !== 0x20 && c !== 0x09 && c !== CR) return false;
  }
  return true;
}

export function tooLongError(bytes: number, max: number): RecordError {
  return {
    code: 'PARSE_ERROR',
    message: `line is ${mib(bytes)} long; records over ${mib(max)} are not supported`,
    excerpt: null,
  };
}

export function encodingError(bytes: Buffer): RecordError {
  return {
    code: 'ENCODING_ERROR',
    message: `line ${NOT_UTF8}`,
    excerpt: excerpt(bytes.subarray(0, 400).toString('utf8')),
  };
}

/**
 * Visits every non-blank line of a block; returns the number of its last line. With `decode`, each line's text
 * comes with it: a block that is valid UTF-8 throughout is decoded once and cut, so a line costs a slice.
 */
export function forEachLine(
  block: LineBlock,
  visit: LineVisitor,
  decode = false,
  maxLineBytes = MAX_RECORD_BYTES,
): number {
  const buf = block.bytes;
  if (block.skipped)
    visit.bad(block.skipped.line, block.skipped.endOffset, tooLongError(block.skipped.bytes, maxLineBytes));
  const allUtf8 = isUtf8(buf);
  const text = decode && allUtf8 ? buf.toString('utf8') : null;
  // In ASCII text, characters and bytes are at the same positions.
  const ascii = text !== null && text.length === buf.length;
  let line = block.firstLine - 1;
  let at = 0;
  let textAt = 0;
  while (at < buf.length) {
    const nl = buf.indexOf(NEWLINE, at);
    const next = nl === -1 ? buf.length : nl + 1;
    let end = nl === -1 ? buf.length : nl;
    let textEnd = end;
    let textNext = next;
    if (text !== null && !ascii) {
      const textNl = text.indexOf('\n', textAt);
      textEnd = textNl === -1 ? text.length : textNl;
      textNext = textEnd + 1;
    }
    line++;
    if (end > at && buf[end - 1] === CR) {
      end--;
      textEnd--;
    }
    if (!isBlank(buf, at, end)) {
      const endOffset = block.start + next;
      if (end - at > maxLineBytes) visit.bad(line, endOffset, tooLongError(end - at, maxLineBytes));
      else if (!allUtf8 && !isUtf8(buf.subarray(at, end)))
        visit.bad(line, endOffset, encodingError(buf.subarray(at, end)));
      else {
        const lineText = !decode
          ? null
          : text !== null
            ? text.slice(ascii ? at : textAt, textEnd)
            : buf.toString('utf8', at, end);
        visit.line({ buf, from: at, to: end, line, endOffset, text: lineText });
      }
    }
    at = next;
    textAt = ascii ? next : textNext;
  }
  return line;
}

/** The text lines of a file, a block at a time: every non-blank line as a record (or why it cannot be read). */
export async function* readTextLines(
  file: string,
  from: LinePosition = START,
  options: LineOptions = {},
): AsyncGenerator<RecordBatch> {
  const maxLineBytes = options.maxLineBytes ?? MAX_RECORD_BYTES;
  for await (const block of readLineBlocks(file, from, options)) {
    const records: TextRecord[] = [];
    forEachLine(
      block,
      {
        line: (ref) => records.push({ line: ref.line, endOffset: ref.endOffset, text: ref.text, error: null }),
        bad: (line, endOffset, error) => records.push(badRecord(line, endOffset, error)),
      },
      true,
      maxLineBytes,
    );
    yield { records, bytesDone: block.start + block.bytes.length };
  }
}
