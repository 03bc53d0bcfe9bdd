// A read-only multimap from 32-bit keys to small integers, built once from (key, value) pairs: an open-addressing
// table over typed arrays. Lookups allocate nothing and hash no heap numbers (a JS Map with uint32 keys, most of them
// outside V8's small-integer range, was the slowest part of matching). Most keys looked up are absent (a training
// prompt's n-grams are rarely a benchmark's), so a one-bit-per-slot filter small enough for the CPU cache answers
// those before the table, whose slots hold key, start and end side by side (one cache line per probe).
import { fmix32 } from '../../shared/random';

const EMPTY = -1;
/** Filter bits per distinct key: ~1/16 of absent keys reach the table. */
const FILTER_BITS_PER_KEY = 16;

export class StaticMultimap {
  private readonly mask: number;
  /** Per slot: key, start of its values, end of its values (start EMPTY: free slot). */
  private readonly slots: Int32Array;
  private readonly filter: Uint32Array;
  private readonly filterMask: number;
  /** The values, grouped by key: a key's values are values[start, end). */
  readonly values: Int32Array;
  readonly size: number;

  /** `keys[i]` maps to `values[i]`; values are non-negative integers below 2^21. */
  constructor(keys: ArrayLike<number>, values: ArrayLike<number>) {
    const count = keys.length;
    // Sort the pairs by key: equal keys become one run of values.
    const packed = new Float64Array(count);
    for (let i = 0; i < count; i++) packed[i] = ((keys[i] as number) >>> 0) * 0x200000 + (values[i] as number);
    packed.sort();
    const keyAt = (i: number) => Math.floor((packed[i] as number) / 0x200000);
    this.values = new Int32Array(count);
    let distinct = 0;
    for (let i = 0; i < count; i++) {
      this.values[i] = (packed[i] as number) % 0x200000;
      if (i === 0 || keyAt(i) !== keyAt(i - 1)) distinct++;
    }
    this.size = distinct;
    let capacity = 16;
    while (capacity < distinct * 2) capacity *= 2;
    this.mask = capacity - 1;
    this.slots = new Int32Array(capacity * 3);
    for (let s = 0; s < capacity; s++) this.slots[s * 3 + 1] = EMPTY;
    let filterBits = 1024;
    while (filterBits < distinct * FILTER_BITS_PER_KEY) filterBits *= 2;
    this.filter = new Uint32Array(filterBits / 32);
    this.filterMask = filterBits - 1;
    let i = 0;
    while (i < count) {
      const key = keyAt(i);
      let end = i + 1;
      while (end < count && keyAt(end) === key) end++;
      const mixed = fmix32(key);
      const bit = (mixed >>> 7) & this.filterMask;
      this.filter[bit >>> 5] = (this.filter[bit >>> 5] as number) | (1 << (bit & 31));
      let slot = mixed & this.mask;
      while (this.slots[slot * 3 + 1] !== EMPTY) slot = (slot + 1) & this.mask;
      this.slots[slot * 3] = key | 0;
      this.slots[slot * 3 + 1] = i;
      this.slots[slot * 3 + 2] = end;
      i = end;
    }
  }

  /**
   * Where the values of `key` are: `values[start, end)` with start = the returned slot's start, read with
   * startOf/endOf; -1 when the key is absent.
   */
  find(key: number): number {
    const mixed = fmix32(key);
    const bit = (mixed >>> 7) & this.filterMask;
    if (((this.filter[bit >>> 5] as number) & (1 << (bit & 31))) === 0) return EMPTY;
    const k = key | 0;
    let slot = mixed & this.mask;
    for (;;) {
      const base = slot * 3;
      if (this.slots[base + 1] === EMPTY) return EMPTY;
      if (this.slots[base] === k) return slot;
      slot = (slot + 1) & this.mask;
    }
  }

  startOf(slot: number): number {
    return this.slots[slot * 3 + 1] as number;
  }

  endOf(slot: number): number {
    return this.slots[slot * 3 + 2] as number;
  }

  /** The values of `key` (a copy; for tests and cold paths). */
  get(key: number): number[] {
    const slot = this.find(key);
    return slot === EMPTY ? [] : Array.from(this.values.subarray(this.startOf(slot), this.endOf(slot)));
  }
}
