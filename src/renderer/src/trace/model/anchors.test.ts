import { describe, expect, it } from 'vitest';
import {
  describeTokenText,
  pieceAtResponseOffset,
  responseOffsetAt,
  responseOffsetOfRow,
  rowAtResponseOffset,
  splitsCharacter,
} from './anchors';
import { layoutLines } from './line-layout';
import { buildTokenTable } from './token-table';

const response = 'One.\n\nTwo three\nfour';
// pieces: "One", ".\n\nTwo", " three\n", "four"
const table = buildTokenTable({ response, starts: [0, 3, 9, 16], texts: null, spans: [] });
const lines = layoutLines(table.text, table.starts);

describe('reading positions', () => {
  it('converts between rows and response offsets, inside pieces that span rows too', () => {
    expect(responseOffsetOfRow(table, lines, 0)).toBe(0);
    expect(responseOffsetOfRow(table, lines, 1)).toBe(5);
    expect(responseOffsetOfRow(table, lines, 2)).toBe(6);
    expect(responseOffsetOfRow(table, lines, 3)).toBe(16);
    expect(rowAtResponseOffset(table, lines, 0)).toBe(0);
    expect(rowAtResponseOffset(table, lines, 7)).toBe(2);
    expect(rowAtResponseOffset(table, lines, 5)).toBe(1);
    expect(rowAtResponseOffset(table, lines, 20)).toBe(3);
  });
  it('finds the piece at an offset', () => {
    expect(pieceAtResponseOffset(table, 0)).toBe(0);
    expect(pieceAtResponseOffset(table, 4)).toBe(1);
    expect(pieceAtResponseOffset(table, 999)).toBe(3);
    expect(responseOffsetAt(table, 1, 5)).toBe(5);
  });
  it('maps token strings that differ from the response through their aligned offsets', () => {
    const t = buildTokenTable({ response: 'ab', starts: [0, 1], texts: ['<s>a', 'b'], spans: [] });
    expect(responseOffsetAt(t, 0, 3)).toBe(1);
    expect(responseOffsetAt(t, 1, 4)).toBe(1);
  });
});

describe('token text', () => {
  it('spots half characters', () => {
    const emoji = '😀';
    expect(splitsCharacter(emoji)).toBe(false);
    expect(splitsCharacter(emoji.slice(0, 1))).toBe(true);
    expect(splitsCharacter(emoji.slice(1))).toBe(true);
    expect(splitsCharacter('caf\uFFFD')).toBe(true);
    expect(splitsCharacter('\\frac')).toBe(false);
  });
  it('spells out whitespace and lone surrogates', () => {
    expect(describeTokenText(' x\n\t')).toBe('“ x\\n\\t”');
    expect(describeTokenText('😀'.slice(0, 1))).toBe('“\\uD83D”');
    expect(describeTokenText('😀')).toBe('“😀”');
  });
});
