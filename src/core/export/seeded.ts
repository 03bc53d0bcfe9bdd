// Seeded, order-independent randomness for exports: every prompt gets a key from (seed, prompt id), and
// "random" choices (which prompts a per-source cap keeps, which split a prompt lands in) sort by that
// key. The same data, options and seed therefore give the same files, whatever order rows arrive in.
import { seededKey } from '../../shared/random';

/**
 * Sorts indices by (key, id): a seeded permutation with a total order. `indices` must be in id order
 * (they are: rows arrive sorted by id), so the position breaks ties. Key and position are packed into
 * one double (32 + 21 bits) for a native numeric sort.
 */
export function seededOrder(indices: readonly number[], ids: ArrayLike<number>, seed: number, salt: number): number[] {
  const n = indices.length;
  if (n >= POSITION_LIMIT) {
    const keys = indices.map((row) => seededKey(seed, ids[row] as number, salt));
    return Array.from(indices.keys())
      .sort((a, b) => (keys[a] as number) - (keys[b] as number) || a - b)
      .map((p) => indices[p] as number);
  }
  const packed = new Float64Array(n);
  for (let k = 0; k < n; k++)
    packed[k] = seededKey(seed, ids[indices[k] as number] as number, salt) * POSITION_LIMIT + k;
  packed.sort();
  const out = new Array<number>(n);
  for (let k = 0; k < n; k++) out[k] = indices[(packed[k] as number) % POSITION_LIMIT] as number;
  return out;
}

const POSITION_LIMIT = 2 ** 21;

/** Splits n into counts proportional to ratios (summing to 1), by largest remainder; ties go to the earlier split. */
export function apportion(n: number, ratios: readonly number[]): number[] {
  const exact = ratios.map((r) => r * n);
  const counts = exact.map(Math.floor);
  let left = n - counts.reduce((s, c) => s + c, 0);
  const byRemainder = exact
    .map((x, i) => ({ i, rest: x - Math.floor(x) }))
    .sort((a, b) => b.rest - a.rest || a.i - b.i);
  for (const { i } of byRemainder) {
    if (left <= 0) break;
    counts[i] = (counts[i] as number) + 1;
    left--;
  }
  return counts;
}

const SALT_CAP = 1;
const SALT_SPLIT = 2;

/** Which rows (1 = kept) a cap of `cap` per group keeps: the `cap` rows of each group with the smallest seeded keys. */
export function capGroups(ids: ArrayLike<number>, groups: ArrayLike<number>, cap: number, seed: number): Uint8Array {
  const keep = new Uint8Array(ids.length).fill(1);
  for (const members of groupIndices(groups).values()) {
    if (members.length <= cap) continue;
    for (const i of seededOrder(members, ids, seed, SALT_CAP).slice(cap)) keep[i] = 0;
  }
  return keep;
}

/** Split index per row: within each stratum, a seeded permutation cut by the apportioned counts. */
export function assignSplits(
  ids: ArrayLike<number>,
  strata: ArrayLike<number>,
  ratios: readonly number[],
  seed: number,
): Uint8Array {
  const split = new Uint8Array(ids.length);
  if (ratios.length <= 1) return split;
  for (const members of groupIndices(strata).values()) {
    const order = seededOrder(members, ids, seed, SALT_SPLIT);
    const counts = apportion(order.length, ratios);
    let at = 0;
    counts.forEach((count, s) => {
      for (let k = 0; k < count; k++) split[order[at++] as number] = s;
    });
  }
  return split;
}

function groupIndices(groups: ArrayLike<number>): Map<number, number[]> {
  const map = new Map<number, number[]>();
  for (let i = 0; i < groups.length; i++) {
    const g = groups[i] as number;
    const list = map.get(g);
    if (list) list.push(i);
    else map.set(g, [i]);
  }
  return map;
}
