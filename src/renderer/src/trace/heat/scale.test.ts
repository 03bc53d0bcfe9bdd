import { describe, expect, it } from 'vitest';
import { BINS } from './palettes';
import {
  BIN_FADED,
  BIN_MISSING,
  binEdgeValue,
  binImportance,
  defaultClip,
  importance,
  importanceKey,
  makeScale,
  mergeStats,
  quantize,
  quantizeAll,
  signalStats,
} from './scale';
import { signalSpec, weightPalette } from './signal-specs';

const logitSpec = signalSpec('rm_logit', null, null);
const probSpec = signalSpec('rm_prob', null, null);

describe('signal specs', () => {
  it('reads the OREAL signals as the domain notes describe', () => {
    expect(logitSpec).toMatchObject({ kind: 'diverging', center: 0, naturalRadius: null });
    expect(probSpec).toMatchObject({ kind: 'diverging', center: 0.5, naturalRadius: 0.5 });
    expect(signalSpec('is_weight', null, true)).toMatchObject({
      kind: 'sequential',
      palette: 'cred',
      neutral: 0,
      extreme: 1,
    });
    expect(signalSpec('is_weight', null, false)).toMatchObject({ palette: 'blame' });
    expect(weightPalette(null)).toBe('vir');
    expect(signalSpec('logprob', null, null)).toMatchObject({ kind: 'sequential', neutral: 0, direction: 'down' });
    expect(signalSpec('entropy', null, null)).toMatchObject({ kind: 'sequential', direction: 'up' });
    expect(signalSpec('step_rating', null, null)).toMatchObject({ kind: 'diverging', center: 0, naturalRadius: 1 });
    expect(signalSpec('mc_value', null, null)).toMatchObject({ kind: 'diverging', center: 0.5 });
  });
  it('guesses unknown signals from their values', () => {
    expect(signalSpec('advantage_tok', { min: -2, max: 3 }, null).kind).toBe('diverging');
    expect(signalSpec('attention', { min: 0, max: 3 }, null).kind).toBe('sequential');
  });
});

describe('statistics', () => {
  it('measures spread from the centre and ignores non-finite values', () => {
    const values = Float32Array.from([-4, -1, 0, 1, 2, Number.NaN, Infinity]);
    const stats = signalStats(values, logitSpec);
    expect(stats).toMatchObject({ min: -4, max: 2, finite: 5, maxSpread: 4 });
    expect(signalStats([], logitSpec).finite).toBe(0);
  });
  it('puts the 98th percentile below the maximum when there is an outlier', () => {
    const values = Array.from({ length: 1000 }, (_, i) => (i === 0 ? 50 : (i % 10) - 5));
    const stats = signalStats(values, logitSpec);
    expect(stats.maxSpread).toBe(50);
    expect(stats.p98Spread).toBeCloseTo(5, 1);
    expect(stats.p98Spread).toBeGreaterThanOrEqual(5);
    expect(defaultClip(logitSpec, stats)).toBe(0.1);
    expect(defaultClip(probSpec, signalStats([0.2, 0.9], probSpec))).toBe(1);
  });
  it('merges the statistics of compared rollouts into the widest', () => {
    const a = signalStats([-1, 1], logitSpec);
    const b = signalStats([-3, 0.5], logitSpec);
    expect(mergeStats([a, b])).toMatchObject({ min: -3, max: 1, maxSpread: 3, finite: 4 });
    expect(mergeStats([]).finite).toBe(0);
  });
});

describe('quantisation', () => {
  const stats = signalStats([-2, 2], logitSpec);
  const scale = makeScale(logitSpec, stats, 1, 0);

  it('diverging: the sign picks the side, the distance from the centre the shade', () => {
    expect(quantize(-2, scale)).toBe(0);
    expect(quantize(-100, scale)).toBe(0);
    expect(quantize(2, scale)).toBe(BINS - 1);
    expect(quantize(-0.01, scale)).toBe(BINS / 2 - 1);
    expect(quantize(0.01, scale)).toBe(BINS / 2);
    expect(quantize(0, scale)).toBe(BINS / 2);
    expect(quantize(Number.NaN, scale)).toBe(BIN_MISSING);
  });

  it('the clip saturates earlier and the threshold leaves weak values uncoloured', () => {
    const clipped = makeScale(logitSpec, stats, 0.5, 0);
    expect(clipped).toMatchObject({ radius: 1 });
    expect(quantize(1, clipped)).toBe(BINS - 1);
    expect(quantize(0.5, scale)).toBeLessThan(quantize(0.5, clipped));
    const thresholded = makeScale(logitSpec, stats, 1, 0.5);
    expect(quantize(0.9, thresholded)).toBe(BIN_FADED);
    expect(quantize(1.1, thresholded)).not.toBe(BIN_FADED);
  });

  it('rm_prob is centred on the 0.5 threshold', () => {
    const prob = makeScale(probSpec, signalStats([0.1, 0.9], probSpec), 1, 0);
    expect(quantize(0.49, prob)).toBe(BINS / 2 - 1);
    expect(quantize(0.51, prob)).toBe(BINS / 2);
    expect(quantize(1, prob)).toBe(BINS - 1);
    expect(quantize(0, prob)).toBe(0);
  });

  it('sequential: is_weight from 0 to 1; logprob darkest at its most negative', () => {
    const weight = signalSpec('is_weight', null, true);
    const ws = makeScale(weight, signalStats([0, 0.3], weight), 1, 0);
    expect(ws).toMatchObject({ kind: 'sequential', palette: 'cred', from: 0, to: 1 });
    expect(quantizeAll([0, 0.5, 1], ws)).toEqual(Uint8Array.from([0, BINS / 2, BINS - 1]));

    const logprob = signalSpec('logprob', null, null);
    const ls = makeScale(logprob, signalStats([-8, -0.5, 0], logprob), 1, 0);
    expect(ls).toMatchObject({ from: 0, to: -8 });
    expect(quantize(-8, ls)).toBe(BINS - 1);
    expect(quantize(0, ls)).toBe(0);
    expect(importance(-4, ls)).toBeCloseTo(0.5);
  });

  it('ranks values by importance for max-aggregation, beyond the clip too', () => {
    const key = importanceKey(scale);
    expect(key(-5)).toBeGreaterThan(key(3));
    const logprob = signalSpec('logprob', null, null);
    const lkey = importanceKey(makeScale(logprob, signalStats([-8, 0], logprob), 1, 0));
    expect(lkey(-8)).toBeGreaterThan(lkey(-1));
  });

  it('gives bins an importance and edges a value for the legend', () => {
    expect(binImportance(0, 'diverging')).toBeCloseTo(binImportance(BINS - 1, 'diverging'));
    expect(binImportance(BINS / 2, 'diverging')).toBeLessThan(0.1);
    expect(binImportance(BIN_FADED, 'sequential')).toBe(0);
    expect(binEdgeValue(0, scale)).toBe(-2);
    expect(binEdgeValue(BINS, scale)).toBe(2);
    expect(binEdgeValue(BINS / 2, scale)).toBe(0);
  });
});
