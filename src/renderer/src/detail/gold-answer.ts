// How to show a gold answer. Datasets give answers as bare LaTeX ("\frac{1}{2}"), as text with $…$
// delimiters, as plain words, or as JSON numbers and lists; each needs a different presentation.
import { hasMath, tokenizeMath } from '../math/tokenize-math';

export type AnswerView =
  | { kind: 'none' }
  /** Text with delimited math: render through the tokenizer. */
  | { kind: 'mixed'; text: string }
  /** Bare LaTeX without delimiters: render the whole string as one formula. */
  | { kind: 'tex'; tex: string }
  | { kind: 'plain'; text: string }
  /** Not a string (number, list, object): show the JSON form. */
  | { kind: 'json'; text: string };

const LATEX_HINT = /\\[a-zA-Z]+|[\^_{}]/;

export function answerView(raw: unknown): AnswerView {
  if (raw === null || raw === undefined) return { kind: 'none' };
  if (typeof raw !== 'string') return { kind: 'json', text: stringifyRaw(raw) };
  if (raw.trim() === '') return { kind: 'plain', text: raw };
  if (hasMath(tokenizeMath(raw))) return { kind: 'mixed', text: raw };
  if (LATEX_HINT.test(raw) && raw.length <= 2000) return { kind: 'tex', tex: raw };
  return { kind: 'plain', text: raw };
}

/** JSON for display; values JSON cannot hold (bigint, undefined inside objects) fall back to String(). */
export function stringifyRaw(value: unknown): string {
  try {
    const text = JSON.stringify(value, null, 2);
    return text === undefined ? String(value) : text;
  } catch {
    return String(value);
  }
}
