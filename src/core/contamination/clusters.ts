// Near-duplicate clusters in a large set: every document's band keys are sorted per band (packed with its index into
// one double for a native numeric sort), documents sharing a band key are compared by their signatures, and the
// similar ones are joined (union-find). Memory is the band keys and 1-byte signatures, not per-bucket lists, so a
// million documents fit in ~200 MB.
import { jaccardEstimateLowBytes } from './minhash';

/** Band keys and low-byte signatures of `count` documents, laid out document after document. */
export interface SignatureTable {
  count: number;
  bands: number;
  /** Signature bytes kept per document. */
  width: number;
  /** count x bands band keys. */
  bandKeys: Uint32Array;
  /** count x width signature bytes (the low 8 bits of the first `width` minima). */
  lowBytes: Uint8Array;
}

const PACK = 2 ** 21;

export class UnionFind {
  readonly parent: Int32Array;
  constructor(size: number) {
    this.parent = new Int32Array(size);
    for (let i = 0; i < size; i++) this.parent[i] = i;
  }
  find(x: number): number {
    const parent = this.parent;
    while (parent[x] !== x) {
      const up = parent[parent[x] as number] as number;
      parent[x] = up;
      x = up;
    }
    return x;
  }
  /** Joins the two sets; the smaller index becomes the root, so a cluster's root is its first document. */
  union(a: number, b: number): boolean {
    const ra = this.find(a);
    const rb = this.find(b);
    if (ra === rb) return false;
    if (ra < rb) this.parent[rb] = ra;
    else this.parent[ra] = rb;
    return true;
  }
}

function similarity(table: SignatureTable, a: number, b: number): number {
  const n = table.width;
  return jaccardEstimateLowBytes(table.lowBytes.subarray(a * n, a * n + n), table.lowBytes.subarray(b * n, b * n + n));
}

/**
 * Documents sorted by their key in band `band` (ties by index), into `order`. The packed keys go through one buffer
 * reused for every band: a fresh 8 MB array per band at 10^6 documents left ~200 MB for the collector to find.
 */
function sortByBand(table: SignatureTable, band: number, packed: Float64Array, order: Int32Array): void {
  const { count, bands, bandKeys } = table;
  if (count < PACK) {
    for (let i = 0; i < count; i++) packed[i] = (bandKeys[i * bands + band] as number) * PACK + i;
    packed.sort();
    for (let i = 0; i < count; i++) order[i] = (packed[i] as number) % PACK;
    return;
  }
  const list = Array.from({ length: count }, (_, i) => i);
  list.sort((a, b) => (bandKeys[a * bands + band] as number) - (bandKeys[b * bands + band] as number) || a - b);
  order.set(list);
}

/**
 * Joins documents whose estimated Jaccard similarity reaches `threshold` and that share a band. Within a bucket each
 * document is compared with the bucket's first and with its predecessor (linear, not quadratic, in the bucket size).
 * Returns the union-find, whose roots are each cluster's lowest index.
 */
export function nearDuplicateClusters(
  table: SignatureTable,
  threshold: number,
  onBand?: (band: number) => void,
): UnionFind {
  const sets = new UnionFind(table.count);
  const packed = new Float64Array(table.count < PACK ? table.count : 0);
  const order = new Int32Array(table.count);
  for (let band = 0; band < table.bands; band++) {
    sortByBand(table, band, packed, order);
    const keyOf = (doc: number) => table.bandKeys[doc * table.bands + band] as number;
    let start = 0;
    while (start < table.count) {
      const first = order[start] as number;
      let end = start + 1;
      while (end < table.count && keyOf(order[end] as number) === keyOf(first)) end++;
      for (let k = start + 1; k < end; k++) {
        const doc = order[k] as number;
        if (sets.find(doc) === sets.find(first)) continue;
        if (similarity(table, doc, first) >= threshold) sets.union(doc, first);
        else {
          const previous = order[k - 1] as number;
          if (previous !== first && similarity(table, doc, previous) >= threshold) sets.union(doc, previous);
        }
      }
      start = end;
    }
    onBand?.(band);
  }
  return sets;
}
