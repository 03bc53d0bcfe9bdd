// What the byte-level readers hand to the adapters: one JSON text (a line, or one value of a stream of
// concatenated values) with where it came from. Decoding happens per entry, so a GB file never sits in memory.
import fs from 'node:fs';
import { CuratorError } from '../../../../shared/errors';

export interface RawEntry {
  /** 1-based line where the entry starts. */
  line: number;
  /** Byte offset just after the entry (resume point). */
  endOffset: number;
  /** The entry's text, or null when it could not be cut out (see `error`). */
  text: string | null;
  error?: string;
}

/** One record may not exceed this; beyond it the file is broken (an unclosed brace, no newlines). */
export const MAX_ENTRY_BYTES = 256 * 1024 * 1024;

export const READ_CHUNK_BYTES = 1024 * 1024;

export function openChunks(path: string): fs.ReadStream {
  return fs.createReadStream(path, { highWaterMark: READ_CHUNK_BYTES });
}

export function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new CuratorError('CANCELLED', 'The import was cancelled.');
}

/** UTF-8 text of the collected parts, without a leading byte-order mark. */
export function decodeParts(parts: Buffer[], stripBom: boolean): string {
  const text = (parts.length === 1 ? (parts[0] as Buffer) : Buffer.concat(parts)).toString('utf8');
  return stripBom && text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}
