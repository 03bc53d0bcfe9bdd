// A block of whole native-format lines -> prepared rollouts and bad lines. Pure and synchronous: the
// import runs it in parse workers (two cores), `validate` and the adapter run it in the calling thread.
// Lines are found by the one line splitter (../../io/lines.ts) as bytes; a line is decoded to text only
// when the fast path hands it over.
import type { RecordIssue } from '../../../shared/domain';
import { LONE_SURROGATE_WARNING, parseJson } from '../../io/json-parse';
import { excerpt } from '../../io/limits';
import type { LineBlock, LineRef } from '../../io/lines';
import { forEachLine } from '../../io/lines';
import type { RecordError } from '../../io/records';
import { prepareRollout } from '../prepare';
import type { PreparedRollout } from '../prepared';
import type { RolloutRecord } from '../record';
import { fastNativeLine } from './fast-line';
import { nativeValueToRecord } from './line';

export type BlockItem =
  | { kind: 'rollout'; rollout: PreparedRollout; warnings: RecordIssue[] | null }
  | { kind: 'bad'; line: number; endOffset: number; issues: RecordIssue[] };

export interface ParsedBlock {
  items: BlockItem[];
  /** File offset just after the block, and its last line number: the resume point once it is stored. */
  endOffset: number;
  lastLine: number;
}

type LineResult = { ok: true; record: RolloutRecord; warnings?: RecordIssue[] } | { ok: false; issues: RecordIssue[] };

/** A line the splitter could not hand over (invalid UTF-8, too long) as the issue the import reports. */
export function lineIssue(file: string, line: number, error: RecordError): RecordIssue {
  return { file, line, field: null, message: error.message, excerpt: error.excerpt };
}

/** The whole line through the one JSON rule (NaN marked for the checks): the reference the fast path matches. */
export function parseNativeLineSlow(text: string, line: number, endOffset: number, file: string): LineResult {
  const parsed = parseJson(text, { nonFinite: 'mark' });
  if (!parsed.ok) {
    return {
      ok: false,
      issues: [
        { file, line: line + parsed.lineOffset, field: parsed.field, message: parsed.message, excerpt: excerpt(text) },
      ],
    };
  }
  const result: LineResult = nativeValueToRecord(parsed.value, line, file);
  if (!result.ok) return result;
  result.record.endOffset = endOffset;
  if (parsed.surrogates > 0) {
    const field = parsed.surrogateFields.length > 0 ? parsed.surrogateFields.join(', ') : null;
    result.warnings = [{ file, line, field, message: LONE_SURROGATE_WARNING, excerpt: null }];
  }
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
  return parseNativeLineAt({ buf, from: 0, to: buf.length, line, endOffset, text: null }, file);
}

/** A line straight to a prepared rollout (the import's path): the fast path's Float32 signals are kept. */
function prepareNativeLine(ref: LineRef, file: string): BlockItem {
  const fast = fastNativeLine(ref.buf, ref.from, ref.to, ref.line, file);
  const parsed = fast ?? parseNativeLineSlow(ref.buf.toString('utf8', ref.from, ref.to), ref.line, ref.endOffset, file);
  if (!parsed.ok) return { kind: 'bad', line: ref.line, endOffset: ref.endOffset, issues: parsed.issues };
  parsed.record.endOffset = ref.endOffset;
  const prepared = prepareRollout(parsed.record, file, fast?.ok ? fast.signals : undefined);
  const warnings = 'warnings' in parsed ? (parsed.warnings ?? null) : null;
  return prepared.ok
    ? { kind: 'rollout', rollout: prepared.rollout, warnings }
    : { kind: 'bad', line: ref.line, endOffset: ref.endOffset, issues: prepared.issues };
}

export function parseNativeBlock(block: LineBlock, file: string): ParsedBlock {
  const items: BlockItem[] = [];
  const lastLine = forEachLine(block, {
    line: (ref) => items.push(prepareNativeLine(ref, file)),
    bad: (line, endOffset, error) =>
      items.push({ kind: 'bad', line, endOffset, issues: [lineIssue(file, line, error)] }),
  });
  return { items, endOffset: block.start + block.bytes.byteLength, lastLine };
}
