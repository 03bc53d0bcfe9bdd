// JSON array reader: `[ {...}, {...} ]` parsed as a stream of top-level elements, never as one
// JSON.parse of the whole file. A small byte scanner finds where each element ends (tracking nesting and
// strings across reads); each element is then parsed on its own, so a bad element is one bad record.
import { isUtf8 } from 'node:buffer';
import path from 'node:path';
import { CuratorError } from '../../shared/errors';
import { readChunks } from './file-chunks';
import { parseJsonRecord } from './json-value';
import type { ReaderOptions, SourceItem, SourceReader } from './types';
import { DEFAULT_MAX_RECORD_BYTES, badItem, excerpt, mib } from './types';

const enum State {
  BeforeArray,
  ExpectElement,
  InElement,
  AfterArray,
}

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const NEWLINE = 0x0a;

export async function* readJsonArray(file: string, options: ReaderOptions = {}): SourceReader {
  const maxRecordBytes = options.maxRecordBytes ?? DEFAULT_MAX_RECORD_BYTES;
  const name = path.basename(file);
  let state = State.BeforeArray;
  let line = 1;
  let depth = 0;
  let inString = false;
  let escapeNext = false;
  let elementLine = 0;
  let parts: Buffer[] = [];
  let partBytes = 0;

  const fatal = (at: number, message: string): CuratorError =>
    new CuratorError('PARSE_ERROR', `${name}: line ${at}: ${message}`, { file, line: at });

  const finishElement = (
    chunk: Buffer,
    start: number,
    stop: number,
    chunkIsUtf8: boolean,
    items: SourceItem[],
  ): void => {
    const total = partBytes + (stop - start);
    if (total > maxRecordBytes) {
      items.push(
        badItem(elementLine, {
          code: 'PARSE_ERROR',
          message: `element is ${mib(total)} long; records over ${mib(maxRecordBytes)} are not supported`,
          excerpt: null,
        }),
      );
    } else {
      const whole =
        parts.length === 0
          ? chunk.subarray(start, stop)
          : Buffer.concat([...parts, chunk.subarray(start, stop)], total);
      if ((parts.length > 0 || !chunkIsUtf8) && !isUtf8(whole)) {
        items.push(
          badItem(elementLine, {
            code: 'ENCODING_ERROR',
            message: 'element is not valid UTF-8 text (save the file as UTF-8)',
            excerpt: excerpt(whole.subarray(0, 400).toString('utf8')),
          }),
        );
      } else {
        items.push(parseJsonRecord(whole.toString('utf8'), elementLine, 'element'));
      }
    }
    parts = [];
    partBytes = 0;
  };

  for await (const { bytes, end } of readChunks(file, options.chunkBytes)) {
    const items: SourceItem[] = [];
    const chunkIsUtf8 = isUtf8(bytes);
    let elementStart = state === State.InElement ? 0 : -1;
    const n = bytes.length;
    for (let i = 0; i < n; i++) {
      const c = bytes[i] as number;
      if (state === State.InElement) {
        if (inString) {
          if (escapeNext) {
            // The byte after a backslash that ended the previous read.
            escapeNext = false;
            if (c === NEWLINE) line++;
            continue;
          }
          // Jump to the next unescaped quote: strings are most of the bytes.
          let q = bytes.indexOf(QUOTE, i);
          while (q >= 0 && isEscaped(bytes, q, i)) q = bytes.indexOf(QUOTE, q + 1);
          if (q < 0) {
            line += countNewlines(bytes, i, n);
            escapeNext = trailingBackslashes(bytes, i, n) % 2 === 1;
            break;
          }
          line += countNewlines(bytes, i, q);
          inString = false;
          i = q;
          continue;
        }
        if (c === QUOTE) inString = true;
        else if (c === 0x7b || c === 0x5b) depth++;
        else if (c === 0x7d || (c === 0x5d && depth > 0)) {
          if (--depth < 0) throw fatal(line, "unbalanced '}'");
        } else if (depth === 0 && (c === 0x2c || c === 0x5d)) {
          finishElement(bytes, elementStart, i, chunkIsUtf8, items);
          elementStart = -1;
          state = c === 0x2c ? State.ExpectElement : State.AfterArray;
        } else if (c === NEWLINE) line++;
        continue;
      }
      if (c === NEWLINE) {
        line++;
        continue;
      }
      if (c === 0x20 || c === 0x09 || c === 0x0d) continue;
      if (state === State.BeforeArray) {
        if (c !== 0x5b)
          throw fatal(
            line,
            `a .json file must hold an array of records ([{...}, {...}]); it starts with ` +
              `'${String.fromCharCode(c)}'. For one object per line, use JSON Lines.`,
          );
        state = State.ExpectElement;
      } else if (state === State.ExpectElement) {
        // ']' here closes an empty array, or follows a trailing comma (tolerated).
        if (c === 0x5d) state = State.AfterArray;
        else if (c === 0x2c) throw fatal(line, 'empty element (two commas in a row)');
        else {
          state = State.InElement;
          elementStart = i;
          elementLine = line;
          depth = 0;
          i--; // read this byte again, as the element's first
        }
      } else {
        throw fatal(line, `unexpected '${String.fromCharCode(c)}' after the closing ']' of the array`);
      }
    }
    if (state === State.InElement) {
      const tail = bytes.subarray(elementStart);
      partBytes += tail.length;
      if (partBytes > maxRecordBytes) parts = [];
      else parts.push(tail);
    }
    yield { items, bytesDone: end - partBytes };
  }
  if (state === State.BeforeArray) throw new CuratorError('EMPTY_FILE', `${name} holds no JSON array.`, { file });
  if (state !== State.AfterArray) {
    throw fatal(
      state === State.InElement ? elementLine : line,
      state === State.InElement
        ? 'the file ends inside this element (unclosed string, bracket or array)'
        : "the file ends before the array's closing ']'",
    );
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
