// Turning one record's JSON text into a source item. Python's json.dumps writes NaN, Infinity and
// -Infinity, which JSON.parse rejects; such records are re-read with those bare tokens as null.
import type { SourceItem } from './types';
import { badItem, excerpt, goodItem } from './types';

const NON_FINITE_HINT = /NaN|Infinity/;

export function parseJsonRecord(text: string, line: number, what: 'line' | 'element'): SourceItem {
  let value: unknown;
  let nonFinite = false;
  try {
    value = JSON.parse(text);
  } catch (err) {
    const fixed = NON_FINITE_HINT.test(text) ? replaceNonFiniteTokens(text) : text;
    if (fixed === text)
      return badItem(line, {
        code: 'PARSE_ERROR',
        message: `invalid JSON: ${shortMessage(err)}`,
        excerpt: excerpt(text),
      });
    try {
      value = JSON.parse(fixed);
      nonFinite = true;
    } catch (err2) {
      return badItem(line, {
        code: 'PARSE_ERROR',
        message: `invalid JSON: ${shortMessage(err2)}`,
        excerpt: excerpt(text),
      });
    }
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    const kind = value === null ? 'null' : Array.isArray(value) ? 'an array' : `a ${typeof value}`;
    return badItem(line, {
      code: 'PARSE_ERROR',
      message: `expected a JSON object per ${what}, got ${kind}`,
      excerpt: excerpt(text),
    });
  }
  return goodItem(line, value as Record<string, unknown>, text, nonFinite);
}

/** Replaces NaN, Infinity and -Infinity outside strings by null; returns the text unchanged if there are none. */
export function replaceNonFiniteTokens(text: string): string {
  let out = '';
  let copiedUpTo = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c /* \ */) i++;
      else if (c === 0x22 /* " */) inString = false;
      continue;
    }
    if (c === 0x22) {
      inString = true;
      continue;
    }
    let len = 0;
    if (c === 0x4e /* N */ && text.startsWith('NaN', i)) len = 3;
    else if (c === 0x49 /* I */ && text.startsWith('Infinity', i)) len = 8;
    else if (c === 0x2d /* - */ && text.startsWith('-Infinity', i)) len = 9;
    if (len > 0) {
      out += `${text.slice(copiedUpTo, i)}null`;
      i += len - 1;
      copiedUpTo = i + 1;
    }
  }
  return copiedUpTo === 0 ? text : out + text.slice(copiedUpTo);
}

function shortMessage(err: unknown): string {
  const message = err instanceof Error ? err.message : String(err);
  return message.length > 160 ? `${message.slice(0, 160)}…` : message;
}
