import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../shared/random';
import { nearDuplicateClusters } from './clusters';
import type { SignatureTable } from './clusters';
import { bandKeys, lshThreshold } from './lsh';
import { StaticMultimap } from './static-multimap';
import { createMinHasher, jaccardEstimate, jaccardEstimateLowBytes } from './minhash';

/** Two sets with a given exact Jaccard similarity: `shared` common elements and `own` elements each. */
function setsWithJaccard(shared: number, own: number, random: () => number): [Uint32Array, Uint32Array, number] {
  const draw = () => Math.floor(random() * 0x1_0000_0000);
  const common = Array.from({ length: shared }, draw);
  const a = new Uint32Array([...common, ...Array.from({ length: own }, draw)]);
  const b = new Uint32Array([...common, ...Array.from({ length: own }, draw)]);
  return [a, b, shared / (shared + 2 * own)];
}

describe('MinHash', () => {
  const hasher = createMinHasher(128, 3);
  it('estimates Jaccard similarity within sampling error (128 permutations: sd <= 0.045)', () => {
    const random = seededRandom(11);
    const errors: number[] = [];
    for (const [shared, own] of [
      [100, 0],
      [90, 5],
      [60, 20],
      [40, 30],
      [10, 45],
      [0, 50],
    ] as const) {
      for (let trial = 0; trial < 20; trial++) {
        const [a, b, exact] = setsWithJaccard(shared, own, random);
        const estimate = jaccardEstimate(hasher.signature(a), hasher.signature(b));
        errors.push(Math.abs(estimate - exact));
        expect(Math.abs(estimate - exact)).toBeLessThan(0.2);
      }
    }
    const meanError = errors.reduce((s, e) => s + e, 0) / errors.length;
    expect(meanError).toBeLessThan(0.04);
  });

  it('the 1-byte estimate agrees with the full one after its chance correction', () => {
    const random = seededRandom(5);
    for (let trial = 0; trial < 50; trial++) {
      const [a, b] = setsWithJaccard(30 + (trial % 40), 20, random);
      const full = jaccardEstimate(hasher.signature(a), hasher.signature(b));
      const low = jaccardEstimateLowBytes(new Uint8Array(hasher.signature(a)), new Uint8Array(hasher.signature(b)));
      expect(Math.abs(full - low)).toBeLessThan(0.06);
    }
  });

  it('ignores duplicate shingles and is deterministic for a seed', () => {
    const set = new Uint32Array([1, 2, 3, 3, 3]);
    expect(createMinHasher(128, 3).signature(set)).toEqual(hasher.signature(new Uint32Array([3, 2, 1])));
    expect(createMinHasher(128, 4).signature(set)).not.toEqual(hasher.signature(set));
  });
});

describe('LSH', () => {
  const hasher = createMinHasher(128, 3);
  it('finds similar sets as candidates and rarely dissimilar ones', () => {
    const random = seededRandom(23);
    const params = { bands: 32, rows: 4 };
    expect(lshThreshold(params)).toBeCloseTo(0.42, 2);
    const keys: number[] = [];
    const items: number[] = [];
    const probes: [Uint32Array, number][] = [];
    for (let i = 0; i < 200; i++) {
      const [a, b, exact] = setsWithJaccard(i % 2 === 0 ? 80 : 5, i % 2 === 0 ? 5 : 60, random);
      for (const key of bandKeys(hasher.signature(a), params)) {
        keys.push(key);
        items.push(i);
      }
      probes.push([hasher.signature(b), exact]);
    }
    const table = new StaticMultimap(keys, items);
    let similarFound = 0;
    let dissimilarFound = 0;
    probes.forEach(([signature, exact], i) => {
      const found = [...bandKeys(signature, params)].some((key) => table.get(key).includes(i));
      if (exact > 0.8) similarFound += found ? 1 : 0;
      else dissimilarFound += found ? 1 : 0;
    });
    expect(similarFound).toBe(100);
    expect(dissimilarFound).toBeLessThan(5);
  });

  it('near-duplicate clusters join similar documents and keep the lowest index as root', () => {
    const random = seededRandom(31);
    const numPerm = 128;
    const bands = 16;
    const draw = () => Math.floor(random() * 0x1_0000_0000);
    const base = Array.from({ length: 60 }, draw);
    // Documents 0, 3 and 7 are variants of one text (J ~ 0.9); the rest are unrelated.
    const docs = Array.from({ length: 10 }, (_, i) =>
      [0, 3, 7].includes(i)
        ? new Uint32Array([...base.slice(0, 57), ...Array.from({ length: 3 }, draw)])
        : new Uint32Array(Array.from({ length: 60 }, draw)),
    );
    const table: SignatureTable = {
      count: docs.length,
      bands,
      width: 64,
      bandKeys: new Uint32Array(docs.length * bands),
      lowBytes: new Uint8Array(docs.length * 64),
    };
    docs.forEach((doc, i) => {
      const signature = hasher.signature(doc);
      table.bandKeys.set(bandKeys(signature, { bands, rows: numPerm / bands }), i * bands);
      table.lowBytes.set(signature.subarray(0, 64), i * 64);
    });
    const sets = nearDuplicateClusters(table, 0.7);
    expect([0, 3, 7].map((d) => sets.find(d))).toEqual([0, 0, 0]);
    for (const d of [1, 2, 4, 5, 6, 8, 9]) expect(sets.find(d)).toBe(d);
  });
});
