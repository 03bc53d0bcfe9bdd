// A line that JSON.parse refuses is often valid but for bare NaN / Infinity / -Infinity, which Python's
// json.dumps writes for float('nan') and float('inf') (common in logprobs and RM scores). Re-parsing
// with those tokens turned into marked strings lets the checks say exactly which value it was.
import { NON_FINITE_MARK } from './line';

const TOKENS = ['-Infinity', 'Infinity', 'NaN'] as const;

/** The line with bare non-finite tokens (outside strings) replaced, or null when it has none. */
export function markNonFinite(text: string): string | null {
  let out = '';
  let last = 0;
  let inString = false;
  let found = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c)
        i++; // backslash: skip the escaped character
      else if (c === 0x22) inString = false;
      continue;
    }
    if (c === 0x22) {
      inString = true;
      continue;
    }
    if (c !== 0x2d && c !== 0x49 && c !== 0x4e) continue; // '-', 'I', 'N'
    const token = TOKENS.find((t) => text.startsWith(t, i));
    if (!token) continue;
    out += `${text.slice(last, i)}${JSON.stringify(NON_FINITE_MARK + token)}`;
    i += token.length - 1;
    last = i + 1;
    found = true;
  }
  return found ? out + text.slice(last) : null;
}

/** JSON.parse, falling back to the marked re-parse; the error is JSON.parse's original one. */
export function parseLenient(text: string): { value: unknown } | { error: Error } {
  try {
    return { value: JSON.parse(text) as unknown };
  } catch (err) {
    const marked = markNonFinite(text);
    if (marked !== null) {
      try {
        return { value: JSON.parse(marked) as unknown };
      } catch {
        // fall through: the line is broken in some other way too
      }
    }
    return { error: err as Error };
  }
}
