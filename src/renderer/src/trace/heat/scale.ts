// From a signal's spec, the data's statistics and the user's clip / threshold to a concrete colour scale,
// and from a value to its colour class. The scale maps every value to a position t: in [-1, 1] around the
// centre for a diverging signal, in [0, 1] from the neutral end for a sequential one. |t| is the value's
// importance; the clip shortens the scale (values beyond it saturate) and the threshold leaves values of
// lower importance uncoloured.
import { BINS } from './palettes';
import type { PaletteName } from './palettes';
import type { SignalSpec } from './signal-specs';

export interface SignalStats {
  min: number;
  max: number;
  /** Finite values counted. */
  finite: number;
  /** 98th percentile of |value − centre| (diverging) or of the distance from the neutral end (sequential). */
  p98Spread: number;
  /** Largest such distance. */
  maxSpread: number;
}

export type HeatScale =
  | { kind: 'diverging'; palette: 'div'; center: number; radius: number; threshold: number }
  | { kind: 'sequential'; palette: PaletteName; from: number; to: number; threshold: number };

/** Bin codes beyond the palette's 0..BINS-1. */
export const BIN_FADED = 254;
export const BIN_MISSING = 255;

/** The centre or neutral end the spread is measured from. */
export function scaleOrigin(spec: SignalSpec, range: { min: number; max: number }): number {
  if (spec.kind === 'diverging') return spec.center;
  if (spec.neutral !== null) return spec.neutral;
  return spec.direction === 'up' ? range.min : range.max;
}

/** Histogram resolution for the spread percentile: exact to 1/2048 of the largest spread. */
const SPREAD_BINS = 2048;

export function signalStats(values: ArrayLike<number>, spec: SignalSpec): SignalStats {
  let min = Infinity;
  let max = -Infinity;
  let finite = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i] as number;
    if (!Number.isFinite(v)) continue;
    finite++;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  if (finite === 0) return { min: Number.NaN, max: Number.NaN, finite: 0, p98Spread: 0, maxSpread: 0 };
  const origin = scaleOrigin(spec, { min, max });
  const maxSpread = Math.max(Math.abs(max - origin), Math.abs(min - origin));
  if (maxSpread === 0) return { min, max, finite, p98Spread: 0, maxSpread };
  // A histogram instead of a sort: linear in the tokens, and the default clip is rounded to 5 % anyway.
  const counts = new Uint32Array(SPREAD_BINS);
  for (let i = 0; i < values.length; i++) {
    const v = values[i] as number;
    if (!Number.isFinite(v)) continue;
    const bin = Math.min(SPREAD_BINS - 1, Math.floor((Math.abs(v - origin) / maxSpread) * SPREAD_BINS));
    counts[bin] = (counts[bin] as number) + 1;
  }
  const wanted = Math.ceil(0.98 * finite);
  let seen = 0;
  let bin = 0;
  for (; bin < SPREAD_BINS; bin++) {
    seen += counts[bin] as number;
    if (seen >= wanted) break;
  }
  return { min, max, finite, p98Spread: Math.min(maxSpread, ((bin + 1) / SPREAD_BINS) * maxSpread), maxSpread };
}

/** Several rollouts compared side by side share one scale: the widest of their statistics. */
export function mergeStats(all: readonly SignalStats[]): SignalStats {
  const useful = all.filter((s) => s.finite > 0);
  if (useful.length === 0) return { min: Number.NaN, max: Number.NaN, finite: 0, p98Spread: 0, maxSpread: 0 };
  return {
    min: Math.min(...useful.map((s) => s.min)),
    max: Math.max(...useful.map((s) => s.max)),
    finite: useful.reduce((n, s) => n + s.finite, 0),
    p98Spread: Math.max(...useful.map((s) => s.p98Spread)),
    maxSpread: Math.max(...useful.map((s) => s.maxSpread)),
  };
}

/** How far the full scale reaches from its origin before any clipping. */
export function fullExtent(spec: SignalSpec, stats: SignalStats): number {
  if (spec.kind === 'diverging' && spec.naturalRadius !== null) return spec.naturalRadius;
  if (spec.kind === 'sequential' && spec.extreme !== null && spec.neutral !== null)
    return Math.abs(spec.extreme - spec.neutral);
  return stats.maxSpread > 0 ? stats.maxSpread : 1;
}

/** The clip a signal opens with: the natural range when it has one, else the 98th percentile (outliers saturate). */
export function defaultClip(spec: SignalSpec, stats: SignalStats): number {
  const natural = spec.kind === 'diverging' ? spec.naturalRadius !== null : spec.extreme !== null;
  if (natural || stats.maxSpread <= 0) return 1;
  // Up to the next 5 % step; the small allowance absorbs the percentile's histogram resolution.
  return Math.min(1, Math.max(0.05, Math.ceil((stats.p98Spread / stats.maxSpread) * 20 - 0.01) / 20));
}

/** `clip` in (0, 1] is the share of the full extent kept; `threshold` in [0, 1) of importance is left uncoloured. */
export function makeScale(
  spec: SignalSpec,
  stats: SignalStats,
  clip: number,
  threshold: number,
  palette?: PaletteName,
): HeatScale {
  const extent = fullExtent(spec, stats) * Math.min(1, Math.max(0.01, clip));
  if (spec.kind === 'diverging')
    return { kind: 'diverging', palette: 'div', center: spec.center, radius: extent, threshold };
  const from = scaleOrigin(spec, stats);
  const down = spec.extreme !== null && spec.neutral !== null ? spec.extreme < spec.neutral : spec.direction === 'down';
  return {
    kind: 'sequential',
    palette: palette ?? spec.palette,
    from,
    to: down ? from - extent : from + extent,
    threshold,
  };
}

/** Position on the scale: [-1, 1] (diverging) or [0, 1] (sequential); NaN for a missing value. */
export function scalePosition(value: number, scale: HeatScale): number {
  if (!Number.isFinite(value)) return Number.NaN;
  if (scale.kind === 'diverging') return Math.max(-1, Math.min(1, (value - scale.center) / scale.radius));
  const span = scale.to - scale.from;
  return span === 0 ? 0 : Math.max(0, Math.min(1, (value - scale.from) / span));
}

/** Importance in [0, 1] (NaN when missing): how far along the scale, in either direction, a value lies. */
export function importance(value: number, scale: HeatScale): number {
  return Math.abs(scalePosition(value, scale));
}

/**
 * The importance key used for "max" aggregation (works on unclipped values, so extremes beyond the clip
 * still rank).
 */
export function importanceKey(scale: HeatScale): (value: number) => number {
  if (scale.kind === 'diverging') return (v) => Math.abs(v - scale.center);
  const sign = scale.to >= scale.from ? 1 : -1;
  return (v) => sign * (v - scale.from);
}

/** The colour class index of a value: 0..BINS-1, BIN_FADED below the threshold, BIN_MISSING for NaN. */
export function quantize(value: number, scale: HeatScale): number {
  const t = scalePosition(value, scale);
  if (Number.isNaN(t)) return BIN_MISSING;
  if (Math.abs(t) < scale.threshold) return BIN_FADED;
  const u = scale.kind === 'diverging' ? (t + 1) / 2 : t;
  return Math.min(BINS - 1, Math.floor(u * BINS));
}

export function quantizeAll(values: ArrayLike<number>, scale: HeatScale): Uint8Array {
  const out = new Uint8Array(values.length);
  for (let i = 0; i < values.length; i++) out[i] = quantize(values[i] as number, scale);
  return out;
}

/** Importance of a bin (its centre), for navigation over already quantised tokens; 0 for faded/missing. */
export function binImportance(bin: number, kind: HeatScale['kind']): number {
  if (bin >= BINS) return 0;
  const u = (bin + 0.5) / BINS;
  return kind === 'diverging' ? Math.abs(2 * u - 1) : u;
}

/** The value at the lower edge of each bin, for the legend's tick labels. */
export function binEdgeValue(edge: number, scale: HeatScale): number {
  const u = edge / BINS;
  if (scale.kind === 'diverging') return scale.center + (2 * u - 1) * scale.radius;
  return scale.from + u * (scale.to - scale.from);
}
