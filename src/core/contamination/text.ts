// What the contamination checks compare: a problem's text reduced to tokens that survive the ways the same problem is
// written in different sets (case, whitespace, `$…$` vs `\(…\)`, LaTeX spacing and sizing, `\dfrac`/`\tfrac`,
// braces around one character, thousands separators), each token hashed to 32 bits. Numbers are flagged so that the
// number-aware check can compare problems "up to their numbers".
import { fmix32 } from '../../shared/random';
import { hashString32 } from '../util/hash32';

/** Commands and characters that change how a formula looks, never what it says. */
const LAYOUT_ONLY =
  /\\(?:(?:left|right|bigg?[lr]?|displaystyle|textstyle|scriptstyle|quad|qquad)(?![a-z])|[,;:! ])|~|\$|\\[()[\]]/g;
// A letter may not follow (\dfrac is not \dfracx), a digit may: `\dfrac32` is MATH's shorthand for 3/2.
const FRACTION_VARIANTS = /\\[dt]frac(?![a-z])/g;
/** `\frac32` and `\frac5{12}`: one-digit arguments without braces, as MATH writes them. */
const FRACTION_SHORTHAND = /\\frac\s*(\d)\s*(\d)/g;
const FRACTION_SHORTHAND_FIRST = /\\frac\s*(\d)(?=\s*\{)/g;
const ONE_CHARACTER_GROUP = /([\^_])\{\s*([a-z0-9])\s*\}/g;
const THOUSANDS_SEPARATOR = /(\d)(?:,|\{,\}|\\,)(?=\d{3}(?!\d))/g;
/** A LaTeX command, a word, a number (decimals kept whole), or one symbol that carries meaning. */
const TOKEN = /\\[a-z]+|[a-z]+|\d+(?:\.\d+)?|[^\sa-z0-9{}.,;:?!'"`\\]/g;
const NUMBER = /^\d/;

/** The text as the checks see it: NFKC, lower case, layout-only LaTeX removed. */
export function matchText(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(FRACTION_VARIANTS, '\\frac')
    .replace(FRACTION_SHORTHAND, '\\frac{$1}{$2}')
    .replace(FRACTION_SHORTHAND_FIRST, '\\frac{$1}')
    .replace(LAYOUT_ONLY, ' ')
    .replace(THOUSANDS_SEPARATOR, '$1')
    .replace(ONE_CHARACTER_GROUP, '$1$2');
}

export function tokenize(text: string): string[] {
  return matchText(text).match(TOKEN) ?? [];
}

/** The hash every number token gets in the template form: "equal up to the numbers". */
export const NUMBER_TOKEN = hashString32('#');

export interface AnalyzedText {
  /** One 32-bit hash per token. */
  tokens: Uint32Array;
  /** The same with every number replaced by NUMBER_TOKEN. */
  template: Uint32Array;
  /** Whether the text holds a number at all (a template match needs one that differs). */
  hasNumbers: boolean;
}

export function analyzeText(text: string): AnalyzedText {
  const words = tokenize(text);
  const tokens = new Uint32Array(words.length);
  const template = new Uint32Array(words.length);
  let hasNumbers = false;
  for (let i = 0; i < words.length; i++) {
    const word = words[i] as string;
    const h = hashString32(word);
    tokens[i] = h;
    const isNumber = NUMBER.test(word);
    hasNumbers ||= isNumber;
    template[i] = isNumber ? NUMBER_TOKEN : h;
  }
  return { tokens, template, hasNumbers };
}

/**
 * A 53-bit key of a whole token sequence (two independent 32-bit hashes packed into one double): an exact-match
 * lookup among 10^6 x 10^4 pairs then expects ~10^-6 false hits, where one 32-bit key would expect ~2.
 */
export function sequenceKey(tokens: Uint32Array): number {
  let a = 0x9747b28c ^ tokens.length;
  let b = 0x5bd1e995 ^ tokens.length;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i] as number;
    a = Math.imul(a ^ t, 0x01000193);
    b = Math.imul((b ^ t) + 0x7f4a7c15, 0xcc9e2d51);
  }
  return fmix32(a) * 0x200000 + (fmix32(b) >>> 11);
}

/** True when two token sequences are the same (the check behind a key hit). */
export function sameTokens(a: Uint32Array, b: Uint32Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
