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
