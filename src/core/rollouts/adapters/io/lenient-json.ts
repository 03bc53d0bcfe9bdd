// JSON.parse that also accepts the bare NaN / Infinity / -Infinity tokens Python's json.dumps writes by
// default (allow_nan=True). Trainer logs are full of them (a NaN advantage, an Infinity loss); refusing the
// whole record would lose the rest of it, so the tokens become null and the caller reports a warning.

export interface LenientParse {
  value: unknown;
  /** How many bare NaN / Infinity tokens were replaced by null. */
  nonFiniteCount: number;
  /** Keys whose value held a replaced token (nearest enclosing key for array items). */
  nonFiniteFields: string[];
}

const BARE_TOKENS = ['-Infinity', 'Infinity', 'NaN'] as const;

export function parseJsonLenient(text: string): LenientParse {
  try {
    return { value: JSON.parse(text), nonFiniteCount: 0, nonFiniteFields: [] };
  } catch (err) {
    // Only pay for the rewrite when a token could be the cause.
    if (!text.includes('NaN') && !text.includes('Infinity')) throw err;
    const rewritten = replaceBareNonFinite(text);
    if (rewritten.count === 0) throw err;
    try {
      return { value: JSON.parse(rewritten.text), nonFiniteCount: rewritten.count, nonFiniteFields: rewritten.fields };
    } catch {
      throw err;
    }
  }
}

/** Replaces NaN / Infinity tokens that stand as values (outside strings) with null. */
export function replaceBareNonFinite(text: string): { text: string; count: number; fields: string[] } {
  const out: string[] = [];
  const fields = new Set<string>();
  let count = 0;
  let copiedUpTo = 0;
  let lastString = '';
  let lastKey = '';
  let i = 0;
  while (i < text.length) {
    const ch = text[i];
    if (ch === '"') {
      const end = endOfString(text, i);
      lastString = text.slice(i + 1, end - 1);
      i = end;
      continue;
    }
    if (ch === ':') {
      lastKey = lastString;
      i++;
      continue;
    }
    const token = ch === '-' || ch === 'I' || ch === 'N' ? BARE_TOKENS.find((t) => text.startsWith(t, i)) : undefined;
    if (token && isValuePosition(text, i) && isTokenEnd(text, i + token.length)) {
      out.push(text.slice(copiedUpTo, i), 'null');
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

/** Index just after the closing quote of the string that opens at `start`. */
function endOfString(text: string, start: number): number {
  let i = start + 1;
  while (i < text.length) {
    const ch = text[i];
    if (ch === '\\') i += 2;
    else if (ch === '"') return i + 1;
    else i++;
  }
  return text.length;
}

function isValuePosition(text: string, index: number): boolean {
  let j = index - 1;
  while (j >= 0 && isSpace(text[j])) j--;
  return j < 0 || text[j] === ':' || text[j] === ',' || text[j] === '[';
}

function isTokenEnd(text: string, index: number): boolean {
  const ch = text[index];
  return ch === undefined || ch === ',' || ch === ']' || ch === '}' || isSpace(ch);
}

function isSpace(ch: string | undefined): boolean {
  return ch === ' ' || ch === '\n' || ch === '\r' || ch === '\t';
}
