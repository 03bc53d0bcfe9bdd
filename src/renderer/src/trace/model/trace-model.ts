// Everything the viewer derives from one rollout before any colour is chosen: the pieces, their rows,
// each signal's spec and statistics, and the navigation landmarks; and, separately
// and only when that view opens, the rendered view's items. Built in the trace worker (or synchronously
// when no worker is available) and sent back.
import { signalSpec } from '../heat/signal-specs';
import type { SignalSpec } from '../heat/signal-specs';
import { signalStats } from '../heat/scale';
import type { SignalStats } from '../heat/scale';
import { crossingIndex, finalAnswerOffset } from '../navigation';
import { layoutLines } from './line-layout';
import type { LineLayout } from './line-layout';
import { layoutRendered, piecesCovering } from './segments';
import type { RenderedLayout } from './segments';
import { buildTokenTable, pieceCount, spanValuesPerPiece } from './token-table';
import type { TokenSource, TokenTable } from './token-table';

export interface TraceInput extends TokenSource {
  key: string;
  correct: boolean | null;
  /** Per-token signals, one value per stored token. */
  signals: readonly { name: string; values: Float32Array }[];
  /** The crossing index the store computed, if any. */
  crossing: number | null;
}

export interface TraceSignal {
  name: string;
  /** One value per piece. */
  values: Float32Array;
  /** Drawn from spans (step ratings, prefix values) rather than logged per token. */
  fromSpans: boolean;
  spec: SignalSpec;
  stats: SignalStats;
}

export interface TraceLayout {
  key: string;
  table: TokenTable;
  lines: LineLayout;
  signals: TraceSignal[];
  /** The piece where the final answer is written, if found. */
  answerPiece: number | null;
  /** The piece from which the RM's running probability stays on its final side of 0.5. */
  crossingPiece: number | null;
}

/** The rendered view's part of a layout, built only when that view is first shown. */
export interface RenderedPart {
  rendered: RenderedLayout;
  /** For rendered item k, pieces [itemPieces[2k], itemPieces[2k + 1]]; -1 when there are no pieces. */
  itemPieces: Int32Array;
}

export function buildRenderedPart(response: string, table: TokenTable): RenderedPart {
  const rendered = layoutRendered(response);
  const itemPieces = new Int32Array(rendered.items.length * 2).fill(-1);
  rendered.items.forEach((item, k) => {
    const range = piecesCovering(table.responseStarts, item.from, item.to);
    if (range) [itemPieces[2 * k], itemPieces[2 * k + 1]] = range;
  });
  return { rendered, itemPieces };
}

function traceSignal(name: string, values: Float32Array, fromSpans: boolean, correct: boolean | null): TraceSignal {
  let min = Infinity;
  let max = -Infinity;
  for (const v of values) {
    if (!Number.isFinite(v)) continue;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  const spec = signalSpec(name, min <= max ? { min, max } : null, correct);
  return { name, values, fromSpans, spec, stats: signalStats(values, spec) };
}

export function buildTraceLayout(input: TraceInput): TraceLayout {
  const table = buildTokenTable(input);
  const n = pieceCount(table);
  const signals: TraceSignal[] = [];
  if (!table.pseudo) {
    for (const s of input.signals)
      if (s.values.length === n) signals.push(traceSignal(s.name, s.values, false, input.correct));
  }
  const spanNames = [...new Set(input.spans.map((s) => s.name))].sort();
  for (const name of spanNames) {
    if (signals.some((s) => s.name === name)) continue;
    signals.push(traceSignal(name, spanValuesPerPiece(table, input.spans, name), true, input.correct));
  }

  const answerAt = finalAnswerOffset(table.text);
  const answerRange = answerAt === null ? null : piecesCovering(table.starts, answerAt, answerAt + 1);
  const prob = signals.find((s) => s.name === 'rm_prob' && !s.fromSpans);
  const crossing = input.crossing ?? (prob ? crossingIndex(prob.values) : null);

  return {
    key: input.key,
    table,
    lines: layoutLines(table.text, table.starts),
    signals,
    answerPiece: answerRange ? answerRange[0] : null,
    crossingPiece: crossing !== null && crossing < n && !table.pseudo ? crossing : null,
  };
}
