import { describe, expect, it } from 'vitest';
import { estimateRowHeight, RowHeights, scrollFraction, scrollTopFor } from './virtual-rows';

describe('RowHeights', () => {
  it('sums estimated heights and finds rows by offset', () => {
    const rows = new RowHeights(5, (i) => (i + 1) * 10); // 10 20 30 40 50
    expect(rows.total()).toBe(150);
    expect(rows.offsetOf(3)).toBe(60);
    expect(rows.rowAt(0)).toBe(0);
    expect(rows.rowAt(29.9)).toBe(1);
    expect(rows.rowAt(30)).toBe(2);
    expect(rows.rowAt(1e9)).toBe(4);
  });

  it('replaces estimates with measurements and moves later rows', () => {
    const rows = new RowHeights(4, () => 20);
    expect(rows.offsetOf(3)).toBe(60);
    expect(rows.set(1, 50)).toBe(true);
    expect(rows.set(1, 50)).toBe(false);
    expect(rows.isMeasured(1)).toBe(true);
    expect(rows.isMeasured(2)).toBe(false);
    expect(rows.offsetOf(3)).toBe(90);
    expect(rows.total()).toBe(110);
    expect(rows.set(9, 10)).toBe(false);
  });

  it('gives the rows to render for a viewport, with overscan', () => {
    const rows = new RowHeights(1000, () => 20);
    expect(rows.visibleRange(0, 100, 0)).toEqual({ first: 0, last: 5 });
    expect(rows.visibleRange(2000, 100, 40)).toEqual({ first: 98, last: 107 });
    expect(new RowHeights(0, () => 20).visibleRange(0, 100, 0)).toEqual({ first: 0, last: -1 });
  });

  it('keeps 32,000 rows cheap: a measurement near the end does not redo the start', () => {
    const rows = new RowHeights(32_000, () => 20);
    expect(rows.total()).toBe(640_000);
    rows.set(31_999, 40);
    expect(rows.total()).toBe(640_020);
    expect(rows.rowAt(639_990)).toBe(31_999);
  });
});

describe('helpers', () => {
  it('estimates wrapped rows', () => {
    expect(estimateRowHeight(0, 80, 20)).toBe(20);
    expect(estimateRowHeight(160, 80, 20, 4)).toBe(44);
    expect(estimateRowHeight(161, 80, 20)).toBe(60);
  });
  it('computes scroll targets and fractions', () => {
    const rows = new RowHeights(10, () => 10);
    expect(scrollTopFor(rows, 4, 5)).toBe(45);
    expect(scrollFraction(50, 200, 100)).toBe(0.5);
    expect(scrollFraction(10, 100, 100)).toBe(0);
  });
});
