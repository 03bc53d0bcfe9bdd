// Fast path for the common native line, whose `tokens` spell the response. JSON.parse would build a
// string for each of thousands of tokens only for the import to check that they spell the response and
// keep where each starts. Instead the token array is cut out of the line, the rest goes through
// JSON.parse and the normal field checks, and the tokens are checked against the parsed response
// character by character (./fast-scan.ts). On anything unusual (tokens nested or repeated, token_offsets,
// tokens that do not spell the response, escaped keys…) it returns null and the caller parses the whole
// line the normal way, so results are identical either way (a test compares them).
import type { RecordIssue } from '../../../shared/domain';
import type { RolloutRecord } from '../record';
import { readSpellingTokens, skipSpace, skipString, skipStringArray, skipValue } from './fast-scan';
import { nativeValueToRecord } from './line';

type FastResult = { ok: true; record: RolloutRecord } | { ok: false; issues: RecordIssue[] } | null;

/** Where the value of the top-level key `tokens` starts and ends, scanning only up to it. */
function findTokens(text: string): { start: number; end: number } | null {
  let i = skipSpace(text, 0);
  if (text.charCodeAt(i) !== 0x7b) return null;
  i = skipSpace(text, i + 1);
  for (;;) {
    if (text.charCodeAt(i) !== 0x22) return null;
    const keyEnd = skipString(text, i);
    if (keyEnd < 0) return null;
    const isTokens = keyEnd - i === 8 && text.startsWith('"tokens"', i);
    i = skipSpace(text, keyEnd);
    if (text.charCodeAt(i) !== 0x3a) return null;
    const valueStart = skipSpace(text, i + 1);
    if (isTokens) {
      const end = skipStringArray(text, valueStart);
      return end < 0 ? null : { start: valueStart, end };
    }
    const valueEnd = skipValue(text, valueStart);
    if (valueEnd < 0) return null;
    i = skipSpace(text, valueEnd);
    if (text.charCodeAt(i) !== 0x2c) return null;
    i = skipSpace(text, i + 1);
  }
}

export function fastNativeLine(text: string, line: number, file: string): FastResult {
  const cut = findTokens(text);
  if (!cut) return null;
  let value: Record<string, unknown>;
  try {
    value = JSON.parse(`${text.slice(0, cut.start)}null${text.slice(cut.end)}`) as Record<string, unknown>;
  } catch {
    return null;
  }
  // A later "tokens" key would have replaced the cut one; token_offsets take the normal path.
  if (value.tokens !== null || value.token_offsets !== undefined || typeof value.response !== 'string') return null;
  const tokens = readSpellingTokens(text, cut.start, value.response);
  if (!tokens) return null;
  const result = nativeValueToRecord(value, line, file);
  if (result.ok) result.record.tokens = { text: null, offsets: tokens.starts };
  return result;
}
