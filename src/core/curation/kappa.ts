// Chance-corrected agreement. Cohen's kappa for two raters, Fleiss' kappa for any fixed number of raters
// per item. Both return null when kappa is undefined (no items, or chance agreement is 1: every rating
// in one category, so there is nothing to agree on beyond chance).

export interface Agreement {
  kappa: number | null;
  /** Cohen: share of items rated alike. Fleiss: mean pairwise agreement per item (P-bar). */
  observed: number | null;
}

/** Two raters' categories for the same items, in the same order. */
export function cohenKappa<C>(a: readonly C[], b: readonly C[]): Agreement {
  if (a.length !== b.length) throw new Error('cohenKappa: both raters must rate the same items');
  const n = a.length;
  if (n === 0) return { kappa: null, observed: null };
  const countA = new Map<C, number>();
  const countB = new Map<C, number>();
  let agree = 0;
  for (let i = 0; i < n; i++) {
    const x = a[i] as C;
    const y = b[i] as C;
    if (x === y) agree++;
    countA.set(x, (countA.get(x) ?? 0) + 1);
    countB.set(y, (countB.get(y) ?? 0) + 1);
  }
  const observed = agree / n;
  let expected = 0;
  for (const [category, ca] of countA) expected += (ca / n) * ((countB.get(category) ?? 0) / n);
  return { kappa: expected === 1 ? null : (observed - expected) / (1 - expected), observed };
}

/** counts[i][j] = how many raters put item i in category j; every row must sum to the same n >= 2. */
export function fleissKappa(counts: readonly (readonly number[])[]): Agreement {
  const items = counts.length;
  if (items === 0) return { kappa: null, observed: null };
  const categories = (counts[0] as readonly number[]).length;
  const raters = (counts[0] as readonly number[]).reduce((s, v) => s + v, 0);
  if (raters < 2) throw new Error('fleissKappa: needs at least two raters per item');
  const totals = new Array<number>(categories).fill(0);
  let sumP = 0;
  for (const row of counts) {
    if (row.length !== categories || row.reduce((s, v) => s + v, 0) !== raters)
      throw new Error('fleissKappa: every item needs the same raters and categories');
    let squares = 0;
    row.forEach((v, j) => {
      squares += v * v;
      totals[j] = (totals[j] as number) + v;
    });
    sumP += (squares - raters) / (raters * (raters - 1));
  }
  const observed = sumP / items;
  const expected = totals.reduce((s, t) => s + (t / (items * raters)) ** 2, 0);
  return { kappa: expected === 1 ? null : (observed - expected) / (1 - expected), observed };
}
