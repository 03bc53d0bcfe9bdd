// A block of whole native-format lines -> prepared rollouts and bad lines. Pure and synchronous: the
// import runs it in parse workers (two cores), `validate` and the adapter run it in the calling thread.
import { isUtf8 } from 'node:buffer';
import type { RecordIssue } from '../../../shared/domain';
import { prepareRollout } from '../prepare';
import type { PreparedRollout } from '../prepared';
import type { RolloutRecord } from '../record';
import { fastNativeLine } from './fast-line';
import { nativeValueToRecord } from './line';
import { parseLenient } from './non-finite';

export type BlockItem = { kind: 'rollout'; rollout: PreparedRollout } | { kind: 'bad'; line: number; endOffset: number; issues: RecordIssue[] };

export interface ParsedBlock {
  items: BlockItem[];
  /** File offset just after the block, and its last line number: the resume point once it is stored. */
  endOffset: number;
  lastLine: number;
}

const NEWLINE = 0x0a;
const EXCERPT_CHARS = 200;

/** Calls `onLine` for every non-blank line with its text, number and the file offset just after it. */
export function forEachLine(bytes: Uint8Array, start: number, firstLine: number, file: string, onLine: (text: string, line: number, endOffset: number) => void, onBad: (issue: RecordIssue, endOffset: number) => void): number {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (!isUtf8(buf)) return forEachLineBytes(buf, start, firstLine, file, onLine, onBad);
  // One decode for the block; lines are slices of it. In pure ASCII, characters are bytes.
  const text = buf.toString('utf8');
  const ascii = text.length === buf.length;
  let line = firstLine - 1;
  let at = 0;
  let byteAt = start;
  while (at < text.length) {
    const nl = text.indexOf('\n', at);
    const next = nl === -1 ? text.length : nl + 1;
    let end = nl === -1 ? text.length : nl;
    line++;
    if (end > at && text.charCodeAt(end - 1) === 0x0d) end--; // CRLF
    const nextByte = ascii ? start + next : byteAt + Buffer.byteLength(text.slice(at, next));
    if (end > at) {
      const lineText = text.slice(at, end);
      if (lineText.trim() !== '') onLine(lineText, line, nextByte); // blank lines are counted, not records
    }
    byteAt = nextByte;
    at = next;
  }
  return line;
}

/** The same, line by line over bytes, for a block with invalid UTF-8: only the bad lines are reported. */
function forEachLineBytes(buf: Buffer, start: number, firstLine: number, file: string, onLine: (text: string, line: number, endOffset: number) => void, onBad: (issue: RecordIssue, endOffset: number) => void): number {
  let line = firstLine - 1;
  let at = 0;
  while (at < buf.length) {
    const nl = buf.indexOf(NEWLINE, at);
    const next = nl === -1 ? buf.length : nl + 1;
    let end = nl === -1 ? buf.length : nl;
    line++;
    if (end > at && buf[end - 1] === 0x0d) end--;
    if (end > at) {
      if (!isUtf8(buf.subarray(at, end))) {
        onBad({ file, line, field: null, message: 'the line is not valid UTF-8 text (save the file as UTF-8)', excerpt: null }, start + next);
      } else {
        const text = buf.toString('utf8', at, end);
        if (text.trim() !== '') onLine(text, line, start + next);
      }
    }
    at = next;
  }
  return line;
}

/** Parses one line's JSON and checks its fields; the record is not yet prepared. */
export function parseNativeLine(text: string, line: number, endOffset: number, file: string): { ok: true; record: RolloutRecord } | { ok: false; issues: RecordIssue[] } {
  const fast = fastNativeLine(text, line, file);
  if (!fast) return parseNativeLineSlow(text, line, endOffset, file);
  if (!fast.ok) return fast;
  // Callers of this function want plain records: the signals go back to number arrays.
  fast.record.endOffset = endOffset;
  for (const [name, values] of fast.signals) fast.record.signals[name] = Array.from(values);
  return { ok: true, record: fast.record };
}

/** A line straight to a prepared rollout (the import's path): the fast path's Float32 signals are kept. */
function prepareNativeLine(text: string, line: number, endOffset: number, file: string): BlockItem {
  const fast = fastNativeLine(text, line, file);
  const parsed = fast ?? parseNativeLineSlow(text, line, endOffset, file);
  if (!parsed.ok) return { kind: 'bad', line, endOffset, issues: parsed.issues };
  parsed.record.endOffset = endOffset;
  const prepared = prepareRollout(parsed.record, file, fast?.ok ? fast.signals : undefined);
  return prepared.ok ? { kind: 'rollout', rollout: prepared.rollout } : { kind: 'bad', line, endOffset, issues: prepared.issues };
}

/** The whole line through JSON.parse (and the NaN-tolerant re-parse): the reference the fast path matches. */
export function parseNativeLineSlow(text: string, line: number, endOffset: number, file: string): { ok: true; record: RolloutRecord } | { ok: false; issues: RecordIssue[] } {
  const parsed = parseLenient(text);
  if ('error' in parsed) {
    const excerpt = text.length > EXCERPT_CHARS ? `${text.slice(0, EXCERPT_CHARS)}…` : text;
    return { ok: false, issues: [{ file, line, field: null, message: `not valid JSON: ${parsed.error.message}`, excerpt }] };
  }
  const result = nativeValueToRecord(parsed.value, line, file);
  if (result.ok) result.record.endOffset = endOffset;
  return result;
}

export function parseNativeBlock(bytes: Uint8Array, start: number, firstLine: number, file: string): ParsedBlock {
  const items: BlockItem[] = [];
  const lastLine = forEachLine(
    bytes,
    start,
    firstLine,
    file,
    (text, line, endOffset) => items.push(prepareNativeLine(text, line, endOffset, file)),
    (issue, endOffset) => items.push({ kind: 'bad', line: issue.line ?? 0, endOffset, issues: [issue] }),
  );
  return { items, endOffset: start + bytes.byteLength, lastLine };
}
