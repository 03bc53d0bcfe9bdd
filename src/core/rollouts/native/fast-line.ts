// Fast path for the common native line: `tokens` that spell the response, `signals` of plain number
// arrays. Those two values are most of a line, and JSON.parse would build a string per token and a
// boxed array per signal only for the import to turn them into token starts and Float32 arrays. Instead
// they are read from the line's bytes (./fast-scan.ts) and cut out; only the rest is decoded and goes
// through JSON.parse and the normal field checks. On anything unusual (repeated keys, token_offsets,
// tokens not written exactly as the response, NaN, odd signal names…) it returns null and the caller
// parses the whole line the normal way, so results are identical either way (a test compares them).
import type { RecordIssue } from '../../../shared/domain';
import type { RolloutRecord } from '../record';
import { SIGNAL_NAME } from './fields';
import { readFloat32Array, readSpellingTokens, skipSpace, skipString, skipStringArray, skipValue } from './fast-scan';
import { nativeValueToRecord } from './line';
import { mayHoldLoneSurrogate } from '../../io/json-parse';

export type FastResult =
  { ok: true; record: RolloutRecord; signals: Map<string, Float32Array> } | { ok: false; issues: RecordIssue[] } | null;

interface Span {
  start: number;
  end: number;
}

const keyIs = (b: Buffer, at: number, end: number, key: string) =>
  end - at === key.length + 2 && b.toString('latin1', at + 1, end - 1) === key;

/** `{"name": [numbers], …}` at i into Float32 arrays, and the index after it; null on anything else. */
function readSignals(b: Buffer, i: number, end: number): { values: Map<string, Float32Array>; end: number } | null {
  const values = new Map<string, Float32Array>();
  if (b[i] !== 0x7b) return null;
  i = skipSpace(b, i + 1);
  if (b[i] === 0x7d) return { values, end: i + 1 };
  for (;;) {
    if (b[i] !== 0x22) return null;
    const keyEnd = skipString(b, i, end);
    if (keyEnd < 0) return null;
    const name = b.toString('latin1', i + 1, keyEnd - 1);
    // Names the field checks would refuse (or escaped ones) take the normal path, which reports them.
    if (!SIGNAL_NAME.test(name) || values.has(name)) return null;
    i = skipSpace(b, keyEnd);
    if (b[i] !== 0x3a) return null;
    const read = readFloat32Array(b, skipSpace(b, i + 1), end);
    if (!read) return null;
    values.set(name, read.values);
    i = skipSpace(b, read.end);
    if (b[i] === 0x7d) return { values, end: i + 1 };
    if (b[i] !== 0x2c) return null;
    i = skipSpace(b, i + 1);
  }
}

interface Found {
  /** starts: where each token begins, when the tokens were checked during the scan. */
  tokens: Span & { starts: number[] | null };
  response: Span;
  signals: (Span & { values: Map<string, Float32Array> }) | null;
}

/** The top-level tokens, response and signals of the object in b[from, to); null unless plain. */
function scan(b: Buffer, from: number, to: number): Found | null {
  let tokens: Found['tokens'] | null = null;
  let response: Span | null = null;
  let signals: Found['signals'] = null;
  let i = skipSpace(b, from);
  if (b[i] !== 0x7b) return null;
  i = skipSpace(b, i + 1);
  for (;;) {
    if (b[i] !== 0x22) return null;
    const keyEnd = skipString(b, i, to);
    if (keyEnd < 0) return null;
    const keyAt = i;
    i = skipSpace(b, keyEnd);
    if (b[i] !== 0x3a) return null;
    const start = skipSpace(b, i + 1);
    let end: number;
    if (keyIs(b, keyAt, keyEnd, 'tokens')) {
      if (tokens) return null; // a repeated key
      // With the response already seen (the usual order), check the tokens while passing them.
      const read = response ? readSpellingTokens(b, start, { from: response.start, to: response.end }) : null;
      if (response && !read) return null;
      end = read ? read.end : skipStringArray(b, start, to);
      tokens = { start, end, starts: read?.starts ?? null };
    } else if (keyIs(b, keyAt, keyEnd, 'signals')) {
      const read: ReturnType<typeof readSignals> = signals ? null : readSignals(b, start, to);
      if (!read) return null;
      end = read.end;
      signals = { start, end, values: read.values };
    } else {
      end = skipValue(b, start, to);
      if (keyIs(b, keyAt, keyEnd, 'response')) {
        if (response || b[start] !== 0x22) return null;
        response = { start: start + 1, end: end - 1 };
      }
    }
    if (end < 0) return null;
    i = skipSpace(b, end);
    if (b[i] === 0x7d) {
      // Only whitespace may follow the object on the line.
      if (skipSpace(b, i + 1) < to || !tokens || !response) return null;
      return { tokens, response, signals };
    }
    if (b[i] !== 0x2c) return null;
    i = skipSpace(b, i + 1);
  }
}

/** The line b[from, to) (valid UTF-8, no line break) through the fast path; null to use the normal one. */
export function fastNativeLine(b: Buffer, from: number, to: number, line: number, file: string): FastResult {
  const found = scan(b, from, to);
  if (!found) return null;
  const starts =
    found.tokens.starts ??
    readSpellingTokens(b, found.tokens.start, { from: found.response.start, to: found.response.end })?.starts;
  if (!starts) return null;
  const cuts = found.signals ? [found.tokens, found.signals].sort((x, y) => x.start - y.start) : [found.tokens];
  let rest = '';
  let at = from;
  for (const cut of cuts) {
    rest += `${b.toString('utf8', at, cut.start)}null`;
    at = cut.end;
  }
  rest += b.toString('utf8', at, to);
  let value: Record<string, unknown>;
  try {
    value = JSON.parse(rest) as Record<string, unknown>;
  } catch {
    return null;
  }
  // A lone surrogate must become U+FFFD and be reported: the normal path does that.
  if (mayHoldLoneSurrogate(rest)) return null;
  if (value.token_offsets !== undefined || typeof value.response !== 'string') return null;
  const result = nativeValueToRecord(value, line, file);
  if (!result.ok) return result;
  result.record.tokens = { text: null, offsets: starts };
  return { ok: true, record: result.record, signals: found.signals?.values ?? new Map() };
}
