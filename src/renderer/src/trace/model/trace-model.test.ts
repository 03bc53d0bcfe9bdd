import { describe, expect, it } from 'vitest';
import { computeHeat } from '../heat/compute-heat';
import type { HeatRequest } from '../heat/compute-heat';
import { BINS } from '../heat/palettes';
import { BIN_MISSING, makeScale } from '../heat/scale';
import { rowCount } from './line-layout';
import { buildRenderedPart, buildTraceLayout } from './trace-model';
import type { TraceInput, TraceLayout } from './trace-model';

// A small rollout in the shape rollouts.get returns: token offsets, rm_logit as logged, rm_prob and
// is_weight as OREAL derives them (sigmoid of the running mean; max(2p - 1, 0) on a correct rollout).
const tokens = ['First', ' we', ' note', ' $x', '=', '2$.', '\n', 'So', ' the', ' answer', ' is', ' $\\boxed{4}$', '.'];
const response = tokens.join('');
const starts = tokens.map((_, i) => tokens.slice(0, i).join('').length);
const logits = [0.5, 0.4, 0.2, -0.3, -0.4, -1.2, 0, 0.9, 1.1, 1.4, 1.6, 2.2, 0.3];
const prob = logits.map((_, t) => 1 / (1 + Math.exp(-logits.slice(0, t + 1).reduce((a, b) => a + b, 0) / (t + 1))));
const weight = prob.map((p) => Math.max(2 * p - 1, 0));

function input(overrides: Partial<TraceInput> = {}): TraceInput {
  return {
    key: 'r1',
    response,
    starts,
    texts: null,
    spans: [],
    correct: true,
    crossing: null,
    signals: [
      { name: 'rm_logit', values: Float32Array.from(logits) },
      { name: 'rm_prob', values: Float32Array.from(prob) },
      { name: 'is_weight', values: Float32Array.from(weight) },
    ],
    ...overrides,
  };
}

function heatOf(layout: TraceLayout, signal: string, extra: Partial<HeatRequest> = {}) {
  const s = layout.signals.find((x) => x.name === signal);
  if (!s) throw new Error(signal);
  return computeHeat(layout, {
    signal,
    scale: makeScale(s.spec, s.stats, 1, 0),
    unit: 'token',
    reducer: 'mean',
    minimapBuckets: 64,
    ...extra,
  });
}

describe('buildTraceLayout', () => {
  const layout = buildTraceLayout(input());

  it('lays out one piece per stored token, two rows, and every signal with its spec', () => {
    expect(layout.table.storedTokens).toBe(tokens.length);
    expect(layout.table.starts.length - 1).toBe(tokens.length);
    expect(rowCount(layout.lines)).toBe(2);
    expect(layout.signals.map((s) => [s.name, s.spec.kind])).toEqual([
      ['rm_logit', 'diverging'],
      ['rm_prob', 'diverging'],
      ['is_weight', 'sequential'],
    ]);
  });

  it('finds the final answer and the crossing point', () => {
    expect(layout.answerPiece).toBe(11);
    // The running mean drops below 0 at token 5 and recovers for good at token 8.
    const expected = prob.findIndex((p, t) => t > 0 && p >= 0.5 && prob.slice(t).every((q) => q >= 0.5));
    expect(layout.crossingPiece).toBe(expected);
    expect(buildTraceLayout(input({ crossing: 3 })).crossingPiece).toBe(3);
  });

  it('maps every rendered item onto the tokens under it', () => {
    const part = buildRenderedPart(response, layout.table);
    const math = part.rendered.items.findIndex((i) => i.kind === 'math' && i.tex === 'x=2');
    expect([part.itemPieces[2 * math], part.itemPieces[2 * math + 1]]).toEqual([3, 5]);
  });

  it('drops a signal whose length does not match the tokens rather than misaligning it', () => {
    const bad = buildTraceLayout(input({ signals: [{ name: 'rm_logit', values: new Float32Array(3) }] }));
    expect(bad.signals).toEqual([]);
  });

  it('turns spans into a signal when there are no tokens', () => {
    const spans = [{ name: 'step_rating', start: 0, end: 12, value: -1 }];
    const spanLayout = buildTraceLayout(input({ starts: null, signals: [], spans }));
    expect(spanLayout.table.pseudo).toBe(true);
    expect(spanLayout.signals.map((s) => [s.name, s.fromSpans])).toEqual([['step_rating', true]]);
    expect(heatOf(spanLayout, 'step_rating').bins[0]).toBe(0);
  });
});

describe('computeHeat', () => {
  const layout = buildTraceLayout(input());

  it('colours tokens by the selected signal; another signal gives other colours', () => {
    const logit = heatOf(layout, 'rm_logit');
    const weights = heatOf(layout, 'is_weight');
    expect(logit.bins).toHaveLength(tokens.length);
    expect(logit.bins[5]).toBeLessThan(BINS / 2); // a negative logit is on the orange side
    expect(logit.bins[11]).toBe(BINS - 1); // the largest logit saturates
    expect(Array.from(weights.bins)).not.toEqual(Array.from(logit.bins));
  });

  it('aggregates by line: every token of a line shares one colour', () => {
    const heat = heatOf(layout, 'rm_logit', { unit: 'line', reducer: 'max' });
    const firstLine = Array.from(heat.bins.slice(0, 7));
    expect(new Set(firstLine).size).toBe(1);
    expect(firstLine[0]).toBe(heatOf(layout, 'rm_logit').bins[5]); // max keeps the most negative logit
  });

  it('tints rendered items and fills the minimap', () => {
    const part = buildRenderedPart(response, layout.table);
    const s = layout.signals[0] as TraceLayout['signals'][number];
    const heat = computeHeat(
      layout,
      { signal: s.name, scale: makeScale(s.spec, s.stats, 1, 0), unit: 'token', reducer: 'mean', minimapBuckets: 64 },
      part,
    );
    expect(heatOf(layout, 'rm_logit').itemBins).toHaveLength(0);
    expect(heat.itemBins).toHaveLength(part.rendered.items.length);
    expect(heat.itemBins.every((b) => b < BINS)).toBe(true);
    expect(heat.minimap).toHaveLength(tokens.length);
  });

  it('shows an unknown signal as missing', () => {
    const heat = computeHeat(layout, {
      signal: 'nope',
      scale: makeScale(layout.signals[0]!.spec, layout.signals[0]!.stats, 1, 0),
      unit: 'token',
      reducer: 'mean',
      minimapBuckets: 8,
    });
    expect(heat.bins.every((b) => b === BIN_MISSING)).toBe(true);
  });
});
