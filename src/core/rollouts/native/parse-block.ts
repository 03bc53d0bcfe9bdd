// A block of whole native-format lines -> prepared rollouts and bad lines. Pure and synchronous: the
// import runs it in parse workers (two cores), `validate` and the adapter run it in the calling thread.
// Lines are found and read as bytes; a line is decoded to text only when the fast path hands it over.
import { isUtf8 } from 'node:buffer';
import type { RecordIssue } from '../../../shared/domain';
import { prepareRollout } from '../prepare';
import type { PreparedRollout } from '../prepared';
import type { RolloutRecord } from '../record';
import { fastNativeLine } from './fast-line';
import { nativeValueToRecord } from './line';
import { parseLenient } from './non-finite';

export type BlockItem =
  | { kind: 'rollout'; rollout: PreparedRollout }
  | { kind: 'bad'; line: number; endOffset: number; issues: RecordIssue[] };

export interface ParsedBlock {
  items: BlockItem[];
  /** File offset just after the block, and its last line number: the resume point once it is stored. */
  endOffset: number;
  lastLine: number;
}

/**
 * One non-blank line: bytes buf[from, to) (valid UTF-8, without its line break), its number, and the file
 * offset after it.
 */
export interface LineRef {
  buf: Buffer;
  from: number;
  to: number;
  line: number;
  endOffset: number;
}

type LineResult = { ok: true; record: RolloutRecord } | { ok: false; issues: RecordIssue[] };

const NEWLINE = 0x0a;
const EXCERPT_CHARS = 200;

function isBlank(buf: Buffer, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = buf[i];
    if (c !== 0x20 && c !== 0x09 && c !== 0x0d) return false;
  }
  return true;
}

/** Calls `onLine` for every non-blank line; lines that are not UTF-8 go to `onBad`. Returns the last line number. */
export function forEachLine(
  bytes: Uint8Array,
  start: number,
  firstLine: number,
  file: string,
  onLine: (ref: LineRef) => void,
  onBad: (issue: RecordIssue, endOffset: number) => void,
): number {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const allUtf8 = isUtf8(buf);
  let line = firstLine - 1;
  let at = 0;
  while (at < buf.length) {
    const nl = buf.indexOf(NEWLINE, at);
    const next = nl === -1 ? buf.length : nl + 1;
    let end = nl === -1 ? buf.length : nl;
    line++;
    if (end > at && buf[end - 1] === 0x0d) end--; // CRLF
    if (!isBlank(buf, at, end)) {
      // blank lines are counted, not records
      if (allUtf8 || isUtf8(buf.subarray(at, end))) onLine({ buf, from: at, to: end, line, endOffset: start + next });
      else
        onBad(
          {
            file,
            line,
            field: null,
            message: 'the line is not valid UTF-8 text (save the file as UTF-8)',
            excerpt: null,
          },
          start + next,
        );
    }
    at = next;
  }
  return line;
}

/** The whole line through JSON.parse (and the NaN-tolerant re-parse): the reference the fast path matches. */
export function parseNativeLineSlow(text: string, line: number, endOffset: number, file: string): LineResult {
  const parsed = parseLenient(text);
  if ('error' in parsed) {
    const excerpt = text.length > EXCERPT_CHARS ? `${text.slice(0, EXCERPT_CHARS)}…` : text;
    return {
      ok: false,
      issues: [{ file, line, field: null, message: `not valid JSON: ${parsed.error.message}`, excerpt }],
    };
  }
  const result = nativeValueToRecord(parsed.value, line, file);
  if (result.ok) result.record.endOffset = endOffset;
  return result;
}

/** A line to a plain record (the adapter's and the tests' path): fast path first, signals back to number arrays. */
export function parseNativeLineAt(ref: LineRef, file: string): LineResult {
  const fast = fastNativeLine(ref.buf, ref.from, ref.to, ref.line, file);
  if (!fast) return parseNativeLineSlow(ref.buf.toString('utf8', ref.from, ref.to), ref.line, ref.endOffset, file);
  if (!fast.ok) return fast;
  fast.record.endOffset = ref.endOffset;
  for (const [name, values] of fast.signals) fast.record.signals[name] = Array.from(values);
  return { ok: true, record: fast.record };
}

/** One line of text (no line break) as parseNativeLineAt reads it. */
export function parseNativeLine(text: string, line: number, endOffset: number, file: string): LineResult {
  const buf = Buffer.from(text);
  return parseNativeLineAt({ buf, from: 0, to: buf.length, line, endOffset }, file);
}

/** A line straight to a prepared rollout (the import's path): the fast path's Float32 signals are kept. */
function prepareNativeLine(ref: LineRef, file: string): BlockItem {
  const fast = fastNativeLine(ref.buf, ref.from, ref.to, ref.line, file);
  const parsed = fast ?? parseNativeLineSlow(ref.buf.toString('utf8', ref.from, ref.to), ref.line, ref.endOffset, file);
  if (!parsed.ok) return { kind: 'bad', line: ref.line, endOffset: ref.endOffset, issues: parsed.issues };
  parsed.record.endOffset = ref.endOffset;
  const prepared = prepareRollout(parsed.record, file, fast?.ok ? fast.signals : undefined);
  return prepared.ok
    ? { kind: 'rollout', rollout: prepared.rollout }
    : { kind: 'bad', line: ref.line, endOffset: ref.endOffset, issues: prepared.issues };
}

export function parseNativeBlock(bytes: Uint8Array, start: number, firstLine: number, file: string): ParsedBlock {
  const items: BlockItem[] = [];
  const lastLine = forEachLine(
    bytes,
    start,
    firstLine,
    file,
    (ref) => items.push(prepareNativeLine(ref, file)),
    (issue, endOffset) => items.push({ kind: 'bad', line: issue.line ?? 0, endOffset, issues: [issue] }),
  );
  return { items, endOffset: start + bytes.byteLength, lastLine };
}
