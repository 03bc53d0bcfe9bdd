// Character-level readers for ./fast-line.ts: skipping JSON values to find a key, and checking that an
// array of token strings spells the response without building a string per token. Every reader returns
// -1 (or null) on anything it does not handle, and the caller falls back to JSON.parse, so these only
// need to be right for what they accept.

export function skipSpace(text: string, i: number): number {
  for (;;) {
    const c = text.charCodeAt(i);
    if (c !== 0x20 && c !== 0x0a && c !== 0x0d && c !== 0x09) return i;
    i++;
  }
}

/** Index just after the JSON value starting at i (any kind), or -1. */
export function skipValue(text: string, i: number): number {
  const c = text.charCodeAt(i);
  if (c === 0x22) return skipString(text, i);
  if (c !== 0x7b && c !== 0x5b) {
    // number or literal: up to the next delimiter (JSON.parse of the remainder checks it)
    let j = i;
    for (;;) {
      const d = text.charCodeAt(j);
      if (d !== d || d === 0x2c || d === 0x7d || d === 0x5d || d === 0x20 || d === 0x0a || d === 0x0d || d === 0x09) return j > i ? j : -1;
      j++;
    }
  }
  let depth = 0;
  for (let j = i; j < text.length; j++) {
    const d = text.charCodeAt(j);
    if (d === 0x22) {
      j = skipString(text, j) - 1;
      if (j < 0) return -1;
    } else if (d === 0x7b || d === 0x5b) depth++;
    else if (d === 0x7d || d === 0x5d) {
      depth--;
      if (depth === 0) return j + 1;
    }
  }
  return -1;
}

/** Index just after the string starting with the quote at i, or -1. Jumps from quote to quote. */
export function skipString(text: string, i: number): number {
  let j = i + 1;
  for (;;) {
    const quote = text.indexOf('"', j);
    if (quote < 0) return -1;
    // The quote ends the string unless an odd number of backslashes escapes it.
    let backslashes = 0;
    while (text.charCodeAt(quote - 1 - backslashes) === 0x5c) backslashes++;
    if (backslashes % 2 === 0) return quote + 1;
    j = quote + 1;
  }
}

/** Index just after an array of strings at i (`["a", "b"]`), or -1 for anything else. */
export function skipStringArray(text: string, i: number): number {
  if (text.charCodeAt(i) !== 0x5b) return -1;
  let j = skipSpace(text, i + 1);
  if (text.charCodeAt(j) === 0x5d) return j + 1;
  for (;;) {
    if (text.charCodeAt(j) !== 0x22) return -1;
    j = skipString(text, j);
    if (j < 0) return -1;
    j = skipSpace(text, j);
    const c = text.charCodeAt(j);
    if (c === 0x5d) return j + 1;
    if (c !== 0x2c) return -1;
    j = skipSpace(text, j + 1);
  }
}

const ESCAPES: Record<number, number> = { 0x22: 0x22, 0x5c: 0x5c, 0x2f: 0x2f, 0x62: 0x08, 0x66: 0x0c, 0x6e: 0x0a, 0x72: 0x0d, 0x74: 0x09 };

/**
 * Reads a JSON array of strings at i and checks that they spell `target` from its start, without
 * building the strings. Returns the start of each piece in `target` and the index after the array;
 * null when the array is not plain strings or the pieces do not spell `target` exactly.
 */
export function readSpellingTokens(text: string, i: number, target: string): { starts: number[]; end: number } | null {
  if (text.charCodeAt(i) !== 0x5b) return null;
  const starts: number[] = [];
  let at = 0;
  let j = skipSpace(text, i + 1);
  if (text.charCodeAt(j) === 0x5d) return at === target.length ? { starts, end: j + 1 } : null;
  for (;;) {
    if (text.charCodeAt(j) !== 0x22) return null;
    starts.push(at);
    j++;
    for (;;) {
      let c = text.charCodeAt(j);
      if (c === 0x22) break;
      if (c !== c || c < 0x20) return null; // end of text, or a raw control character (invalid JSON)
      if (c === 0x5c) {
        const e = text.charCodeAt(j + 1);
        if (e === 0x75) {
          c = parseInt(text.slice(j + 2, j + 6), 16);
          if (!(c >= 0) || !/^[0-9a-fA-F]{4}$/.test(text.slice(j + 2, j + 6))) return null;
          j += 6;
        } else {
          const decoded = ESCAPES[e];
          if (decoded === undefined) return null;
          c = decoded;
          j += 2;
        }
      } else j++;
      if (target.charCodeAt(at) !== c) return null;
      at++;
    }
    j = skipSpace(text, j + 1);
    const d = text.charCodeAt(j);
    if (d === 0x5d) return at === target.length ? { starts, end: j + 1 } : null;
    if (d !== 0x2c) return null;
    j = skipSpace(text, j + 1);
  }
}

const POW10 = new Float64Array([1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22]);
const FLOAT32_MAX = 3.4028234663852886e38;
/** Digits the loop reads exactly (10^15 < 2^53): mantissa / 10^k is then the correctly rounded double (Clinger). */
const KEPT_DIGITS = 15;
let scratch = new Float32Array(4096);

const isDigit = (c: number) => c >= 0x30 && c <= 0x39;
const isSpace = (c: number) => c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;

/**
 * The array through JSON.parse, for numbers the digit loop does not take (more than 15 digits, as
 * full-precision doubles have, or an exponent): V8 reads those faster than a JavaScript loop could
 * round them correctly. Same checks and the same Float32 rounding as the normal path.
 */
function viaJsonParse(text: string, i: number): { values: Float32Array; end: number } | null {
  const close = text.indexOf(']', i); // a number array holds no nested ']'
  if (close < 0) return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(text.slice(i, close + 1));
  } catch {
    return null;
  }
  if (!Array.isArray(parsed)) return null;
  const values = new Float32Array(parsed.length);
  for (let k = 0; k < parsed.length; k++) {
    const v: unknown = parsed[k];
    if (typeof v !== 'number' || !(Math.abs(v) <= FLOAT32_MAX)) return null;
    values[k] = v;
  }
  return { values, end: close + 1 };
}

/**
 * Reads a JSON array of numbers at i straight into a Float32Array; null on anything else (not JSON, not
 * numbers) or on a value beyond the Float32 range, which the normal path then reports.
 */
export function readFloat32Array(text: string, i: number): { values: Float32Array; end: number } | null {
  if (text.charCodeAt(i) !== 0x5b) return null;
  let j = i + 1;
  while (isSpace(text.charCodeAt(j))) j++;
  let n = 0;
  if (text.charCodeAt(j) !== 0x5d) {
    for (;;) {
      let c = text.charCodeAt(j);
      const negative = c === 0x2d;
      if (negative) c = text.charCodeAt(++j);
      if (!isDigit(c)) return null;
      if (c === 0x30 && isDigit(text.charCodeAt(j + 1))) return null; // a leading zero: not JSON
      // The common case first: few digits, no exponent; exact as JSON.parse (Clinger's fast path).
      const digitsStart = j;
      let mantissa = 0;
      do {
        mantissa = mantissa * 10 + (c - 0x30);
        c = text.charCodeAt(++j);
      } while (isDigit(c));
      let fraction = 0;
      if (c === 0x2e) {
        const fractionStart = j + 1;
        c = text.charCodeAt(++j);
        if (!isDigit(c)) return null;
        do {
          mantissa = mantissa * 10 + (c - 0x30);
          c = text.charCodeAt(++j);
        } while (isDigit(c));
        fraction = j - fractionStart;
      }
      let exponentStart = -1;
      if (c === 0x65 || c === 0x45) {
        exponentStart = j;
        c = text.charCodeAt(++j);
        if (c === 0x2b || c === 0x2d) c = text.charCodeAt(++j);
        if (!isDigit(c)) return null;
        do c = text.charCodeAt(++j);
        while (isDigit(c));
      }
      const digits = (exponentStart < 0 ? j : exponentStart) - digitsStart - (fraction > 0 ? 1 : 0);
      if (digits > KEPT_DIGITS || exponentStart >= 0 || fraction > 22) return viaJsonParse(text, i);
      const magnitude = mantissa / (POW10[fraction] as number);
      const value = negative ? -magnitude : magnitude;
      if (!(Math.abs(value) <= FLOAT32_MAX)) return null;
      if (n === scratch.length) {
        const bigger = new Float32Array(n * 2);
        bigger.set(scratch);
        scratch = bigger;
      }
      scratch[n++] = value; // rounded to Float32 by the store, as the normal path does
      while (isSpace(c)) c = text.charCodeAt(++j);
      if (c === 0x5d) break;
      if (c !== 0x2c) return null;
      j++;
      while (isSpace(text.charCodeAt(j))) j++;
    }
  }
  return { values: scratch.slice(0, n), end: j + 1 };
}
