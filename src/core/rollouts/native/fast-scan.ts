// Byte-level readers for ./fast-line.ts, over the UTF-8 bytes of one line (already checked as valid
// UTF-8): skipping JSON values to find keys, checking that the token strings spell the response without
// decoding them, and reading number arrays straight into Float32. Typed-array reads are several times
// faster than JSON.parse for these shapes and allocate nothing per token. Every reader returns -1 (or
// null) on anything it does not handle, and the caller falls back to JSON.parse, so these only need to
// be right for what they accept.

import { MAX_JSON_DEPTH } from '../../io/limits';

const QUOTE = 0x22;
const BACKSLASH = 0x5c;

export function skipSpace(b: Uint8Array, i: number): number {
  for (;;) {
    const c = b[i];
    if (c !== 0x20 && c !== 0x0a && c !== 0x0d && c !== 0x09) return i;
    i++;
  }
}

/** Index just after the string whose opening quote is at i, or -1. Jumps from quote to quote. */
export function skipString(b: Uint8Array, i: number, end: number): number {
  let j = i + 1;
  for (;;) {
    const quote = b.indexOf(QUOTE, j);
    if (quote < 0 || quote >= end) return -1;
    // The quote ends the string unless an odd number of backslashes escapes it.
    let backslashes = 0;
    while (b[quote - 1 - backslashes] === BACKSLASH) backslashes++;
    if (backslashes % 2 === 0) return quote + 1;
    j = quote + 1;
  }
}

/** Index just after the JSON value starting at i (any kind), or -1. */
export function skipValue(b: Uint8Array, i: number, end: number): number {
  const c = b[i];
  if (c === QUOTE) return skipString(b, i, end);
  if (c !== 0x7b && c !== 0x5b) {
    // a number or literal: up to the next delimiter (JSON.parse of the rest checks it)
    let j = i;
    while (j < end) {
      const d = b[j];
      if (d === 0x2c || d === 0x7d || d === 0x5d || d === 0x20 || d === 0x0a || d === 0x0d || d === 0x09) break;
      j++;
    }
    return j > i ? j : -1;
  }
  let depth = 0;
  for (let j = i; j < end; j++) {
    const d = b[j];
    if (d === QUOTE) {
      j = skipString(b, j, end) - 1;
      if (j < 0) return -1;
    } else if (d === 0x7b || d === 0x5b) {
      // Too deep to store: the normal path refuses it with its field.
      if (++depth >= MAX_JSON_DEPTH) return -1;
    } else if (d === 0x7d || d === 0x5d) {
      depth--;
      if (depth === 0) return j + 1;
    }
  }
  return -1;
}

/** Index just after an array of strings at i (`["a", "b"]`), or -1 for anything else. */
export function skipStringArray(b: Uint8Array, i: number, end: number): number {
  if (b[i] !== 0x5b) return -1;
  let j = skipSpace(b, i + 1);
  if (b[j] === 0x5d) return j + 1;
  for (;;) {
    if (b[j] !== QUOTE) return -1;
    j = skipString(b, j, end);
    if (j < 0) return -1;
    j = skipSpace(b, j);
    const c = b[j];
    if (c === 0x5d) return j + 1;
    if (c !== 0x2c) return -1;
    j = skipSpace(b, j + 1);
  }
}

/**
 * Checks that the token strings of the array at i, as written (escapes and all), put together are the
 * response string's content bytes [from, to) exactly, and returns where each token starts in the
 * decoded response (UTF-16 units) and the index after the array. Null when they are not plain strings or
 * do not match byte for byte (the normal path then compares decoded text).
 */
export function readSpellingTokens(
  b: Uint8Array,
  i: number,
  response: { from: number; to: number },
): { starts: number[]; end: number } | null {
  if (b[i] !== 0x5b) return null;
  const starts: number[] = [];
  // `at` is the next response byte to match. It only grows, so a token running past the response
  // end can never come back to `to`: the final check catches it without a bound check per byte.
  let at = response.from;
  let units = 0; // UTF-16 length of the response so far
  let j = skipSpace(b, i + 1);
  if (b[j] === 0x5d) return at === response.to ? { starts, end: j + 1 } : null;
  for (;;) {
    if (b[j] !== QUOTE) return null;
    starts.push(units);
    j++;
    for (;;) {
      const c = b[j] as number;
      if (c === QUOTE) break;
      if (c !== b[at]) return null; // every byte of the token is the response's next byte
      if (c >= 0x20 && c < 0x80 && c !== BACKSLASH) {
        // the common case: a printable ASCII character
        j++;
        at++;
        units++;
        continue;
      }
      if (c < 0x20) return null; // a raw control character: not JSON
      // An escape (\n, \uXXXX) or a multi-byte UTF-8 character: one unit (two outside the BMP).
      const size = c === BACKSLASH ? (b[j + 1] === 0x75 ? 6 : 2) : c >= 0xf0 ? 4 : c >= 0xe0 ? 3 : 2;
      for (let k = 1; k < size; k++) if (b[j + k] !== b[at + k]) return null;
      j += size;
      at += size;
      units += c >= 0xf0 ? 2 : 1;
    }
    j = skipSpace(b, j + 1);
    const d = b[j];
    if (d === 0x5d) return at === response.to ? { starts, end: j + 1 } : null;
    if (d !== 0x2c) return null;
    j = skipSpace(b, j + 1);
  }
}

const POW10 = new Float64Array([
  1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20,
  1e21, 1e22,
]);
const FLOAT32_MAX = 3.4028234663852886e38;
/** Digits the loop reads exactly (10^15 < 2^53): mantissa / 10^k is then the correctly rounded double (Clinger). */
const KEPT_DIGITS = 15;
let scratch = new Float32Array(4096);

/**
 * The array through JSON.parse, for numbers the digit loop does not take (more than 15 digits, as
 * full-precision doubles have, or an exponent): V8 reads those faster than a JavaScript loop could round
 * them correctly. Same checks and the same Float32 rounding as the normal path.
 */
function viaJsonParse(b: Uint8Array, i: number, end: number): { values: Float32Array; end: number } | null {
  const close = b.indexOf(0x5d, i); // a number array holds no nested ']'
  if (close < 0 || close >= end) return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(b.buffer, b.byteOffset + i, close + 1 - i).toString('latin1'));
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
 * Reads a JSON array of numbers at i straight into a Float32Array, rounded as the normal path rounds
 * (Math.fround of JSON.parse's double); null on anything else (not JSON, not numbers) or on a value beyond
 * the Float32 range, which the normal path then reports.
 */
export function readFloat32Array(b: Uint8Array, i: number, end: number): { values: Float32Array; end: number } | null {
  if (b[i] !== 0x5b) return null;
  let j = skipSpace(b, i + 1);
  let n = 0;
  if (b[j] !== 0x5d) {
    for (;;) {
      let c = b[j] as number;
      const negative = c === 0x2d;
      if (negative) c = b[++j] as number;
      if (c < 0x30 || c > 0x39) return null;
      // A leading zero: not JSON.
      if (c === 0x30 && (b[j + 1] as number) >= 0x30 && (b[j + 1] as number) <= 0x39) return null;
      // The common case: few digits, no exponent. Exact as JSON.parse (Clinger's fast path).
      const digitsStart = j;
      let mantissa = 0;
      do {
        mantissa = mantissa * 10 + (c - 0x30);
        c = b[++j] as number;
      } while (c >= 0x30 && c <= 0x39);
      let fraction = 0;
      if (c === 0x2e) {
        const fractionStart = ++j;
        c = b[j] as number;
        while (c >= 0x30 && c <= 0x39) {
          mantissa = mantissa * 10 + (c - 0x30);
          c = b[++j] as number;
        }
        fraction = j - fractionStart;
        if (fraction === 0) return null;
      }
      const digits = j - digitsStart - (fraction > 0 ? 1 : 0);
      if (c === 0x65 || c === 0x45 || digits > KEPT_DIGITS || fraction > 22) return viaJsonParse(b, i, end);
      const magnitude = mantissa / (POW10[fraction] as number);
      if (!(magnitude <= FLOAT32_MAX)) return null;
      if (n === scratch.length) {
        const bigger = new Float32Array(n * 2);
        bigger.set(scratch);
        scratch = bigger;
      }
      scratch[n++] = negative ? -magnitude : magnitude; // rounded to Float32 by the store
      if (c !== 0x2c) {
        j = skipSpace(b, j);
        c = b[j] as number;
        if (c === 0x5d) break;
        if (c !== 0x2c) return null;
      }
      j = skipSpace(b, j + 1);
    }
  }
  return { values: scratch.slice(0, n), end: j + 1 };
}
