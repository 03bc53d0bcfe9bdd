import { describe, expect, it } from 'vitest';
import { layoutLines, rowChars, rowCount } from './line-layout';

function rows(text: string, starts: number[], max?: number) {
  const layout = layoutLines(text, Int32Array.from(starts), max);
  const out: { frags: [number, string][]; cont: boolean }[] = [];
  for (let r = 0; r < rowCount(layout); r++) {
    const frags: [number, string][] = [];
    for (let f = layout.rowFragStart[r] as number; f < (layout.rowFragStart[r + 1] as number); f++)
      frags.push([layout.fragToken[f] as number, text.slice(layout.fragFrom[f], layout.fragTo[f])]);
    out.push({ frags, cont: layout.rowContinues[r] === 1 });
  }
  return { layout, out };
}

describe('layoutLines', () => {
  it('starts a row after each newline and splits a token that holds newlines', () => {
    const text = 'Step 1.\n\nThe end';
    const { layout, out } = rows(text, [0, 4, 6, 12, text.length]);
    expect(out.map((r) => r.frags)).toEqual([
      [
        [0, 'Step'],
        [1, ' 1'],
        [2, '.\n'],
      ],
      [[2, '\n']],
      [
        [2, 'The'],
        [3, ' end'],
      ],
    ]);
    expect(Array.from(layout.tokenRow)).toEqual([0, 0, 0, 2]);
  });

  it('rebuilds the text exactly from the fragments', () => {
    const text = 'a\nbc\n\n\nd e\n';
    const starts = [0, 1, 3, 4, 8, 9, text.length];
    const { out } = rows(text, starts);
    expect(out.flatMap((r) => r.frags.map(([, s]) => s)).join('')).toBe(text);
    expect(out).toHaveLength(5);
  });

  it('cuts long lines at token boundaries, and a token longer than a row inside it', () => {
    const text = 'aaaa bbbb cccc';
    const { out } = rows(text, [0, 4, 9, text.length], 6);
    expect(out.map((r) => r.frags.map(([, s]) => s).join('|'))).toEqual(['aaaa', ' bbbb', ' cccc']);
    expect(out.map((r) => r.cont)).toEqual([false, true, true]);
    const long = rows('x'.repeat(10), [0, 10], 4).out;
    expect(long.map((r) => r.frags[0]?.[1])).toEqual(['xxxx', 'xxxx', 'xx']);
    expect(long.every((r) => r.frags[0]?.[0] === 0)).toBe(true);
  });

  it('never cuts between the halves of a surrogate pair', () => {
    const text = 'ab😀cd';
    const { out } = rows(text, [0, text.length], 3);
    // With no room left before the pair, it goes whole into the row (one character over) rather than split.
    expect(out.map((r) => r.frags.map(([, f]) => f).join(''))).toEqual(['ab😀', 'cd']);
    expect(out.flatMap((r) => r.frags.map(([, f]) => f))).toEqual(['ab', '😀', 'cd']);
  });

  it('gives an empty token a place in its row', () => {
    const { out, layout } = rows('ab', [0, 1, 1, 2]);
    expect(out[0]?.frags).toEqual([
      [0, 'a'],
      [1, ''],
      [2, 'b'],
    ]);
    expect(rowChars(layout, 0)).toBe(2);
  });

  it('has no rows for an empty text', () => {
    expect(rowCount(layoutLines('', Int32Array.from([0])))).toBe(0);
  });
});
