// The one streaming JSON scanner: cuts a byte stream into top-level JSON values without parsing them, so a
// GB file never sits in memory and one broken value is one bad record. Two layouts:
// - 'values': values written one after another (JSON Lines, but also pretty-printed objects, as older xtuner
//   dumps and json.dump(..., indent=2) write them); text between values is reported as one bad record.
// - 'array': the elements of one top-level array (`[ {...}, {...} ]`); broken structure around the elements
//   cannot be resynchronised, so it ends the read with the line where it happened.
// It tracks strings, escapes and bracket depth on raw bytes (every structural character is ASCII, so multi-byte
// UTF-8 never confuses it), reports the line where each value starts and its end offset, and checks each value
// as UTF-8. The values are parsed afterwards (./json-parse.ts), each on its own.
import { isUtf8 } from 'node:buffer';
import path from 'node:path';
import { CuratorError } from '../../shared/errors';
import { readChunks, throwIfAborted } from './files';
import { MAX_RECORD_BYTES, READ_CHUNK_BYTES, excerpt, mib } from './limits';
import type { RecordBatch, TextRecord } from './records';
import { NOT_UTF8, badRecord } from './records';

export type JsonLayout = 'values' | 'array';

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const NEWLINE = 0x0a;
const COMMA = 0x2c;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;

const enum Place {
  /** Array layout, before its '['. */
  BeforeArray,
  /** Between values (or after '[' / ',' in an array). */
  Between,
  InValue,
  /** Array layout, after its ']'. */
  AfterArray,
}

export class JsonScanner {
  private place: Place;
  private line = 1;
  /** File offset of the start of the current chunk. */
  private offset = 0;
  private depth = 0;
  private inString = false;
  private escapeNext = false;
  private parts: Buffer[] = [];
  private partBytes = 0;
  private valueLine = 0;
  /** Stray text between values ('values' layout): where it started and its first bytes, for the excerpt. */
  private stray: { line: number; head: number[] } | null = null;
  private sawValue = false;

  constructor(
    private readonly layout: JsonLayout,
    private readonly fileName: string,
    private readonly maxRecordBytes = MAX_RECORD_BYTES,
  ) {
    this.place = layout === 'array' ? Place.BeforeArray : Place.Between;
  }

  /** Bytes of an unfinished value held from earlier chunks (not yet consumed, for progress). */
  get pendingBytes(): number {
    return this.partBytes;
  }

  /** Feeds the next chunk (starting at file offset `offset`); returns the values it completed. */
  push(bytes: Buffer, offset = this.offset): TextRecord[] {
    this.offset = offset;
    const done: TextRecord[] = [];
    const chunkIsUtf8 = isUtf8(bytes);
    let valueStart = this.place === Place.InValue ? 0 : -1;
    const n = bytes.length;
    for (let i = 0; i < n; i++) {
      const c = bytes[i] as number;
      if (this.place === Place.InValue) {
        if (this.inString) {
          if (this.escapeNext) {
            // The byte after a backslash that ended the previous read.
            this.escapeNext = false;
            if (c === NEWLINE) this.line++;
            continue;
          }
          // Jump to the next unescaped quote: strings are most of the bytes.
          let q = bytes.indexOf(QUOTE, i);
          while (q >= 0 && isEscaped(bytes, q, i)) q = bytes.indexOf(QUOTE, q + 1);
          if (q < 0) {
            this.line += countNewlines(bytes, i, n);
            this.escapeNext = trailingBackslashes(bytes, i, n) % 2 === 1;
            break;
          }
          this.line += countNewlines(bytes, i, q);
          this.inString = false;
          i = q;
          continue;
        }
        if (c === QUOTE) this.inString = true;
        else if (c === OPEN_BRACE || c === OPEN_BRACKET) this.depth++;
        else if (c === CLOSE_BRACE || c === CLOSE_BRACKET) {
          if (this.layout === 'array' && this.depth === 0) {
            // An array element ends at the array's ']'.
            if (c === CLOSE_BRACE) throw this.fatal(this.line, "unbalanced '}'");
            done.push(this.finish(bytes, valueStart, i, chunkIsUtf8));
            valueStart = -1;
            this.place = Place.AfterArray;
          } else if (--this.depth === 0 && this.layout === 'values') {
            done.push(this.finish(bytes, valueStart, i + 1, chunkIsUtf8));
            valueStart = -1;
            this.place = Place.Between;
          }
        } else if (c === COMMA && this.depth === 0 && this.layout === 'array') {
          done.push(this.finish(bytes, valueStart, i, chunkIsUtf8));
          valueStart = -1;
          this.place = Place.Between;
        } else if (c === NEWLINE) this.line++;
        continue;
      }
      const space = c === 0x20 || c === NEWLINE || c === 0x0d || c === 0x09;
      if (this.layout === 'values') {
        if (c === OPEN_BRACE || c === OPEN_BRACKET) {
          this.flushStray(done, offset + i);
          this.startValue(i);
          valueStart = i;
          this.depth = 1;
          continue;
        }
        if (!this.stray && space) {
          if (c === NEWLINE) this.line++;
          continue;
        }
        this.stray ??= { line: this.line, head: [] };
        if (this.stray.head.length < 80) this.stray.head.push(c);
        if (c === NEWLINE) this.line++;
        continue;
      }
      if (space) {
        if (c === NEWLINE) this.line++;
        continue;
      }
      if (this.place === Place.BeforeArray) {
        if (c !== OPEN_BRACKET)
          throw this.fatal(
            this.line,
            `a .json file must hold an array of records ([{...}, {...}]); it starts with ` +
              `'${String.fromCharCode(c)}'. For one object per line, use JSON Lines.`,
          );
        this.place = Place.Between;
      } else if (this.place === Place.Between) {
        // ']' here closes an empty array, or follows a trailing comma (tolerated).
        if (c === CLOSE_BRACKET) this.place = Place.AfterArray;
        else if (c === COMMA) throw this.fatal(this.line, 'empty element (two commas in a row)');
        else {
          this.startValue(i);
          valueStart = i;
          i--; // read this byte again, as the element's first
        }
      } else {
        throw this.fatal(this.line, `unexpected '${String.fromCharCode(c)}' after the closing ']' of the array`);
      }
    }
    if (this.place === Place.InValue) this.keep(bytes.subarray(valueStart));
    this.offset = offset + n;
    return done;
  }

  /** Call at the end of the input: reports an unclosed value or trailing stray text. */
  end(): TextRecord[] {
    const done: TextRecord[] = [];
    if (this.layout === 'array') {
      if (this.place === Place.BeforeArray)
        throw new CuratorError('EMPTY_FILE', `${this.fileName} holds no JSON array.`, { file: this.fileName });
      if (this.place === Place.InValue)
        throw this.fatal(this.valueLine, 'the file ends inside this element (unclosed string, bracket or array)');
      if (this.place === Place.Between) throw this.fatal(this.line, "the file ends before the array's closing ']'");
      return done;
    }
    if (this.place === Place.InValue) {
      done.push(
        badRecord(this.valueLine, this.offset, {
          code: 'PARSE_ERROR',
          message:
            `the JSON value starting on line ${this.valueLine} is not closed before the end of the file ` +
            '(truncated file?)',
          excerpt: this.parts.length > 0 ? excerpt(Buffer.concat(this.parts).subarray(0, 400).toString('utf8')) : null,
        }),
      );
      this.parts = [];
      this.partBytes = 0;
      this.place = Place.Between;
    }
    this.flushStray(done, this.offset);
    return done;
  }

  private startValue(_at: number): void {
    this.place = Place.InValue;
    this.valueLine = this.line;
    this.depth = 0;
    this.inString = false;
    this.escapeNext = false;
  }

  private fatal(line: number, message: string): CuratorError {
    return new CuratorError('PARSE_ERROR', `${this.fileName}: line ${line}: ${message}`, { file: this.fileName, line });
  }

  private keep(piece: Buffer): void {
    this.partBytes += piece.length;
    // Past the limit the bytes are only counted, so one huge value cannot exhaust memory.
    if (this.partBytes > this.maxRecordBytes) this.parts = [];
    else this.parts.push(piece);
  }

  private finish(chunk: Buffer, start: number, stop: number, chunkIsUtf8: boolean): TextRecord {
    const total = this.partBytes + (stop - start);
    const endOffset = this.offset + stop;
    const line = this.valueLine;
    const spans = this.parts.length > 0;
    const parts = this.parts;
    this.parts = [];
    this.partBytes = 0;
    this.sawValue = true;
    if (total > this.maxRecordBytes) {
      return badRecord(line, endOffset, {
        code: 'PARSE_ERROR',
        message: `record is ${mib(total)} long; records over ${mib(this.maxRecordBytes)} are not supported`,
        excerpt: null,
      });
    }
    const whole = spans ? Buffer.concat([...parts, chunk.subarray(start, stop)], total) : chunk.subarray(start, stop);
    if ((spans || !chunkIsUtf8) && !isUtf8(whole)) {
      return badRecord(line, endOffset, {
        code: 'ENCODING_ERROR',
        message: `record ${NOT_UTF8}`,
        excerpt: excerpt(whole.subarray(0, 400).toString('utf8')),
      });
    }
    return { line, endOffset, text: whole.toString('utf8'), error: null };
  }

  private flushStray(done: TextRecord[], endOffset: number): void {
    if (!this.stray) return;
    const where = this.sawValue ? 'between JSON values' : 'before the first JSON value';
    const text = Buffer.from(this.stray.head).toString('utf8').trim();
    done.push(
      badRecord(this.stray.line, endOffset, {
        code: 'PARSE_ERROR',
        message: `unexpected text ${where}: ${JSON.stringify(text)}`,
        excerpt: excerpt(text),
      }),
    );
    this.stray = null;
  }
}

/** True when the quote at `q` is preceded by an odd number of backslashes (within this chunk, from `from`). */
function isEscaped(bytes: Buffer, q: number, from: number): boolean {
  let k = q - 1;
  let count = 0;
  while (k >= from && bytes[k] === BACKSLASH) {
    count++;
    k--;
  }
  return count % 2 === 1;
}

function trailingBackslashes(bytes: Buffer, from: number, stop: number): number {
  let k = stop - 1;
  while (k >= from && bytes[k] === BACKSLASH) k--;
  return stop - 1 - k;
}

function countNewlines(bytes: Buffer, start: number, stop: number): number {
  let count = 0;
  let at = bytes.indexOf(NEWLINE, start);
  while (at >= 0 && at < stop) {
    count++;
    at = bytes.indexOf(NEWLINE, at + 1);
  }
  return count;
}

export interface ScanOptions {
  chunkBytes?: number;
  maxRecordBytes?: number;
  signal?: AbortSignal;
}

/** The values of a JSON file in the given layout, a chunk at a time. */
export async function* readJsonValues(
  file: string,
  layout: JsonLayout,
  options: ScanOptions = {},
): AsyncGenerator<RecordBatch> {
  const scanner = new JsonScanner(layout, path.basename(file), options.maxRecordBytes);
  let end = 0;
  for await (const chunk of readChunks(file, options.chunkBytes ?? READ_CHUNK_BYTES)) {
    throwIfAborted(options.signal);
    const records = scanner.push(chunk.bytes, chunk.end - chunk.bytes.length);
    end = chunk.end;
    yield { records, bytesDone: end - scanner.pendingBytes };
  }
  yield { records: scanner.end(), bytesDone: end };
}

/**
 * How a JSON Lines file is laid out, from its first bytes: 'values' when its first value spans several lines
 * (pretty-printed objects one after another), 'lines' otherwise. A first line that is broken (a raw newline in
 * a string, never written by a JSON library) stays 'lines', so a bad line costs only itself.
 */
export function detectJsonLinesLayout(head: Buffer): 'lines' | 'values' {
  let i = head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf ? 3 : 0;
  while (i < head.length && (head[i] === 0x20 || head[i] === 0x09 || head[i] === 0x0d || head[i] === NEWLINE)) i++;
  if (head[i] !== OPEN_BRACE && head[i] !== OPEN_BRACKET) return 'lines';
  let depth = 0;
  let newlines = 0;
  for (; i < head.length; i++) {
    const c = head[i];
    if (c === QUOTE) {
      for (i++; i < head.length && head[i] !== QUOTE; i++) {
        if (head[i] === BACKSLASH) i++;
        else if (head[i] === NEWLINE) return 'lines';
      }
    } else if (c === OPEN_BRACE || c === OPEN_BRACKET) depth++;
    else if (c === CLOSE_BRACE || c === CLOSE_BRACKET) {
      if (--depth === 0) return newlines > 0 ? 'values' : 'lines';
    } else if (c === NEWLINE) newlines++;
  }
  return newlines > 0 ? 'values' : 'lines';
}
