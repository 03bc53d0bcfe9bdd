// Virtualisation maths: rows of varying height, estimated first and replaced by measurements as rows are
// rendered. Offsets are a prefix sum rebuilt lazily from the first changed row, so measuring the few
// rows on screen after every scroll costs little even for thousands of rows.

export class RowHeights {
  private readonly heights: Float64Array;
  private readonly prefix: Float64Array;
  private readonly measured: Uint8Array;
  /** prefix[] is valid up to and including this index. */
  private validUpTo = 0;

  constructor(
    readonly count: number,
    estimate: (row: number) => number,
  ) {
    this.heights = new Float64Array(count);
    this.prefix = new Float64Array(count + 1);
    this.measured = new Uint8Array(count);
    for (let i = 0; i < count; i++) this.heights[i] = estimate(i);
  }

  height(row: number): number {
    return this.heights[row] ?? 0;
  }

  isMeasured(row: number): boolean {
    return this.measured[row] === 1;
  }

  /** Records a measured height; returns whether it changed anything. */
  set(row: number, height: number): boolean {
    if (row < 0 || row >= this.count) return false;
    this.measured[row] = 1;
    if (this.heights[row] === height) return false;
    this.heights[row] = height;
    this.validUpTo = Math.min(this.validUpTo, row);
    return true;
  }

  /** Top of a row (row === count gives the total height). */
  offsetOf(row: number): number {
    const target = Math.max(0, Math.min(this.count, row));
    while (this.validUpTo < target) {
      this.prefix[this.validUpTo + 1] =
        (this.prefix[this.validUpTo] as number) + (this.heights[this.validUpTo] as number);
      this.validUpTo++;
    }
    return this.prefix[target] as number;
  }

  total(): number {
    return this.offsetOf(this.count);
  }

  /** The row containing offset y (clamped to the rows). */
  rowAt(y: number): number {
    if (this.count === 0) return 0;
    this.offsetOf(this.count);
    let lo = 0;
    let hi = this.count - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((this.prefix[mid] as number) <= y) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  /** Rows to render for a viewport, with `overscan` pixels of extra rows above and below. */
  visibleRange(scrollTop: number, viewportHeight: number, overscan: number): { first: number; last: number } {
    if (this.count === 0) return { first: 0, last: -1 };
    const first = this.rowAt(Math.max(0, scrollTop - overscan));
    const last = this.rowAt(scrollTop + viewportHeight + overscan);
    return { first, last };
  }
}

/** Height of a row of `chars` monospace characters wrapped at `charsPerLine`. */
export function estimateRowHeight(chars: number, charsPerLine: number, lineHeight: number, padding = 0): number {
  const lines = Math.max(1, Math.ceil(chars / Math.max(1, charsPerLine)));
  return lines * lineHeight + padding;
}

/** Where to scroll so that `row` sits `offsetWithin` pixels above the top of the viewport. */
export function scrollTopFor(rows: RowHeights, row: number, offsetWithin = 0): number {
  return Math.max(0, rows.offsetOf(row) + offsetWithin);
}

/** Scroll position as a share of the scrollable distance (compare panes scroll together by this). */
export function scrollFraction(scrollTop: number, scrollHeight: number, clientHeight: number): number {
  const range = scrollHeight - clientHeight;
  return range > 0 ? Math.min(1, Math.max(0, scrollTop / range)) : 0;
}
