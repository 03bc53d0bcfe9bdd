// Growable typed-array columns: per-row numbers for 10^6 rows (an export's prompts, a contamination index's n-grams)
// take a few MB here, where plain arrays (and the garbage of growing them) took hundreds of MB of heap.

type TypedArray = Uint32Array | Float64Array;

class Column<T extends TypedArray> {
  private data: T;
  length = 0;

  constructor(private readonly make: (n: number) => T) {
    this.data = make(1024);
  }

  push(value: number): void {
    if (this.length === this.data.length) {
      const bigger = this.make(this.data.length * 2);
      bigger.set(this.data);
      this.data = bigger;
    }
    this.data[this.length++] = value;
  }

  /** The filled part (a view, no copy). */
  get values(): T {
    return this.data.subarray(0, this.length) as T;
  }
}

export const uint32Column = () => new Column<Uint32Array>((n) => new Uint32Array(n));
export const float64Column = () => new Column<Float64Array>((n) => new Float64Array(n));

/** The entries of `values` whose `keep` flag is set, in order. */
export function compact<T extends TypedArray>(values: T, keep: Uint8Array): T {
  let n = 0;
  for (let i = 0; i < keep.length; i++) if (keep[i]) n++;
  const out = new (values.constructor as new (n: number) => T)(n);
  let j = 0;
  for (let i = 0; i < keep.length; i++) if (keep[i]) out[j++] = values[i] as number;
  return out;
}
