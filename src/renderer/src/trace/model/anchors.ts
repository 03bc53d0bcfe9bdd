// Reading positions shared by the two views. Positions are response character offsets: the heatmap
// converts its top row's first piece to one, the rendered view its top block; switching views (or
// opening a rollout at a landmark) converts back.
import type { LineLayout } from './line-layout';
import { lastAtOrBefore } from './segments';
import type { TokenTable } from './token-table';

/** Response offset of a display-text position inside piece `piece`. */
export function responseOffsetAt(table: TokenTable, piece: number, displayOffset: number): number {
  const n = table.starts.length - 1;
  if (n <= 0) return 0;
  const p = Math.max(0, Math.min(n - 1, piece));
  const into = displayOffset - (table.starts[p] as number);
  const from = table.responseStarts[p] as number;
  const to = table.responseStarts[p + 1] as number;
  return Math.max(from, Math.min(to, from + into));
}

/** The piece covering response offset `offset` (the last piece starting at or before it). */
export function pieceAtResponseOffset(table: TokenTable, offset: number): number {
  const n = table.starts.length - 1;
  if (n <= 0) return 0;
  return Math.max(0, Math.min(n - 1, lastAtOrBefore(table.responseStarts.subarray(0, n), offset)));
}

/** The row holding a response offset: the row of the piece's fragment that contains it. */
export function rowAtResponseOffset(table: TokenTable, lines: LineLayout, offset: number): number {
  const piece = pieceAtResponseOffset(table, offset);
  const display = (table.starts[piece] as number) + Math.max(0, offset - (table.responseStarts[piece] as number));
  let row = lines.tokenRow[piece] ?? 0;
  // A piece with newlines spans several rows; walk to the one containing the position.
  const rows = lines.rowFragStart.length - 1;
  while (row + 1 < rows) {
    const nextFirst = lines.rowFragStart[row + 1] as number;
    if (lines.fragToken[nextFirst] !== piece || (lines.fragFrom[nextFirst] as number) > display) break;
    row++;
  }
  return row;
}

/** Response offset at the start of a heatmap row. */
export function responseOffsetOfRow(table: TokenTable, lines: LineLayout, row: number): number {
  const frag = lines.rowFragStart[row];
  if (frag === undefined || frag >= lines.fragToken.length)
    return table.responseStarts[table.responseStarts.length - 1] ?? 0;
  return responseOffsetAt(table, lines.fragToken[frag] as number, lines.fragFrom[frag] as number);
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** A piece that holds half a character (a split surrogate pair, or a byte-level replacement character). */
export function splitsCharacter(text: string): boolean {
  return LONE_SURROGATE.test(text) || text.includes('\uFFFD');
}

/** A token's text for the inspector: quoted, with newlines, tabs and half characters spelled out. */
export function describeTokenText(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    const ch = text[i] as string;
    const pair =
      code >= 0xd800 && code <= 0xdbff && i + 1 < text.length && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00;
    if (pair) {
      out += text.slice(i, i + 2);
      i++;
    } else if (ch === '\n') out += '\\n';
    else if (ch === '\t') out += '\\t';
    else if (ch === '\r') out += '\\r';
    else if (code >= 0xd800 && code <= 0xdfff) out += `\\u${code.toString(16).toUpperCase()}`;
    else out += ch;
  }
  return `“${out}”`;
}
