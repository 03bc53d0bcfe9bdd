import { describe, expect, it } from 'vitest';
import { tokenizeMath } from '../../math/tokenize-math';
import { lastAtOrBefore, layoutRendered, locateSegments, piecesCovering } from './segments';
import type { RenderedItem } from './segments';

/** What each item covers in the source. */
const sourceOf = (input: string, items: RenderedItem[]) => items.map((item) => input.slice(item.from, item.to));

describe('locateSegments', () => {
  it('finds every segment of the tokenizer in the source, delimiters included', () => {
    const input = 'Let $x=1$ and $$y^2$$ then \\(z\\) or \\[w\\].';
    const items = locateSegments(input, tokenizeMath(input));
    expect(sourceOf(input, items)).toEqual([
      'Let ',
      '$x=1$',
      ' and ',
      '$$y^2$$',
      ' then ',
      '\\(z\\)',
      ' or ',
      '\\[w\\]',
      '.',
    ]);
    expect(items.map((i) => i.to - i.from).reduce((a, b) => a + b, 0)).toBe(input.length);
  });
  it('accounts for escaped dollars, which the tokenizer shows as one character', () => {
    const input = 'It costs \\$5, so $x$ is \\$3.';
    const items = locateSegments(input, tokenizeMath(input));
    expect(sourceOf(input, items)).toEqual(['It costs \\$5, so ', '$x$', ' is \\$3.']);
    expect(items[0]).toMatchObject({ kind: 'text', text: 'It costs $5, so ' });
  });
  it('keeps unclosed math of a truncated rollout as text', () => {
    const input = 'so the answer is $\\frac{1}{';
    const items = locateSegments(input, tokenizeMath(input));
    expect(items).toEqual([{ kind: 'text', from: 0, to: input.length, text: input }]);
  });
});

describe('layoutRendered', () => {
  it('cuts text into runs at sentence ends and newlines and into blocks at blank lines', () => {
    const input = 'First. Second $a$.\nThird\n\nNew block \\[b\\] end';
    const { items, blocks } = layoutRendered(input);
    expect(sourceOf(input, items)).toEqual([
      'First.',
      ' Second ',
      '$a$',
      '.\n',
      'Third\n\n',
      'New block ',
      '\\[b\\]',
      ' end',
    ]);
    expect(blocks.map((b) => input.slice(b.from, b.to))).toEqual([
      'First. Second $a$.\nThird\n\n',
      'New block \\[b\\] end',
    ]);
    expect(items.every((item, k) => k === 0 || item.from === (items[k - 1] as RenderedItem).to)).toBe(true);
  });
  it('has no blocks for an empty response', () => {
    expect(layoutRendered('')).toEqual({ items: [], blocks: [] });
  });
});

describe('piecesCovering', () => {
  const starts = Int32Array.from([0, 3, 3, 6, 10]);
  it('finds the pieces overlapping a character range', () => {
    expect(piecesCovering(starts, 0, 3)).toEqual([0, 0]);
    expect(piecesCovering(starts, 2, 4)).toEqual([0, 2]);
    expect(piecesCovering(starts, 4, 10)).toEqual([2, 3]);
    expect(piecesCovering(starts, 9, 9)).toEqual([3, 3]);
    expect(piecesCovering(Int32Array.from([0]), 0, 1)).toBeNull();
  });
  it('binary-searches sorted offsets', () => {
    expect(lastAtOrBefore([1, 3, 3, 5], 3)).toBe(2);
    expect(lastAtOrBefore([1, 3], 0)).toBe(-1);
  });
});

// Real model output (Qwen2.5-Math responses), read through Vite's glob import: it matches nothing when
// ../shared/fixtures is absent (a user's fresh clone), and the test then skips.
const qwen = Object.values(
  import.meta.glob<string>('../../../../../../shared/fixtures/qwen25math_math_cot_100_rollouts.jsonl', {
    query: '?raw',
    import: 'default',
    eager: true,
  }),
)[0];
const NOTE =
  qwen === undefined ? ' (skipped: real-data fixtures not found in ../shared/fixtures beside the checkout)' : '';

describe.skipIf(qwen === undefined)(`rendered layout of real Qwen2.5-Math responses${NOTE}`, () => {
  const responses = (qwen ?? '')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .flatMap((line) => (JSON.parse(line) as { code: string[] }).code);

  it('covers every character once, in order, with math where the tokenizer found it', () => {
    expect(responses.length).toBe(800);
    let math = 0;
    for (const response of responses) {
      const { items, blocks } = layoutRendered(response);
      expect(sourceOf(response, items).join('')).toBe(response);
      expect(blocks.at(-1)?.to ?? 0).toBe(response.length);
      math += items.filter((i) => i.kind === 'math').length;
      const tokenizerMath = tokenizeMath(response).filter((s) => s.kind === 'math').length;
      expect(items.filter((i) => i.kind === 'math').length).toBe(tokenizerMath);
    }
    expect(math).toBeGreaterThan(responses.length);
  });
});
