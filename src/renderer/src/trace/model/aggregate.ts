// Per-unit aggregation of a signal: every piece shows the mean, or the most extreme value, of the unit it
// belongs to. "Most extreme" is judged by the scale's own notion of importance (distance from the centre
// for a diverging signal, the far end for a sequential one), so a line with one strongly negative logit
// shows that logit, not the largest number. Missing values (NaN) are ignored; a unit with none shows NaN.

export const REDUCERS = ['mean', 'max'] as const;
export type Reducer = (typeof REDUCERS)[number];

/** Larger means more important; must accept any finite value. */
export type ImportanceKey = (value: number) => number;

/**
 * `units` must be non-decreasing (pieces in text order), as unitOfPieces returns. Returns one value per
 * piece.
 */
export function aggregateByUnit(
  values: ArrayLike<number>,
  units: Int32Array,
  reducer: Reducer,
  key: ImportanceKey,
): Float32Array {
  const n = units.length;
  const out = new Float32Array(n);
  let first = 0;
  while (first < n) {
    const unit = units[first] as number;
    let last = first;
    while (last + 1 < n && units[last + 1] === unit) last++;
    const value = reduce(values, first, last, reducer, key);
    out.fill(value, first, last + 1);
    first = last + 1;
  }
  return out;
}

/** Mean or most important value of values[first..last], NaNs skipped. */
export function reduce(
  values: ArrayLike<number>,
  first: number,
  last: number,
  reducer: Reducer,
  key: ImportanceKey,
): number {
  let count = 0;
  let sum = 0;
  let best = Number.NaN;
  let bestKey = -Infinity;
  for (let i = first; i <= last; i++) {
    const v = values[i] as number;
    if (Number.isNaN(v)) continue;
    count++;
    if (reducer === 'mean') sum += v;
    else {
      const k = key(v);
      if (k > bestKey) {
        bestKey = k;
        best = v;
      }
    }
  }
  if (count === 0) return Number.NaN;
  return reducer === 'mean' ? sum / count : best;
}
