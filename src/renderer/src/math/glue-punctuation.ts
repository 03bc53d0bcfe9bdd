// Keeps punctuation next to the formula it follows ("$12$?", "$x$,"): the browser may otherwise break the
// line between KaTeX's inline boxes and the mark, leaving a lone "?" at the start of a line.
import type { MathSegment } from './tokenize-math';

export type RenderItem =
  { kind: 'text'; text: string } | { kind: 'math'; tex: string; display: boolean; after: string };

const TRAILING_PUNCTUATION = /^[.,;:!?)\]}'"’”%]+/;

export function gluePunctuation(segments: readonly MathSegment[]): RenderItem[] {
  const items: RenderItem[] = [];
  for (let i = 0; i < segments.length; i++) {
    const segment = segments[i];
    if (!segment) continue;
    if (segment.kind === 'text') {
      items.push({ kind: 'text', text: segment.text });
      continue;
    }
    const next = segments[i + 1];
    const after = !segment.display && next?.kind === 'text' ? (TRAILING_PUNCTUATION.exec(next.text)?.[0] ?? '') : '';
    items.push({ kind: 'math', tex: segment.tex, display: segment.display, after });
    if (after && next?.kind === 'text') {
      const rest = next.text.slice(after.length);
      if (rest) items.push({ kind: 'text', text: rest });
      i++;
    }
  }
  return items;
}
