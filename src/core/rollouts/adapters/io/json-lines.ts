// Streams a JSONL file line by line (bytes, not strings, so offsets are exact). Blank lines are skipped;
// a broken line stays one bad entry and never drags its neighbours down, which is why JSONL formats use
// this reader rather than the concatenated-value splitter.
import { MAX_ENTRY_BYTES, decodeParts, openChunks, throwIfAborted } from './raw-entry';
import type { RawEntry } from './raw-entry';

const NEWLINE = 0x0a;

export async function* readJsonLines(path: string, signal?: AbortSignal): AsyncGenerator<RawEntry> {
  let parts: Buffer[] = [];
  let partBytes = 0;
  let oversized = false;
  let line = 1;
  let offset = 0;
  for await (const chunk of openChunks(path) as AsyncIterable<Buffer>) {
    throwIfAborted(signal);
    let start = 0;
    for (let nl = chunk.indexOf(NEWLINE); nl !== -1; nl = chunk.indexOf(NEWLINE, start)) {
      const piece = chunk.subarray(start, nl);
      const endOffset = offset + nl + 1;
      const entry = finishLine(
        oversized ? [] : [...parts, piece],
        oversized || partBytes + piece.length > MAX_ENTRY_BYTES,
        line,
        endOffset,
      );
      if (entry) yield entry;
      parts = [];
      partBytes = 0;
      oversized = false;
      line++;
      start = nl + 1;
    }
    if (start < chunk.length && !oversized) {
      const rest = chunk.subarray(start);
      partBytes += rest.length;
      if (partBytes > MAX_ENTRY_BYTES) {
        oversized = true;
        parts = [];
      } else parts.push(rest);
    }
    offset += chunk.length;
  }
  const last = finishLine(parts, oversized, line, offset);
  if (last) yield last;
}

function finishLine(parts: Buffer[], oversized: boolean, line: number, endOffset: number): RawEntry | null {
  if (oversized) return { line, endOffset, text: null, error: `line is longer than ${MAX_ENTRY_BYTES} bytes` };
  const text = decodeParts(parts, line === 1).replace(/\r$/, '');
  if (text.trim() === '') return null;
  return { line, endOffset, text };
}
