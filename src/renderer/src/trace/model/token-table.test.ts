import { describe, expect, it } from 'vitest';
import { alignToResponse, buildTokenTable, pieceCount, spanValuesPerPiece } from './token-table';

const pieces = (table: ReturnType<typeof buildTokenTable>) =>
  Array.from({ length: pieceCount(table) }, (_, i) => table.text.slice(table.starts[i], table.starts[i + 1]));

describe('buildTokenTable', () => {
  it('slices the response by token offsets', () => {
    const table = buildTokenTable({ response: 'We have $x^2$.', starts: [0, 2, 7, 9, 11], texts: null, spans: [] });
    expect(pieces(table)).toEqual(['We', ' have', ' $', 'x^', '2$.']);
    expect(table).toMatchObject({ approximate: false, pseudo: false, storedTokens: 5 });
    expect(Array.from(table.responseStarts)).toEqual([0, 2, 7, 9, 11, 14]);
  });

  it('keeps token strings that do not spell the response and aligns them approximately', () => {
    const response = 'Let x = 1.';
    const texts = ['Let', 'Ġx', ' =', ' 1', '.', '<|im_end|>'];
    const table = buildTokenTable({ response, starts: null, texts, spans: [] });
    expect(table.text).toBe(texts.join(''));
    expect(pieces(table)).toEqual(texts);
    expect(table.approximate).toBe(true);
    // "Let", " =", " 1" and "." are found where they are; "Ġx" and the end token are estimated.
    expect(Array.from(table.responseStarts)).toEqual([0, 3, 5, 7, 9, 10, 10]);
  });

  it('uses given offsets as the exact response mapping when token strings come with them', () => {
    const table = buildTokenTable({ response: 'ab', starts: [0, 1], texts: ['a', '\uFFFD'], spans: [] });
    expect(table.text).toBe('a\uFFFD');
    expect(table.approximate).toBe(false);
    expect(Array.from(table.responseStarts)).toEqual([0, 1, 2]);
  });

  it('turns spans into pieces when there are no tokens, and the whole response into one', () => {
    const response = 'Step one.\nStep two.\nDone';
    const spans = [
      { name: 'step_rating', start: 0, end: 10, value: 1 },
      { name: 'step_rating', start: 10, end: 20, value: -1 },
    ];
    const table = buildTokenTable({ response, starts: null, texts: null, spans });
    expect(pieces(table)).toEqual(['Step one.\n', 'Step two.\n', 'Done']);
    expect(table).toMatchObject({ pseudo: true, storedTokens: 0 });
    expect(Array.from(spanValuesPerPiece(table, spans, 'step_rating'))).toEqual([1, -1, Number.NaN]);
    expect(pieces(buildTokenTable({ response, starts: null, texts: null, spans: [] }))).toEqual([response]);
    expect(pieceCount(buildTokenTable({ response: '', starts: null, texts: null, spans: [] }))).toBe(0);
  });

  it('gives real tokens the value of the span their first character is in', () => {
    const response = 'aa bb cc';
    const table = buildTokenTable({ response, starts: [0, 2, 5, 6], texts: null, spans: [] });
    const values = spanValuesPerPiece(table, [{ name: 'mc_value', start: 3, end: 8, value: 0.25 }], 'mc_value');
    expect(Array.from(values)).toEqual([Number.NaN, 0.25, 0.25, 0.25]);
  });
});

describe('alignToResponse', () => {
  it('recovers exact offsets when the strings are slices', () => {
    expect(Array.from(alignToResponse(['ab', 'c', 'de'], 'abcde'))).toEqual([0, 2, 3, 5]);
  });
  it('never runs past the response', () => {
    expect(Array.from(alignToResponse(['zzzz', 'yyyy'], 'ab'))).toEqual([0, 2, 2]);
  });
});
