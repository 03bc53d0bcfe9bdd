// Fast path for the common native line: `tokens` that spell the response, `signals` of plain number
// arrays. Those two values are most of a line, and JSON.parse would build a string per token and a
// boxed array per signal only for the import to turn them into token starts and Float32 arrays. Instead
// they are cut out of the line and read character by character (./fast-scan.ts); the rest goes through
// JSON.parse and the normal field checks. On anything unusual (repeated keys, token_offsets, tokens that
// do not spell the response, NaN, odd signal names…) it returns null and the caller parses the whole
// line the normal way, so results are identical either way (a test compares them).
import type { RecordIssue } from '../../../shared/domain';
import type { RolloutRecord } from '../record';
import { SIGNAL_NAME } from './fields';
import { readFloat32Array, readSpellingTokens, skipSpace, skipString, skipStringArray, skipValue } from './fast-scan';
import { nativeValueToRecord } from './line';

export type FastResult = { ok: true; record: RolloutRecord; signals: Map<string, Float32Array> } | { ok: false; issues: RecordIssue[] } | null;

interface Cut {
  start: number;
  end: number;
}

/** `{"name": [numbers], …}` at i into Float32 arrays, and the index after it; null on anything else. */
function readSignals(text: string, i: number): { signals: Map<string, Float32Array>; end: number } | null {
  const signals = new Map<string, Float32Array>();
  if (text.charCodeAt(i) !== 0x7b) return null;
  i = skipSpace(text, i + 1);
  if (text.charCodeAt(i) === 0x7d) return { signals, end: i + 1 };
  for (;;) {
    if (text.charCodeAt(i) !== 0x22) return null;
    const keyEnd = skipString(text, i);
    if (keyEnd < 0) return null;
    const name = text.slice(i + 1, keyEnd - 1);
    // Names the field checks would refuse (or escaped ones) take the normal path, which reports them.
    if (!SIGNAL_NAME.test(name) || signals.has(name)) return null;
    i = skipSpace(text, keyEnd);
    if (text.charCodeAt(i) !== 0x3a) return null;
    const read = readFloat32Array(text, skipSpace(text, i + 1));
    if (!read) return null;
    signals.set(name, read.values);
    i = skipSpace(text, read.end);
    const c = text.charCodeAt(i);
    if (c === 0x7d) return { signals, end: i + 1 };
    if (c !== 0x2c) return null;
    i = skipSpace(text, i + 1);
  }
}

/** Finds the top-level tokens value and reads the signals; null unless the line is a plain object. */
function scan(text: string): { tokens: Cut; signals: (Cut & { values: Map<string, Float32Array> }) | null } | null {
  let tokens: Cut | null = null;
  let signals: (Cut & { values: Map<string, Float32Array> }) | null = null;
  let i = skipSpace(text, 0);
  if (text.charCodeAt(i) !== 0x7b) return null;
  i = skipSpace(text, i + 1);
  for (;;) {
    if (text.charCodeAt(i) !== 0x22) return null;
    const keyEnd = skipString(text, i);
    if (keyEnd < 0) return null;
    const key = keyEnd - i === 8 && text.startsWith('"tokens"', i) ? 'tokens' : keyEnd - i === 9 && text.startsWith('"signals"', i) ? 'signals' : null;
    if ((key === 'tokens' && tokens) || (key === 'signals' && signals)) return null; // repeated key
    i = skipSpace(text, keyEnd);
    if (text.charCodeAt(i) !== 0x3a) return null;
    const start = skipSpace(text, i + 1);
    let end: number;
    if (key === 'tokens') {
      end = skipStringArray(text, start);
      tokens = { start, end };
    } else if (key === 'signals') {
      const read = readSignals(text, start);
      if (!read) return null;
      end = read.end;
      signals = { start, end, values: read.signals };
    } else end = skipValue(text, start);
    if (end < 0) return null;
    i = skipSpace(text, end);
    const c = text.charCodeAt(i);
    if (c === 0x7d) return tokens ? { tokens, signals } : null;
    if (c !== 0x2c) return null;
    i = skipSpace(text, i + 1);
  }
}

export function fastNativeLine(text: string, line: number, file: string): FastResult {
  const found = scan(text);
  if (!found) return null;
  const cuts: Cut[] = found.signals ? [found.tokens, found.signals].sort((a, b) => a.start - b.start) : [found.tokens];
  let rest = '';
  let at = 0;
  for (const cut of cuts) {
    rest += `${text.slice(at, cut.start)}null`;
    at = cut.end;
  }
  let value: Record<string, unknown>;
  try {
    value = JSON.parse(rest + text.slice(at)) as Record<string, unknown>;
  } catch {
    return null;
  }
  // A repeated key would have replaced a cut value; token_offsets take the normal path.
  if (value.tokens !== null || (found.signals && value.signals !== null) || value.token_offsets !== undefined || typeof value.response !== 'string') return null;
  const tokens = readSpellingTokens(text, found.tokens.start, value.response);
  if (!tokens) return null;
  const result = nativeValueToRecord(value, line, file);
  if (!result.ok) return result;
  result.record.tokens = { text: null, offsets: tokens.starts };
  return { ok: true, record: result.record, signals: found.signals?.values ?? new Map() };
}
