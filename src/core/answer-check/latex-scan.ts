// Bracket-aware scanning shared by extraction, normalisation and structure parsing. LaTeX escapes
// (`\{`, `\}`) are skipped so that a set written `\{1,2\}` does not unbalance a `\boxed{…}`.

const OPENERS = '([{';
const CLOSERS = ')]}';

/**
 * Index of the bracket that closes the one at `open`. Any closer ends any opener, because an
 * interval such as `[1, 2)` closes a `[` with a `)`. Returns -1 when the text ends first.
 */
export function matchingClose(s: string, open: number): number {
  let depth = 0;
  for (let i = open; i < s.length; i++) {
    const ch = s[i] as string;
    if (ch === '\\') {
      i++;
      continue;
    }
    if (OPENERS.includes(ch)) depth++;
    else if (CLOSERS.includes(ch)) {
      depth--;
      if (depth === 0) return i;
      if (depth < 0) return -1;
    }
  }
  return -1;
}

/** Index of the `}` closing the `{` at `open`, counting braces only (for `\boxed{(1, 2]}`). */
export function matchingBrace(s: string, open: number): number {
  let depth = 0;
  for (let i = open; i < s.length; i++) {
    const ch = s[i];
    if (ch === '\\') {
      i++;
      continue;
    }
    if (ch === '{') depth++;
    else if (ch === '}') {
      depth--;
      if (depth === 0) return i;
    }
  }
  return -1;
}

/** Splits at `separator` where no bracket is open; a separator may be several characters. */
export function splitTopLevel(s: string, separator: string): string[] {
  if (!s.includes(separator)) return [s];
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < s.length; i++) {
    const ch = s[i] as string;
    if (ch === '\\' && !s.startsWith(separator, i)) {
      i++;
      continue;
    }
    if (OPENERS.includes(ch)) depth++;
    else if (CLOSERS.includes(ch)) depth = Math.max(0, depth - 1);
    else if (depth === 0 && s.startsWith(separator, i)) {
      parts.push(s.slice(start, i));
      start = i + separator.length;
      i = start - 1;
    }
  }
  parts.push(s.slice(start));
  return parts;
}

/** True when the first character opens a bracket that the last character closes. */
export function isWrapped(s: string): boolean {
  if (s.length < 2 || !OPENERS.includes(s[0] as string)) return false;
  return matchingClose(s, 0) === s.length - 1;
}

/** `{…}` around the whole string removed, as often as it occurs (`{{5}}` → `5`). */
export function stripOuterBraces(s: string): string {
  let out = s;
  while (out.startsWith('{') && matchingBrace(out, 0) === out.length - 1) out = out.slice(1, -1);
  return out;
}
