// A set of 64-bit question hashes (the 16 hex digits of questionHash) in flat typed arrays: a million
// prompts cost ~16 MB here instead of ~60 MB as a Set of strings, which matters for the import's memory cap.
export class QuestionHashSet {
  private hi: Uint32Array;
  private lo: Uint32Array;
  private count = 0;

  constructor(initialCapacity = 1 << 16) {
    let capacity = 1;
    while (capacity < initialCapacity * 2) capacity <<= 1;
    this.hi = new Uint32Array(capacity);
    this.lo = new Uint32Array(capacity);
  }

  get size(): number {
    return this.count;
  }

  /** Adds the hash; returns false if it was already present. */
  add(hex16: string): boolean {
    let hi = parseInt(hex16.slice(0, 8), 16) >>> 0;
    const lo = parseInt(hex16.slice(8, 16), 16) >>> 0;
    if (hi === 0 && lo === 0) hi = 1; // (0, 0) marks an empty slot
    if ((this.count + 1) * 2 > this.hi.length) this.grow();
    if (!this.insert(hi, lo)) return false;
    this.count++;
    return true;
  }

  private insert(hi: number, lo: number): boolean {
    const mask = this.hi.length - 1;
    // The hash is already uniform: its low bits are a fine slot index.
    for (let slot = (lo ^ hi) & mask; ; slot = (slot + 1) & mask) {
      const h = this.hi[slot] as number;
      const l = this.lo[slot] as number;
      if (h === 0 && l === 0) {
        this.hi[slot] = hi;
        this.lo[slot] = lo;
        return true;
      }
      if (h === hi && l === lo) return false;
    }
  }

  private grow(): void {
    const oldHi = this.hi;
    const oldLo = this.lo;
    this.hi = new Uint32Array(oldHi.length * 2);
    this.lo = new Uint32Array(oldLo.length * 2);
    for (let i = 0; i < oldHi.length; i++) {
      const h = oldHi[i] as number;
      const l = oldLo[i] as number;
      if (h !== 0 || l !== 0) this.insert(h, l);
    }
  }
}
