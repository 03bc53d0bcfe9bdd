// The one way a record's JSON text becomes a value, with the lenient-number rule and the checks every importer
// needs:
// - Python's json.dumps writes bare NaN, Infinity and -Infinity (allow_nan=True), which JSON.parse refuses.
//   Trainer logs are full of them (a NaN advantage, an Infinity loss); refusing the record would lose the rest
//   of it, so a record that fails only because of them is read again with each token, where it stands as a
//   value outside strings, replaced: by null, or (`nonFinite: 'mark'`) by a marked string so that a reader
//   whose field must be finite can say exactly which value it was.
// - A lone surrogate escape (`"\ud800"` with no pair) would be stored as invalid UTF-8 and come back as three
//   U+FFFD; it becomes one U+FFFD here, and is counted so the importer can report it.
// - Nesting deeper than MAX_JSON_DEPTH is refused with the field it is in (a 10,000-deep value used to end an
//   import with a RangeError from JSON.stringify).
// - A syntax error says where (the column, the line inside a multi-line value, the top-level field) and names
//   a raw control character (a BEL or NUL byte in a string) instead of JSON.parse's "Bad control character".
import { MAX_JSON_DEPTH } from './limits';

export interface JsonParseOptions {
  nonFinite?: 'null' | 'mark';
}

export interface ParsedJson {
  ok: true;
  value: unknown;
  /** Bare NaN / Infinity tokens replaced, and the keys that held them (nearest enclosing key for array items). */
  nonFinite: number;
  nonFiniteFields: string[];
  /** Lone surrogates replaced by U+FFFD, and the top-level keys whose values held them. */
  surrogates: number;
  surrogateFields: string[];
}

export interface JsonFailure {
  ok: false;
  message: string;
  /** The top-level key whose value holds the error, when there is one. */
  field: string | null;
  /** Lines into the text where the error is (0 = the record's first line). */
  lineOffset: number;
}

/** The issue a record with a lone surrogate gets (kept, with U+FFFD in its place). */
export const LONE_SURROGATE_WARNING =
  'warning: a lone surrogate escape (\\ud800-\\udfff without its pair) is not a character; stored as U+FFFD';

/** Prefix of the strings that stand for bare non-finite tokens in 'mark' mode. */
export const NON_FINITE_MARK = '\u0000non-finite:';

const NON_FINITE_TOKENS = ['-Infinity', 'Infinity', 'NaN'] as const;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export function parseJson(text: string, options: JsonParseOptions = {}): ParsedJson | JsonFailure {
  if (text.length > 2 * MAX_JSON_DEPTH) {
    const deep = firstTooDeep(text);
    if (deep >= 0)
      return failure(
        text,
        deep,
        `the value is nested more than ${MAX_JSON_DEPTH} levels deep (at most ${MAX_JSON_DEPTH} are supported)`,
      );
  }
  let value: unknown;
  let nonFinite = 0;
  let nonFiniteFields: string[] = [];
  try {
    value = JSON.parse(text);
  } catch (err) {
    const replaced =
      text.includes('NaN') || text.includes('Infinity') ? replaceNonFinite(text, options.nonFinite) : null;
    if (replaced === null || replaced.count === 0) return syntaxFailure(text, err);
    try {
      value = JSON.parse(replaced.text);
    } catch {
      return syntaxFailure(text, err);
    }
    nonFinite = replaced.count;
    nonFiniteFields = replaced.fields;
  }
  const result: ParsedJson = { ok: true, value, nonFinite, nonFiniteFields, surrogates: 0, surrogateFields: [] };
  if (mayHoldLoneSurrogate(text)) result.value = fixSurrogates(value, result);
  return result;
}

/**
 * True when the JSON text has a surrogate escape that is not half of a pair (`\\ud835\\udc65` is one character,
 * `\\ud800` alone is none). Raw UTF-8 cannot hold surrogates, so escapes are the only way one gets in.
 */
export function mayHoldLoneSurrogate(text: string): boolean {
  let awaitingLowAt = -1; // where the low half of a pair must start
  for (let i = text.indexOf('\\u'); i >= 0; i = text.indexOf('\\u', i + 1)) {
    let backslashes = 0;
    while (text.charCodeAt(i - 1 - backslashes) === 0x5c) backslashes++;
    if (backslashes % 2 === 1) continue; // an escaped backslash followed by "u"
    const unit = Number.parseInt(text.slice(i + 2, i + 6), 16);
    const high = unit >= 0xd800 && unit <= 0xdbff;
    const low = unit >= 0xdc00 && unit <= 0xdfff;
    if (low) {
      if (awaitingLowAt !== i) return true;
      awaitingLowAt = -1;
    } else if (awaitingLowAt >= 0) return true;
    else if (high) awaitingLowAt = i + 6;
  }
  return awaitingLowAt >= 0;
}

/** Replaces bare NaN / Infinity / -Infinity that stand as values outside strings. */
export function replaceNonFinite(
  text: string,
  mode: 'null' | 'mark' = 'null',
): { text: string; count: number; fields: string[] } {
  const out: string[] = [];
  const fields = new Set<string>();
  let count = 0;
  let copiedUpTo = 0;
  let lastString = '';
  let lastKey = '';
  let i = 0;
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (c === 0x22) {
      const end = endOfString(text, i);
      lastString = text.slice(i + 1, end - 1);
      i = end;
      continue;
    }
    if (c === 0x3a /* : */) {
      lastKey = lastString;
      i++;
      continue;
    }
    const token =
      c === 0x2d || c === 0x49 || c === 0x4e ? NON_FINITE_TOKENS.find((t) => text.startsWith(t, i)) : undefined;
    if (token && isValuePosition(text, i) && isTokenEnd(text, i + token.length)) {
      out.push(text.slice(copiedUpTo, i), mode === 'mark' ? JSON.stringify(NON_FINITE_MARK + token) : 'null');
      copiedUpTo = i + token.length;
      count++;
      if (lastKey) fields.add(lastKey);
      i += token.length;
      continue;
    }
    i++;
  }
  out.push(text.slice(copiedUpTo));
  return { text: out.join(''), count, fields: [...fields] };
}

/** Index just after the closing quote of the string that opens at `start` (the text's length if unclosed). */
function endOfString(text: string, start: number): number {
  for (let i = start + 1; i < text.length;) {
    const q = text.indexOf('"', i);
    if (q < 0) return text.length;
    let backslashes = 0;
    while (text.charCodeAt(q - 1 - backslashes) === 0x5c) backslashes++;
    if (backslashes % 2 === 0) return q + 1;
    i = q + 1;
  }
  return text.length;
}

function isSpace(c: number): boolean {
  return c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;
}

function isValuePosition(text: string, index: number): boolean {
  let j = index - 1;
  while (j >= 0 && isSpace(text.charCodeAt(j))) j--;
  const c = text.charCodeAt(j);
  return j < 0 || c === 0x3a || c === 0x2c || c === 0x5b;
}

function isTokenEnd(text: string, index: number): boolean {
  if (index >= text.length) return true;
  const c = text.charCodeAt(index);
  return c === 0x2c || c === 0x5d || c === 0x7d || isSpace(c);
}

/** Position of the first bracket that opens level MAX_JSON_DEPTH + 1, or -1. Strings are skipped whole. */
function firstTooDeep(text: string): number {
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x22) i = endOfString(text, i) - 1;
    else if (c === 0x7b || c === 0x5b) {
      if (++depth > MAX_JSON_DEPTH) return i;
    } else if (c === 0x7d || c === 0x5d) depth--;
  }
  return -1;
}

/** The key of the top-level object member whose value holds `position`, or null. */
export function topLevelKeyAt(text: string, position: number): string | null {
  let depth = 0;
  let lastString: string | null = null;
  let key: string | null = null;
  for (let i = 0; i < text.length && i < position; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x22) {
      const end = endOfString(text, i);
      if (end > position) break;
      lastString = text.slice(i + 1, end - 1);
      i = end - 1;
    } else if (c === 0x3a && depth === 1) key = lastString;
    else if (c === 0x2c && depth === 1) key = null;
    else if (c === 0x7b || c === 0x5b) depth++;
    else if (c === 0x7d || c === 0x5d) depth--;
  }
  if (key === null) return null;
  try {
    return JSON.parse(`"${key}"`) as string;
  } catch {
    return key;
  }
}

function lineOffsetAt(text: string, position: number): number {
  let count = 0;
  for (let at = text.indexOf('\n'); at >= 0 && at < position; at = text.indexOf('\n', at + 1)) count++;
  return count;
}

function failure(text: string, position: number, message: string): JsonFailure {
  return { ok: false, message, field: topLevelKeyAt(text, position), lineOffset: lineOffsetAt(text, position) };
}

const CONTROL_NAMES = ['NUL', 'SOH', 'STX', 'ETX', 'EOT', 'ENQ', 'ACK', 'BEL', 'BS', 'TAB', 'LF', 'VT', 'FF', 'CR'];

function syntaxFailure(text: string, err: unknown): JsonFailure {
  const raw = err instanceof Error ? err.message : String(err);
  const at = /at position (\d+)/.exec(raw);
  // V8 words it as "Unexpected token 'x', "…" is not valid JSON" or "… in JSON at position 12 (line 1 column 13)".
  const position = at ? Number(at[1]) : positionFromContext(text, raw);
  let reason = raw.replace(/ in JSON at position \d+.*$/, '').replace(/, ".*" is not valid JSON$/s, '');
  if (reason.length > 160) reason = `${reason.slice(0, 160)}…`;
  if (position < 0) return { ok: false, message: `invalid JSON: ${reason}`, field: null, lineOffset: 0 };
  const code = text.charCodeAt(position);
  const column = position - text.lastIndexOf('\n', position - 1);
  if (code < 0x20) {
    const name = CONTROL_NAMES[code] ?? `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
    const hex = code.toString(16).padStart(4, '0');
    return failure(
      text,
      position,
      `invalid JSON: raw control character ${name} (U+${hex.toUpperCase()}) at column ${column}; ` +
        `JSON text must write it escaped (\\u${hex})`,
    );
  }
  return failure(text, position, `invalid JSON: ${reason} at column ${column}`);
}

/**
 * Where V8's "Unexpected token 'x', ..."<context>"... is not valid JSON" points: its context shows
 * CONTEXT_CHARS characters on either side of the token, with "..." where it cuts the text. -1 when the whole text
 * is shown (no way to tell which occurrence it means).
 */
function positionFromContext(text: string, message: string): number {
  const m = /^Unexpected token '[\s\S]+?', (\.\.\.)?"([\s\S]*)"(\.\.\.)? is not valid JSON$/.exec(message);
  if (!m) return -1;
  const [, cutBefore, context = '', cutAfter] = m;
  if (cutBefore) {
    const start = text.indexOf(context);
    return start < 0 ? -1 : start + CONTEXT_CHARS;
  }
  return cutAfter ? context.length - CONTEXT_CHARS - 1 : -1;
}

/** Characters V8 shows on each side of an unexpected token. */
const CONTEXT_CHARS = 10;

/** The value with lone surrogates in its strings (keys too) replaced by U+FFFD; counts go to `result`. */
function fixSurrogates(value: unknown, result: ParsedJson): unknown {
  const fields = new Set<string>();
  const fix = (s: string, field: string | null): string => {
    LONE_SURROGATE.lastIndex = 0;
    if (!LONE_SURROGATE.test(s)) return s;
    LONE_SURROGATE.lastIndex = 0;
    return s.replace(LONE_SURROGATE, () => {
      result.surrogates++;
      if (field !== null) fields.add(field);
      return '\uFFFD';
    });
  };
  // Iterative, so even a deep value costs no stack.
  const walk = (root: unknown): unknown => {
    if (typeof root === 'string') return fix(root, null);
    const stack: { holder: Record<string, unknown> | unknown[]; field: string | null }[] = [];
    if (root !== null && typeof root === 'object') stack.push({ holder: root as Record<string, unknown>, field: null });
    while (stack.length > 0) {
      const { holder, field } = stack.pop() as (typeof stack)[number];
      if (Array.isArray(holder)) {
        holder.forEach((item, i) => {
          if (typeof item === 'string') holder[i] = fix(item, field);
          else if (item !== null && typeof item === 'object') stack.push({ holder: item as never, field });
        });
        continue;
      }
      for (const key of Object.keys(holder)) {
        const item = holder[key];
        const fixedKey = fix(key, field);
        // A top-level key is the field its value is reported under.
        const own = field ?? fixedKey;
        if (fixedKey !== key) {
          if (field === null) fields.add(fixedKey);
          delete holder[key];
          holder[fixedKey] = item;
        }
        if (typeof item === 'string') holder[fixedKey] = fix(item, own);
        else if (item !== null && typeof item === 'object') stack.push({ holder: item as never, field: own });
      }
    }
    return root;
  };
  const fixed = walk(value);
  result.surrogateFields = [...fields];
  return fixed;
}
