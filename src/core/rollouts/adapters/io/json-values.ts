// Streams a file of concatenated JSON values: JSONL, but also pretty-printed objects written one after
// another (older xtuner v1 dumps use json.dump(..., indent=2)). The splitter tracks strings, escapes and
// bracket depth on raw bytes (every structural character is ASCII, so multi-byte UTF-8 never confuses it)
// and reports the line where each value starts. Values must be objects or arrays; other text between
// values is reported as one bad entry and skipped.
import { CuratorError } from '../../../../shared/errors';
import { MAX_ENTRY_BYTES, decodeParts, openChunks, throwIfAborted } from './raw-entry';
import type { RawEntry } from './raw-entry';

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const NEWLINE = 0x0a;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;

function isSpace(byte: number): boolean {
  return byte === 0x20 || byte === NEWLINE || byte === 0x0d || byte === 0x09;
}

export class ConcatenatedJsonSplitter {
  private line = 1;
  private offset = 0;
  private depth = 0;
  private inString = false;
  private escaped = false;
  private parts: Buffer[] = [];
  private partBytes = 0;
  private valueLine = 0;
  /** Stray text between values: where it started and its first bytes (for the excerpt). */
  private stray: { line: number; head: number[] } | null = null;
  private sawFirstValue = false;

  /** Feeds the next chunk; returns the values it completed. */
  push(chunk: Buffer): RawEntry[] {
    const done: RawEntry[] = [];
    let valueStart = this.depth > 0 ? 0 : -1;
    const next = new NextByte(chunk);
    for (let i = 0; i < chunk.length; i++) {
      const byte = chunk[i] as number;
      if (this.depth === 0) {
        if (byte === OPEN_BRACE || byte === OPEN_BRACKET) {
          this.flushStray(done, this.offset + i);
          this.depth = 1;
          this.valueLine = this.line;
          valueStart = i;
          continue;
        }
        const isBom = this.offset + i <= 2 && (byte === 0xef || byte === 0xbb || byte === 0xbf);
        if (!this.stray && (isSpace(byte) || isBom)) {
          if (byte === NEWLINE) this.line++;
          continue;
        }
        if (!this.stray) this.stray = { line: this.line, head: [] };
        if (this.stray.head.length < 80) this.stray.head.push(byte);
        if (byte === NEWLINE) this.line++;
        continue;
      }
      if (this.inString) {
        if (this.escaped) {
          this.escaped = false;
          continue;
        }
        // Strings are most of the bytes: jump to the next quote or backslash instead of looping.
        const stop = next.quoteOrBackslash(i);
        this.line += next.newlinesBetween(i, stop === -1 ? chunk.length : stop);
        if (stop === -1) break;
        i = stop;
        if (chunk[i] === BACKSLASH) this.escaped = true;
        else this.inString = false;
        continue;
      }
      if (byte === QUOTE) this.inString = true;
      else if (byte === OPEN_BRACE || byte === OPEN_BRACKET) this.depth++;
      else if (byte === CLOSE_BRACE || byte === CLOSE_BRACKET) {
        this.depth--;
        if (this.depth === 0) {
          done.push(this.finishValue(chunk.subarray(valueStart, i + 1), this.offset + i + 1));
          valueStart = -1;
        }
      } else if (byte === NEWLINE) this.line++;
    }
    if (valueStart !== -1) this.keep(chunk.subarray(valueStart));
    this.offset += chunk.length;
    return done;
  }

  /** Call at end of input: reports an unterminated value or trailing stray text. */
  end(): RawEntry[] {
    const done: RawEntry[] = [];
    if (this.depth > 0) {
      done.push({
        line: this.valueLine,
        endOffset: this.offset,
        text: null,
        error:
          `the JSON value starting on ` +
          `line ${this.valueLine} is not closed before the end of the file (truncated file?)`,
      });
      this.reset();
    }
    this.flushStray(done, this.offset);
    return done;
  }

  private keep(piece: Buffer): void {
    if (this.partBytes + piece.length > MAX_ENTRY_BYTES) {
      throw new CuratorError(
        'PARSE_ERROR',
        `The JSON value starting on ` +
          `line ${this.valueLine} is larger than ${MAX_ENTRY_BYTES} bytes (unbalanced brackets?)`,
      );
    }
    this.parts.push(piece);
    this.partBytes += piece.length;
  }

  private finishValue(lastPiece: Buffer, endOffset: number): RawEntry {
    this.keep(lastPiece);
    const text = decodeParts(this.parts, false);
    const entry: RawEntry = { line: this.valueLine, endOffset, text };
    this.sawFirstValue = true;
    this.reset();
    return entry;
  }

  private reset(): void {
    this.parts = [];
    this.partBytes = 0;
    this.depth = 0;
    this.inString = false;
    this.escaped = false;
  }

  private flushStray(done: RawEntry[], endOffset: number): void {
    if (!this.stray) return;
    const where = this.sawFirstValue ? 'between JSON values' : 'before the first JSON value';
    done.push({
      line: this.stray.line,
      endOffset,
      text: null,
      error: `unexpected text ${where}: ${JSON.stringify(Buffer.from(this.stray.head).toString('utf8').trim())}`,
    });
    this.stray = null;
  }
}

/** Cached positions of the next quote, backslash and newline in one chunk (each found with indexOf). */
class NextByte {
  private quote = -2;
  private backslash = -2;
  private newline = -2;

  constructor(private readonly chunk: Buffer) {}

  /** Index of the first quote or backslash at or after `from`, or -1. */
  quoteOrBackslash(from: number): number {
    if (this.quote !== -1 && this.quote < from) this.quote = this.chunk.indexOf(QUOTE, from);
    if (this.backslash !== -1 && this.backslash < from) this.backslash = this.chunk.indexOf(BACKSLASH, from);
    if (this.quote === -1) return this.backslash;
    if (this.backslash === -1) return this.quote;
    return Math.min(this.quote, this.backslash);
  }

  /** Raw newlines in [from, to) (invalid inside JSON strings, but counted so line numbers stay right). */
  newlinesBetween(from: number, to: number): number {
    let count = 0;
    for (;;) {
      if (this.newline !== -1 && this.newline < from) this.newline = this.chunk.indexOf(NEWLINE, from);
      if (this.newline === -1 || this.newline >= to) return count;
      count++;
      from = this.newline + 1;
    }
  }
}

export async function* readJsonValues(path: string, signal?: AbortSignal): AsyncGenerator<RawEntry> {
  const splitter = new ConcatenatedJsonSplitter();
  for await (const chunk of openChunks(path) as AsyncIterable<Buffer>) {
    throwIfAborted(signal);
    yield* splitter.push(chunk);
  }
  yield* splitter.end();
}
