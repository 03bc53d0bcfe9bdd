// Normal forms used to compare prompts: duplicate detection within a dataset, and joining rollout
// logs to prompts by question text.
import { hash } from 'node:crypto';

/** Unicode NFKC, unified line endings, collapsed whitespace, trimmed. Case and LaTeX are kept. */
export function normalizeQuestion(text: string): string {
  // Only runs of two or more, or single non-space whitespace, need replacing: much faster than /\s+/g
  // on text that is mostly single spaces, with the same result (CRLF is such a run).
  return text
    .normalize('NFKC')
    .replace(/\s{2,}|[^\S ]/g, ' ')
    .trim();
}

/** 16 hex digits of SHA-1 over the normalised question: short, and collisions are negligible at 10^7 rows. */
export function questionHash(text: string): string {
  return hash('sha1', normalizeQuestion(text), 'hex').slice(0, 16);
}

/** How an answer is shown: strings as given, anything else (27.0, lists) in its JSON form. */
export function answerDisplay(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string') return value;
  if (typeof value === 'number')
    return Number.isInteger(value) && !Object.is(value, -0) ? `${value}` : JSON.stringify(value);
  return JSON.stringify(value);
}

/** A light textual normal form (the verifier does the real equivalence checks). */
export function answerNormalized(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  if (Array.isArray(value)) return value.map((v) => answerNormalized(v) ?? '').join(', ');
  let s = typeof value === 'number' ? String(value) : String(value);
  s = s.trim().replace(/^\$+|\$+$/g, '');
  s = s
    .replace(/\\[dt]frac/g, '\\frac')
    .replace(/\\left|\\right/g, '')
    .replace(/\\!|\\,|\\;|\\:/g, '');
  s = s.replace(/\s+/g, '');
  if (/^-?\d+\.0+$/.test(s)) s = s.replace(/\.0+$/, '');
  return s;
}

/** Index of the last balanced \boxed{…} or \fbox{…} content, or null. */
export function lastBoxed(text: string): string | null {
  const re = /\\(?:boxed|fbox)\s*\{/g;
  let result: string | null = null;
  let match: RegExpExecArray | null;
  while ((match = re.exec(text)) !== null) {
    let depth = 1;
    let i = match.index + match[0].length;
    const start = i;
    for (; i < text.length && depth > 0; i++) {
      const ch = text[i];
      if (ch === '\\') i++;
      else if (ch === '{') depth++;
      else if (ch === '}') depth--;
    }
    if (depth === 0) result = text.slice(start, i - 1);
  }
  return result;
}

/** Levels come as 3, "3" or "Level 3"; anything else is unknown. */
/** A difficulty level: a whole number from 0 to 999, given as a number or as text ("Level 3"); null otherwise. */
export function parseLevel(value: unknown): number | null {
  // 1e23 is an integer to JavaScript but no INTEGER to SQLite: only whole numbers in the range are levels.
  if (typeof value === 'number') return Number.isInteger(value) && value >= 0 && value <= 999 ? value : null;
  if (typeof value === 'string') {
    const m = /^\s*(?:level\s*)?(\d{1,3})\s*$/i.exec(value);
    if (m) return Number(m[1]);
  }
  return null;
}

/** Pass rates must be numbers in [0, 1]; strings holding numbers are accepted. */
export function parsePassRate(value: unknown): number | null | 'invalid' {
  if (value === null || value === undefined || value === '') return null;
  const n = typeof value === 'number' ? value : typeof value === 'string' ? Number(value) : NaN;
  if (!Number.isFinite(n) || n < 0 || n > 1) return 'invalid';
  return n;
}
