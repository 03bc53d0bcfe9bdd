// The minimap: the signal along the whole trace in a fixed number of buckets, each showing its most
// important value (a single spike stays visible however long the trace), and the conversions between
// token indices and minimap positions for the viewport marker and click-to-jump.
import { reduce } from '../model/aggregate';
import { importanceKey, quantize } from './scale';
import type { HeatScale } from './scale';

/** Tokens [start, end) of bucket b when n tokens are spread over `buckets` buckets. */
export function bucketRange(b: number, n: number, buckets: number): [number, number] {
  return [Math.floor((b * n) / buckets), Math.floor(((b + 1) * n) / buckets)];
}

/** One colour bin per bucket (fewer buckets when there are fewer tokens). */
export function minimapBins(values: ArrayLike<number>, scale: HeatScale, maxBuckets: number): Uint8Array {
  const n = values.length;
  const buckets = Math.min(n, Math.max(1, maxBuckets));
  const key = importanceKey(scale);
  const out = new Uint8Array(n === 0 ? 0 : buckets);
  for (let b = 0; b < out.length; b++) {
    const [start, end] = bucketRange(b, n, buckets);
    out[b] = quantize(reduce(values, start, Math.max(start, end - 1), 'max', key), scale);
  }
  return out;
}

/** The marker for tokens [first, last] on a minimap `height` pixels tall. */
export function viewportMarker(
  first: number,
  last: number,
  n: number,
  height: number,
): { top: number; height: number } {
  if (n <= 0) return { top: 0, height };
  const top = (Math.max(0, first) / n) * height;
  const bottom = (Math.min(n, last + 1) / n) * height;
  return { top, height: Math.max(2, bottom - top) };
}

/** The token at pixel y of the minimap. */
export function tokenAtMinimap(y: number, height: number, n: number): number {
  if (n <= 0 || height <= 0) return 0;
  return Math.min(n - 1, Math.max(0, Math.floor((y / height) * n)));
}
