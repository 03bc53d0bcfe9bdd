// The pieces the viewer colours, as one display string plus start offsets. Rollouts come in four shapes:
// token offsets into the response; token strings that spell the response; token strings that do not
// (special tokens, byte-level fragments: shown as given, mapped onto the response approximately for the
// rendered view); or no tokens at all, when spans (PRM800K step ratings, math-aps prefix values) or the
// whole response become the pieces. Every later stage works on this one shape.

export interface TokenSource {
  response: string;
  /** Start of each token in `response`, when the tokens are slices of it. */
  starts: ArrayLike<number> | null;
  /** Token strings, when they are not slices of the response. */
  texts: readonly string[] | null;
  spans: readonly { name: string; start: number; end: number; value: number }[];
}

export interface TokenTable {
  /** What the heatmap shows: the response, or the token strings joined when they do not spell it. */
  text: string;
  /** Piece i is text[starts[i], starts[i + 1]); length pieces + 1. */
  starts: Int32Array;
  /** The same pieces in response offsets (for the rendered view); length pieces + 1. */
  responseStarts: Int32Array;
  /** responseStarts were estimated by aligning token strings with the response. */
  approximate: boolean;
  /** The pieces are not model tokens but span boundaries or the whole response. */
  pseudo: boolean;
  /** Tokens stored with the rollout (0 when it has no token table). */
  storedTokens: number;
}

export function pieceCount(table: TokenTable): number {
  return table.starts.length - 1;
}

export function buildTokenTable(source: TokenSource): TokenTable {
  const { response, starts, texts } = source;
  if (texts) {
    const joined = cumulative(texts);
    const given = starts && starts.length === texts.length ? withEnd(starts, response.length) : null;
    return {
      text: joined.text,
      starts: joined.starts,
      responseStarts: given ?? alignToResponse(texts, response),
      approximate: given === null,
      pseudo: false,
      storedTokens: texts.length,
    };
  }
  if (starts) {
    const exact = withEnd(starts, response.length);
    // Text before the first token has no token; it is shown as part of the first one.
    if (exact.length > 1) exact[0] = 0;
    return {
      text: response,
      starts: exact,
      responseStarts: exact,
      approximate: false,
      pseudo: false,
      storedTokens: starts.length,
    };
  }
  const bounds = spanBoundaries(source.spans, response.length);
  return { text: response, starts: bounds, responseStarts: bounds, approximate: false, pseudo: true, storedTokens: 0 };
}

function withEnd(starts: ArrayLike<number>, end: number): Int32Array {
  const out = new Int32Array(starts.length + 1);
  let previous = 0;
  for (let i = 0; i < starts.length; i++) {
    // Clamp defensively: offsets must be non-decreasing and inside the text.
    previous = Math.min(end, Math.max(previous, starts[i] as number));
    out[i] = previous;
  }
  out[starts.length] = end;
  return out;
}

function cumulative(texts: readonly string[]): { text: string; starts: Int32Array } {
  const starts = new Int32Array(texts.length + 1);
  let at = 0;
  for (let i = 0; i < texts.length; i++) {
    starts[i] = at;
    at += (texts[i] as string).length;
  }
  starts[texts.length] = at;
  return { text: texts.join(''), starts };
}

/** How far ahead a token string is looked for in the response before its position is estimated. */
const ALIGN_WINDOW = 24;

/**
 * Token strings that do not spell the response (a byte-level "Ġ", a replacement character for half a
 * UTF-8 character, an end-of-turn token): find each one near the running position; when it is not there,
 * assume it covers as many response characters as it has.
 */
export function alignToResponse(texts: readonly string[], response: string): Int32Array {
  const out = new Int32Array(texts.length + 1);
  let cursor = 0;
  for (let i = 0; i < texts.length; i++) {
    const piece = texts[i] as string;
    const found = piece === '' ? -1 : response.indexOf(piece, cursor);
    if (found !== -1 && found - cursor <= ALIGN_WINDOW) {
      out[i] = found;
      cursor = found + piece.length;
    } else {
      out[i] = cursor;
      cursor = Math.min(response.length, cursor + piece.length);
    }
  }
  out[texts.length] = response.length;
  return out;
}

/** Pieces between span starts and ends (and the whole response when there are no spans). */
function spanBoundaries(spans: TokenSource['spans'], length: number): Int32Array {
  if (length === 0) return new Int32Array([0]);
  const cuts = new Set<number>([0]);
  for (const span of spans) {
    if (span.start > 0 && span.start < length) cuts.add(span.start);
    if (span.end > 0 && span.end < length) cuts.add(span.end);
  }
  const sorted = [...cuts].sort((a, b) => a - b);
  return Int32Array.from([...sorted, length]);
}

/**
 * A span signal as one value per piece: the value of the span (of that name) that overlaps the piece
 * most (a token " bb" belongs to the step that starts at "b"), NaN where no span overlaps it. Empty
 * pieces take the span they sit in.
 */
export function spanValuesPerPiece(table: TokenTable, spans: TokenSource['spans'], name: string): Float32Array {
  const n = pieceCount(table);
  const out = new Float32Array(n).fill(Number.NaN);
  const ofName = spans.filter((s) => s.name === name && s.end > s.start).sort((a, b) => a.start - b.start);
  let j = 0;
  for (let i = 0; i < n; i++) {
    const a = table.responseStarts[i] as number;
    const b = Math.max(a + 1, table.responseStarts[i + 1] as number);
    // Pieces and spans are both in response order: spans ending before this piece are done with.
    while (j < ofName.length && (ofName[j] as { end: number }).end <= a) j++;
    let best = 0;
    for (let k = j; k < ofName.length && (ofName[k] as { start: number }).start < b; k++) {
      const span = ofName[k] as { start: number; end: number; value: number };
      const overlap = Math.min(b, span.end) - Math.max(a, span.start);
      if (overlap > best) {
        best = overlap;
        out[i] = span.value;
      }
    }
  }
  return out;
}
