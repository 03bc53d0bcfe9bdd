// Splits the display text into rows for the virtualised heatmap. A row is one line of the text (it ends
// with its newline); a very long line is cut into several rows so that no row holds more than
// MAX_ROW_CHARS characters. A token that contains newlines is split into fragments, one per row, all
// carrying the token's index, so "\n\nThe" colours its part of each row it touches.

export const MAX_ROW_CHARS = 1200;

export interface LineLayout {
  /** Row r holds fragments rowFragStart[r] .. rowFragStart[r + 1] - 1; length rows + 1. */
  rowFragStart: Int32Array;
  /** 1 when the row continues the previous one's line (a cut long line, not a newline). */
  rowContinues: Uint8Array;
  fragToken: Int32Array;
  /** Fragment f is text[fragFrom[f], fragTo[f]). */
  fragFrom: Int32Array;
  fragTo: Int32Array;
  /** The row of each token's first fragment. */
  tokenRow: Int32Array;
}

export function rowCount(layout: LineLayout): number {
  return layout.rowFragStart.length - 1;
}

/** Characters in a row (for height estimates). */
export function rowChars(layout: LineLayout, row: number): number {
  const first = layout.rowFragStart[row] as number;
  const last = (layout.rowFragStart[row + 1] as number) - 1;
  if (last < first) return 0;
  return (layout.fragTo[last] as number) - (layout.fragFrom[first] as number);
}

/** Growable Int32 list: layouts are built in one pass without knowing the fragment count. */
class IntList {
  data: Int32Array;
  length = 0;
  constructor(capacity: number) {
    this.data = new Int32Array(Math.max(16, capacity));
  }
  push(v: number): void {
    if (this.length === this.data.length) {
      const grown = new Int32Array(this.data.length * 2);
      grown.set(this.data);
      this.data = grown;
    }
    this.data[this.length++] = v;
  }
  toArray(): Int32Array {
    return this.data.slice(0, this.length);
  }
}

const isLowSurrogate = (code: number) => code >= 0xdc00 && code <= 0xdfff;

export function layoutLines(text: string, starts: Int32Array, maxRowChars = MAX_ROW_CHARS): LineLayout {
  const tokens = Math.max(0, starts.length - 1);
  const fragToken = new IntList(tokens + 64);
  const fragFrom = new IntList(tokens + 64);
  const fragTo = new IntList(tokens + 64);
  const rowFragStart = new IntList(tokens / 8 + 16);
  const continues: number[] = [];
  const tokenRow = new Int32Array(tokens);

  let rowOpen = false;
  let rowUsed = 0; // characters in the open row
  // The next newline at or after the scan position, found once per line rather than once per token.
  let newline = -2;
  const openRow = (isContinuation: boolean) => {
    rowFragStart.push(fragToken.length);
    continues.push(isContinuation ? 1 : 0);
    rowOpen = true;
    rowUsed = 0;
  };

  for (let t = 0; t < tokens; t++) {
    const start = starts[t] as number;
    const end = starts[t + 1] as number;
    let first = true;
    let from = start;
    do {
      if (newline !== -1 && newline < from) newline = text.indexOf('\n', from);
      const lineEnd = newline === -1 || newline >= end ? end : newline + 1;
      let to = lineEnd;
      if (!rowOpen) openRow(false);
      else if (rowUsed > 0 && rowUsed + (to - from) > maxRowChars) {
        // A long line: start the next row at this token boundary, or cut a token longer than a row.
        if (to - from <= maxRowChars || rowUsed >= maxRowChars) openRow(true);
      }
      if (rowUsed + (to - from) > maxRowChars) {
        let cut = from + Math.max(1, maxRowChars - rowUsed);
        // Keep a surrogate pair together: end before it, or (with no room before it) just after it.
        if (isLowSurrogate(text.charCodeAt(cut))) cut = cut - 1 > from ? cut - 1 : cut + 1;
        to = Math.min(to, cut);
      }
      if (first) tokenRow[t] = rowFragStart.length - 1;
      first = false;
      fragToken.push(t);
      fragFrom.push(from);
      fragTo.push(to);
      rowUsed += to - from;
      if (to > from && text.charCodeAt(to - 1) === 10) rowOpen = false;
      from = to;
    } while (from < end);
  }
  rowFragStart.push(fragToken.length);
  return {
    rowFragStart: rowFragStart.toArray(),
    rowContinues: Uint8Array.from(continues),
    fragToken: fragToken.toArray(),
    fragFrom: fragFrom.toArray(),
    fragTo: fragTo.toArray(),
    tokenRow,
  };
}
