// The rendered view's pieces, with their place in the response. The math module's tokenizer decides what
// is math (one set of rules for the whole app); this module finds each segment's character range in the
// response, splits text into runs at sentence ends and newlines (so tinting is finer than a paragraph),
// and groups everything into blocks at blank lines, the unit the rendered view virtualises.
import { tokenizeMath } from '../../math/tokenize-math';
import type { MathSegment } from '../../math/tokenize-math';

export type RenderedItem =
  | { kind: 'text'; from: number; to: number; text: string }
  | {
      kind: 'math';
      from: number;
      to: number;
      tex: string;
      display: boolean;
      /** With its delimiters, as written. */ source: string;
    };

export interface RenderedBlock {
  /** Items first .. last - 1 of the item list. */
  first: number;
  last: number;
  from: number;
  to: number;
}

export interface RenderedLayout {
  items: RenderedItem[];
  blocks: RenderedBlock[];
}

const OPENERS = [
  { open: '$$', close: '$$', display: true },
  { open: '\\[', close: '\\]', display: true },
  { open: '\\(', close: '\\)', display: false },
  { open: '$', close: '$', display: false },
] as const;

/**
 * Character ranges of the tokenizer's segments. Text segments may differ from the source only where `\$`
 * became `$`; math segments are verbatim between one of the four delimiter pairs.
 */
export function locateSegments(input: string, segments: readonly MathSegment[]): RenderedItem[] {
  const out: RenderedItem[] = [];
  let at = 0;
  for (const segment of segments) {
    if (segment.kind === 'text') {
      const from = at;
      for (let k = 0; k < segment.text.length; k++) {
        // The tokenizer shows an escaped dollar as "$"; the source has two characters there.
        if (segment.text[k] === '$' && input[at] === '\\' && input[at + 1] === '$') at += 2;
        else at += 1;
      }
      out.push({ kind: 'text', from, to: at, text: segment.text });
      continue;
    }
    const opener = OPENERS.find(
      (o) =>
        o.display === segment.display &&
        input.startsWith(o.open, at) &&
        input.startsWith(segment.tex, at + o.open.length) &&
        input.startsWith(o.close, at + o.open.length + segment.tex.length),
    );
    if (!opener) throw new Error(`math segment not found at ${at}`);
    const to = at + opener.open.length + segment.tex.length + opener.close.length;
    out.push({ kind: 'math', from: at, to, tex: segment.tex, display: segment.display, source: input.slice(at, to) });
    at = to;
  }
  return out;
}

const RUN_END = /[.!?]*\n+|[.!?](?=\s)/g;
const BLOCK_END = /\n[ \t]*\n/g;

/** Cuts a text item at every match end of `re`, keeping offsets; the source text is used for slicing. */
function cutText(
  item: Extract<RenderedItem, { kind: 'text' }>,
  input: string,
  re: RegExp,
): Extract<RenderedItem, { kind: 'text' }>[] {
  // Items whose text differs from the source (an escaped dollar) are not cut: offsets would drift.
  if (item.to - item.from !== item.text.length) return [item];
  const pieces: Extract<RenderedItem, { kind: 'text' }>[] = [];
  const matcher = new RegExp(re.source, 'g');
  let start = 0;
  for (let m = matcher.exec(item.text); m !== null; m = matcher.exec(item.text)) {
    const end = m.index + m[0].length;
    if (end > start && end < item.text.length) {
      pieces.push({
        kind: 'text',
        from: item.from + start,
        to: item.from + end,
        text: input.slice(item.from + start, item.from + end),
      });
      start = end;
    }
  }
  pieces.push({ kind: 'text', from: item.from + start, to: item.to, text: item.text.slice(start) });
  return pieces;
}

/** Items and blocks for the rendered view; a block ends after a blank line (math never splits a block). */
export function layoutRendered(input: string): RenderedLayout {
  const located = locateSegments(input, tokenizeMath(input));
  const items: RenderedItem[] = [];
  const blocks: RenderedBlock[] = [];
  let blockFirst = 0;
  const closeBlock = () => {
    if (items.length > blockFirst) {
      blocks.push({
        first: blockFirst,
        last: items.length,
        from: (items[blockFirst] as RenderedItem).from,
        to: (items[items.length - 1] as RenderedItem).to,
      });
    }
    blockFirst = items.length;
  };
  for (const item of located) {
    if (item.kind === 'math') {
      items.push(item);
      continue;
    }
    for (const paragraph of cutText(item, input, BLOCK_END)) {
      items.push(...cutText(paragraph, input, RUN_END));
      if (/\n[ \t]*\n$/.test(paragraph.text)) closeBlock();
    }
  }
  closeBlock();
  return { items, blocks };
}

/** Largest i with sorted[i] <= x, or -1. */
export function lastAtOrBefore(sorted: ArrayLike<number>, x: number): number {
  let lo = 0;
  let hi = sorted.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if ((sorted[mid] as number) <= x) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}

/**
 * The pieces overlapping characters [from, to): `starts` has pieces + 1 entries (the last is the text
 * length). Returns [first, last] inclusive, or null when there are no pieces.
 */
export function piecesCovering(starts: Int32Array, from: number, to: number): [number, number] | null {
  const n = starts.length - 1;
  if (n <= 0) return null;
  // Zero-width pieces at `from` belong to the range; the piece containing `from` is the last one starting
  // at or before it.
  const first = Math.min(n - 1, Math.max(0, lastAtOrBefore(starts.subarray(0, n), from)));
  const last = Math.max(first, Math.min(n - 1, lastAtOrBefore(starts.subarray(0, n), Math.max(from, to - 1))));
  return [first, last];
}
