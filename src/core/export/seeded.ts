// Seeded, order-independent randomness for exports: every prompt gets a key from (seed, prompt id), and
// "random" choices (which prompts a per-source cap keeps, which split a prompt lands in) sort by that
// key. The same data, options and seed therefore give the same files, whatever order rows arrive in.

function fmix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** A uniform 32-bit key for `value` under `seed` (any safe integers; `salt` separates independent uses). */
export function seededKey(seed: number, value: number, salt = 0): number {
  const lo = seed >>> 0;
  const hi = Math.floor(seed / 0x1_0000_0000) >>> 0;
  const s = fmix32(fmix32(lo ^ Math.imul(salt + 1, 0x9e3779b1)) ^ hi);
  return fmix32((value >>> 0) ^ s) ^ fmix32(Math.floor(value / 0x1_0000_0000) + s);
}

/** Sorts indices by (key, id): a seeded permutation with a total order. */
export function seededOrder(indices: readonly number[], ids: readonly number[], seed: number, salt: number): number[] {
  const keys = new Uint32Array(indices.length);
  const rowIds = new Float64Array(indices.length);
  indices.forEach((row, k) => {
    rowIds[k] = ids[row] as number;
    keys[k] = seededKey(seed, rowIds[k] as number, salt);
  });
  const positions = Array.from(indices.keys());
  positions.sort((a, b) => (keys[a] as number) - (keys[b] as number) || (rowIds[a] as number) - (rowIds[b] as number));
  return positions.map((p) => indices[p] as number);
}

/** Splits n into counts proportional to ratios (summing to 1), by largest remainder; ties go to the earlier split. */
export function apportion(n: number, ratios: readonly number[]): number[] {
  const exact = ratios.map((r) => r * n);
  const counts = exact.map(Math.floor);
  let left = n - counts.reduce((s, c) => s + c, 0);
  const byRemainder = exact.map((x, i) => ({ i, rest: x - Math.floor(x) })).sort((a, b) => b.rest - a.rest || a.i - b.i);
  for (const { i } of byRemainder) {
    if (left <= 0) break;
    counts[i] = (counts[i] as number) + 1;
    left--;
  }
  return counts;
}

const SALT_CAP = 1;
const SALT_SPLIT = 2;

/** Which rows a cap of `cap` per group keeps: the `cap` rows of each group with the smallest seeded keys. */
export function capGroups(ids: readonly number[], groups: readonly number[], cap: number, seed: number): boolean[] {
  const keep = new Array<boolean>(ids.length).fill(true);
  for (const members of groupIndices(groups).values()) {
    if (members.length <= cap) continue;
    for (const i of seededOrder(members, ids, seed, SALT_CAP).slice(cap)) keep[i] = false;
  }
  return keep;
}

/** Split index per row: within each stratum, a seeded permutation cut by the apportioned counts. */
export function assignSplits(ids: readonly number[], strata: readonly number[], ratios: readonly number[], seed: number): Uint8Array {
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

function groupIndices(groups: readonly number[]): Map<number, number[]> {
  const map = new Map<number, number[]>();
  groups.forEach((g, i) => {
    const list = map.get(g);
    if (list) list.push(i);
    else map.set(g, [i]);
  });
  return map;
}
