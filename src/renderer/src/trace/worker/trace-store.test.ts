import { describe, expect, it } from 'vitest';
import { computeHeat, NO_SIGNAL } from '../heat/compute-heat';
import { BIN_FADED } from '../heat/scale';
import { DEFAULT_SETTINGS, sharedScale } from '../settings';
import { MINIMAP_BUCKETS } from './protocol';
import { TraceStore } from './trace-store';
import { warmUpInput } from './warm-up';

describe('TraceStore', () => {
  it('sends the first colours with the layout, equal to a separate heat request', () => {
    const store = new TraceStore(2);
    const { layout, initial } = store.load(warmUpInput(), { settings: DEFAULT_SETTINGS, items: false });
    expect(initial?.request.signal).toBe('is_weight');
    const scale = sharedScale(DEFAULT_SETTINGS, [layout])?.scales[0];
    if (!scale) throw new Error('no scale');
    const again = computeHeat(layout, {
      signal: 'is_weight',
      scale,
      unit: 'token',
      reducer: 'mean',
      minimapBuckets: MINIMAP_BUCKETS,
    });
    expect(Array.from(initial?.result.bins ?? [])).toEqual(Array.from(again.bins));
    expect(initial?.rendered).toBeNull();
  });

  it('builds the rendered part only when asked, and sends it only when told to', () => {
    const store = new TraceStore(2);
    const { layout, initial } = store.load(warmUpInput(), { settings: DEFAULT_SETTINGS, items: true });
    expect(initial?.rendered?.rendered.items.length).toBeGreaterThan(0);
    expect(initial?.result.itemBins.length).toBe(initial?.rendered?.rendered.items.length);
    const request = initial?.request;
    if (!request) throw new Error('no request');
    expect(store.heat(layout.key, request, true, false).rendered).toBeNull();
    expect(store.heat(layout.key, request, true, false).result.itemBins.length).toBeGreaterThan(0);
  });

  it('answers a trace without signals with uncoloured pieces, so both views still open', () => {
    const store = new TraceStore(2);
    const { initial } = store.load(
      { ...warmUpInput(), signals: [], spans: [] },
      { settings: DEFAULT_SETTINGS, items: true },
    );
    expect(initial?.request.signal).toBe(NO_SIGNAL);
    expect(initial?.result.bins.every((b) => b === BIN_FADED)).toBe(true);
    expect(initial?.rendered?.rendered.items.length).toBeGreaterThan(0);
  });

  it('forgets the oldest trace beyond its capacity and refuses unknown ones', () => {
    const store = new TraceStore(1);
    const a = store.load({ ...warmUpInput(), key: 'a' }, null);
    store.load({ ...warmUpInput(), key: 'b' }, null);
    const request = {
      signal: 'rm_logit',
      scale: { kind: 'diverging' as const, palette: 'div' as const, center: 0, radius: 1, threshold: 0 },
      unit: 'token' as const,
      reducer: 'mean' as const,
      minimapBuckets: 8,
    };
    expect(() => store.heat(a.layout.key, request, false, false)).toThrow(/not loaded/);
    expect(store.heat('b', request, false, false).result.bins.length).toBe(600);
    store.drop('b');
    expect(() => store.heat('b', request, false, false)).toThrow(/not loaded/);
  });
});
