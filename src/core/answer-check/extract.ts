// Final-answer extraction from a model response, in the order OREAL's judger and the Qwen2.5-Math
// parser use: cut at the thinking-finish marker, then the last \boxed{…}, then "the answer is …",
// then GSM8K's "#### n", then (as Math-Verify does) the last math span $…$, then the last number.
// The rule that fired is returned so curators can see how weak the evidence for an extracted answer is.
import { matchingBrace } from './latex-scan';
import { repairControlChars } from './repair';

export type ExtractionRule = 'boxed' | 'answer-phrase' | 'gsm8k' | 'last-math' | 'last-number' | 'none';

export interface ExtractOptions {
  /** Markers after which the final answer follows; the text after the last one is kept. */
  thinkMarkers?: readonly string[];
  /** When given, a response that does not end with one of these is truncated; the token is removed. */
  stopTokens?: readonly string[];
  /** The generator's finish reason; 'length' (or 'max_tokens') marks the response truncated. */
  finishReason?: string | null;
  /** Fall back to the last math span `$…$`, `\(…\)`, `\[…\]` (default true, as Math-Verify does). */
  useLastMath?: boolean;
  /** Fall back to the last number in the text (default true, as OREAL and Qwen2.5-Math do). */
  useLastNumber?: boolean;
}

export interface Extraction {
  answer: string | null;
  rule: ExtractionRule;
  truncated: boolean;
  /** Why the response counts as truncated, when it does. */
  truncationReason: string | null;
  /** The thinking-finish marker the text was cut at, if any. */
  cutAt: string | null;
}

export const DEFAULT_THINK_MARKERS: readonly string[] = ['</think>', '**Final Answer**', '<conclude>'];
const LENGTH_REASONS = new Set(['length', 'max_tokens', 'max_length']);

export function extractAnswer(response: string, options: ExtractOptions = {}): Extraction {
  let text = repairControlChars(response, 'response');
  const { truncated, truncationReason, text: withoutStop } = detectTruncation(text, options);
  text = withoutStop;
  const cut = cutAtLastMarker(text, options.thinkMarkers ?? DEFAULT_THINK_MARKERS);
  text = cut.text;
  const base = { truncated, truncationReason, cutAt: cut.marker };

  const boxed = lastBoxedContent(text);
  if (boxed !== null) return { ...base, answer: boxed, rule: 'boxed' };
  const phrase = answerAfterPhrase(text);
  if (phrase !== null) return { ...base, answer: phrase, rule: 'answer-phrase' };
  const gsm = /####\s*([^\n]+)/g;
  let lastGsm: string | null = null;
  for (let m = gsm.exec(text); m; m = gsm.exec(text)) lastGsm = m[1] ?? null;
  if (lastGsm !== null && lastGsm.trim() !== '') return { ...base, answer: cleanGsm8k(lastGsm), rule: 'gsm8k' };
  if (options.useLastMath ?? true) {
    const math = lastMathSpan(text);
    if (math !== null) return { ...base, answer: math, rule: 'last-math' };
  }
  if (options.useLastNumber ?? true) {
    const num = lastNumber(text);
    if (num !== null) return { ...base, answer: num, rule: 'last-number' };
  }
  return { ...base, answer: null, rule: 'none' };
}

function detectTruncation(
  text: string,
  options: ExtractOptions,
): { truncated: boolean; truncationReason: string | null; text: string } {
  let out = text;
  let reason: string | null = null;
  if (options.finishReason && LENGTH_REASONS.has(options.finishReason))
    reason = `finish reason "${options.finishReason}"`;
  const stops = options.stopTokens?.filter((t) => t.length > 0) ?? [];
  if (stops.length > 0) {
    const trimmed = out.trimEnd();
    const stop = stops.find((t) => trimmed.endsWith(t));
    if (stop === undefined) reason ??= `no stop token (${stops.join(', ')}) at the end`;
    else out = trimmed.slice(0, trimmed.length - stop.length);
  }
  return { truncated: reason !== null, truncationReason: reason, text: out };
}

function cutAtLastMarker(text: string, markers: readonly string[]): { text: string; marker: string | null } {
  let best = -1;
  let marker: string | null = null;
  for (const m of markers) {
    const at = text.lastIndexOf(m);
    if (at >= 0 && at + m.length > best) {
      best = at + m.length;
      marker = m;
    }
  }
  return marker === null ? { text, marker } : { text: text.slice(best), marker };
}

/** Content of the last balanced `\boxed{…}` / `\fbox{…}`; an unclosed last one falls back to the one before. */
export function lastBoxedContent(text: string): string | null {
  const re = /\\(?:boxed|fbox)(?![a-zA-Z])/g;
  const starts: number[] = [];
  for (let m = re.exec(text); m; m = re.exec(text)) starts.push(m.index + m[0].length);
  for (let k = starts.length - 1; k >= 0; k--) {
    const after = starts[k] as number;
    let i = after;
    while (i < text.length && (text[i] === ' ' || text[i] === '\t')) i++;
    if (text[i] === '{') {
      const close = matchingBrace(text, i);
      if (close >= 0) return text.slice(i + 1, close).trim();
      continue;
    }
    if (i > after) {
      // `\boxed 5` (no braces): up to the end of the math span or line, as MATH's own helper does.
      const rest = /^[^$\n]*?(?=\$|\\\]|\\\)|\n|$)/.exec(text.slice(i));
      const answer = rest?.[0].trim().replace(/[.,;]+$/, '') ?? '';
      if (answer !== '') return answer;
    }
  }
  return null;
}

const PHRASE = /(?:final answer|the answer)\s*(?:is|:)\s*:?/gi;

/** Text after the last "the answer is" / "the final answer is": its first math span, else the rest of that line. */
export function answerAfterPhrase(text: string): string | null {
  let end = -1;
  for (let m = PHRASE.exec(text); m; m = PHRASE.exec(text)) end = m.index + m[0].length;
  PHRASE.lastIndex = 0;
  if (end < 0) return null;
  const rest = text.slice(end).replace(/^[\s*]+/, '');
  const span = /^(?:\$\$([\s\S]*?)\$\$|\$([\s\S]*?)\$|\\\[([\s\S]*?)\\\]|\\\(([\s\S]*?)\\\))/.exec(rest);
  const raw = span ? (span[1] ?? span[2] ?? span[3] ?? span[4] ?? '') : (rest.split('\n')[0] ?? '');
  const answer = raw
    .replace(/\*+/g, '')
    .trim()
    .replace(/[.;]+$/, '')
    .trim();
  return answer === '' ? null : answer;
}

const MATH_SPAN = /\$\$([\s\S]+?)\$\$|\\\[([\s\S]+?)\\\]|\\\(([\s\S]+?)\\\)|(?<!\\)\$([^$\n]+?)(?<!\\)\$/g;

/**
 * Content of the last math span. A single-dollar span that reads like prose ("$5 and $") is a pair
 * of currency amounts, not math, and is skipped.
 */
export function lastMathSpan(text: string): string | null {
  let last: string | null = null;
  for (let m = MATH_SPAN.exec(text); m; m = MATH_SPAN.exec(text)) {
    const single = m[4];
    if (single !== undefined && (/\s$/.test(single) || /(?:^|\s)[a-zA-Z]{2,}\s+[a-zA-Z]{2,}/.test(single))) continue;
    const content = (m[1] ?? m[2] ?? m[3] ?? single ?? '').trim();
    // A computation that ends the text ("$180 + 24 = 204$") gives its result.
    const result = /=\s*(-?\d+(?:\.\d+)?)\s*[.,]?$/.exec(content);
    if (content !== '') last = result ? (result[1] as string) : content;
  }
  MATH_SPAN.lastIndex = 0;
  return last;
}

function cleanGsm8k(s: string): string {
  return s.trim().replace(/[$,]/g, '').replace(/\.$/, '').trim();
}

const NUMBER = /-?\d{1,3}(?:,\d{3})+(?:\.\d+)?|-?\d+(?:\.\d+)?|-?\.\d+/g;

/** The last number, with thousands separators removed (`1,234` → `1234`, but `(1,2)` → `2`). */
export function lastNumber(text: string): string | null {
  let last: string | null = null;
  for (let m = NUMBER.exec(text); m; m = NUMBER.exec(text)) last = m[0];
  NUMBER.lastIndex = 0;
  return last === null ? null : last.replace(/,/g, '');
}
