import { describe, expect, it } from 'vitest';
import { bucketRange, minimapBins, tokenAtMinimap, viewportMarker } from './minimap';
import { BINS } from './palettes';
import { makeScale, quantize, signalStats } from './scale';
import { signalSpec } from './signal-specs';

const spec = signalSpec('rm_logit', null, null);

describe('minimap', () => {
  it('spreads tokens evenly over buckets', () => {
    expect(bucketRange(0, 10, 4)).toEqual([0, 2]);
    expect(bucketRange(3, 10, 4)).toEqual([7, 10]);
  });

  it('keeps a single spike visible in its bucket', () => {
    const values = new Float32Array(1000);
    values[503] = -3;
    const scale = makeScale(spec, signalStats(values, spec), 1, 0);
    const bins = minimapBins(values, scale, 100);
    expect(bins).toHaveLength(100);
    expect(bins[50]).toBe(0);
    expect(bins[49]).toBe(quantize(0, scale));
  });

  it('uses one bucket per token for short traces', () => {
    const scale = makeScale(spec, signalStats([1, -1], spec), 1, 0);
    expect(Array.from(minimapBins([1, -1], scale, 400))).toEqual([BINS - 1, 0]);
    expect(minimapBins([], scale, 400)).toHaveLength(0);
  });

  it('maps the viewport and clicks between tokens and pixels', () => {
    expect(viewportMarker(0, 99, 1000, 500)).toEqual({ top: 0, height: 50 });
    expect(viewportMarker(500, 500, 1000, 500)).toEqual({ top: 250, height: 2 });
    expect(tokenAtMinimap(250, 500, 1000)).toBe(500);
    expect(tokenAtMinimap(600, 500, 1000)).toBe(999);
    expect(tokenAtMinimap(-5, 500, 1000)).toBe(0);
  });
});
