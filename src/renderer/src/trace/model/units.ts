// Aggregation units over the pieces: every piece gets the index of the line, sentence or paragraph it
// starts in. Boundaries are found in the display text, and a piece belongs to the unit its first
// character is in, so a piece such as ".\n\nThe" stays whole (token-level units never split a token).

export const AGGREGATION_UNITS = ['token', 'line', 'sentence', 'paragraph'] as const;
export type AggregationUnit = (typeof AGGREGATION_UNITS)[number];

const BOUNDARY: Record<Exclude<AggregationUnit, 'token'>, RegExp> = {
  line: /\n/g,
  // A full stop, question or exclamation mark followed by white space ends a sentence; so does a newline
  // (reasoning traces put one step per line, often without punctuation).
  sentence: /[.!?。！？](?=\s)|\n/g,
  // A blank line (possibly holding spaces) ends a paragraph.
  paragraph: /\n[ \t]*\n/g,
};

/** Character offsets where a new unit begins (each boundary match's end), ascending. */
export function unitBoundaries(text: string, unit: Exclude<AggregationUnit, 'token'>): number[] {
  const re = new RegExp(BOUNDARY[unit].source, 'g');
  const out: number[] = [];
  for (let m = re.exec(text); m !== null; m = re.exec(text)) out.push(m.index + m[0].length);
  return out;
}

/** The unit index of each piece; for 'token' every piece is its own unit. */
export function unitOfPieces(text: string, starts: Int32Array, unit: AggregationUnit): Int32Array {
  const n = Math.max(0, starts.length - 1);
  const out = new Int32Array(n);
  if (unit === 'token') {
    for (let i = 0; i < n; i++) out[i] = i;
    return out;
  }
  const bounds = unitBoundaries(text, unit);
  let b = 0;
  for (let i = 0; i < n; i++) {
    const start = starts[i] as number;
    while (b < bounds.length && (bounds[b] as number) <= start) b++;
    out[i] = b;
  }
  return out;
}
