// A virtualised vertical list of rows of varying height: only the rows in (and near) the viewport are
// rendered. Heights are estimated from the container width, then measured once a row is in the DOM; when
// a measurement above the viewport changes, the scroll position is corrected so the text being read does
// not jump. Used by the heatmap (rows of tokens) and the rendered view (blocks of typeset text).
import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import type { RefObject } from 'react';
import { RowHeights } from './virtual-rows';

export interface VirtualSnapshot {
  first: number;
  last: number;
  /** Offset of the first rendered row. */
  top: number;
  total: number;
  width: number;
}

export interface VirtualRows extends VirtualSnapshot {
  scrollRef: RefObject<HTMLDivElement | null>;
  /** Scrolls so that `row` (`fraction` of the way into it) is at the top, or `row` is centred. */
  scrollToRow(row: number, options?: ScrollOptions): void;
  /** Whether the row lies entirely inside the viewport. */
  isRowVisible(row: number): boolean;
  /** The row at the top of the viewport and how far into it the viewport starts (0..1). */
  topRow(): { row: number; fraction: number };
}

export interface ScrollOptions {
  fraction?: number;
  align?: 'start' | 'center';
}

const EMPTY: VirtualSnapshot = { first: 0, last: -1, top: 0, total: 0, width: 0 };

/**
 * `estimate(row, width)` guesses a row's height for a container `width` px wide; `resetKey` changes when
 * the rows themselves change (another rollout). Rendered rows must carry data-row={index}.
 */
export function useVirtualRows(
  count: number,
  estimate: (row: number, width: number) => number,
  resetKey: unknown,
  overscan = 400,
): VirtualRows {
  const scrollRef = useRef<HTMLDivElement | null>(null);
  const rowsRef = useRef<RowHeights | null>(null);
  const estimateRef = useRef(estimate);
  const [snap, setSnap] = useState<VirtualSnapshot>(EMPTY);
  const [width, setWidth] = useState(0);

  useLayoutEffect(() => {
    estimateRef.current = estimate;
  });

  const refresh = useCallback(() => {
    const el = scrollRef.current;
    const rows = rowsRef.current;
    if (!el || !rows) return;
    const { first, last } = rows.visibleRange(el.scrollTop, el.clientHeight, overscan);
    const next = { first, last, top: rows.offsetOf(first), total: rows.total(), width: el.clientWidth };
    setSnap((prev) =>
      prev.first === next.first &&
      prev.last === next.last &&
      prev.top === next.top &&
      prev.total === next.total &&
      prev.width === next.width
        ? prev
        : next,
    );
  }, [overscan]);

  // Width changes re-estimate every row; the reading position is carried over by row and fraction.
  useEffect(() => {
    const el = scrollRef.current;
    if (!el) return;
    const observer = new ResizeObserver(() => setWidth(el.clientWidth));
    observer.observe(el);
    return () => observer.disconnect();
  }, []);

  useLayoutEffect(() => {
    const el = scrollRef.current;
    if (!el) return;
    // Read the width here rather than wait for the resize observer: the first rows then render before
    // the first paint. `width` (from the observer) only makes this run again after a resize.
    const current = el.clientWidth || width;
    const old = rowsRef.current;
    const anchor = old && old.count === count ? anchorOf(old, el.scrollTop) : null;
    const rows = new RowHeights(count, (i) => estimateRef.current(i, current));
    rowsRef.current = rows;
    if (anchor) el.scrollTop = rows.offsetOf(anchor.row) + anchor.fraction * rows.height(anchor.row);
    refresh();
  }, [count, width, resetKey, refresh]);

  useEffect(() => {
    const el = scrollRef.current;
    if (!el) return;
    el.addEventListener('scroll', refresh, { passive: true });
    return () => el.removeEventListener('scroll', refresh);
  }, [refresh]);

  // Rows are measured by a ResizeObserver: it reports after the browser's own layout, so measuring
  // never forces an extra synchronous layout while scrolling. A changed height above the viewport moves
  // the scroll position with it, so the text being read stays put.
  const observerRef = useRef<ResizeObserver | null>(null);
  const observed = useRef(new WeakSet<Element>());
  // A layout effect, declared before the one below, so the first rows are observed too.
  useLayoutEffect(() => {
    const el = scrollRef.current;
    if (!el) return;
    const observer = new ResizeObserver((entries) => {
      const rows = rowsRef.current;
      if (!rows) return;
      const anchor = anchorOf(rows, el.scrollTop);
      let changed = false;
      for (const entry of entries) {
        const node = entry.target as HTMLElement;
        if (!node.isConnected) {
          observer.unobserve(node);
          continue;
        }
        const height = entry.borderBoxSize[0]?.blockSize ?? node.offsetHeight;
        if (rows.set(Number(node.dataset.row), height)) changed = true;
      }
      if (!changed) return;
      const target = rows.offsetOf(anchor.row) + anchor.fraction * rows.height(anchor.row);
      if (Math.abs(target - el.scrollTop) >= 1 && el.scrollTop > 0) el.scrollTop = target;
      refresh();
    });
    observerRef.current = observer;
    observed.current = new WeakSet();
    return () => observer.disconnect();
  }, [refresh]);

  // After every render, start observing rows that are new in the DOM (observing reads no layout).
  useLayoutEffect(() => {
    const el = scrollRef.current;
    const observer = observerRef.current;
    if (!el || !observer) return;
    for (const node of el.querySelectorAll('[data-row]')) {
      if (observed.current.has(node)) continue;
      observed.current.add(node);
      observer.observe(node);
    }
  });

  const scrollToRow = useCallback(
    (row: number, options: ScrollOptions = {}) => {
      const el = scrollRef.current;
      const rows = rowsRef.current;
      if (!el || !rows || rows.count === 0) return;
      const r = Math.max(0, Math.min(rows.count - 1, row));
      const top = rows.offsetOf(r) + (options.fraction ?? 0) * rows.height(r);
      el.scrollTop = options.align === 'center' ? Math.max(0, top - el.clientHeight / 2 + rows.height(r) / 2) : top;
      refresh();
    },
    [refresh],
  );

  const isRowVisible = useCallback((row: number) => {
    const el = scrollRef.current;
    const rows = rowsRef.current;
    if (!el || !rows || row < 0 || row >= rows.count) return false;
    const top = rows.offsetOf(row);
    return top >= el.scrollTop && top + rows.height(row) <= el.scrollTop + el.clientHeight;
  }, []);

  const topRow = useCallback(() => {
    const el = scrollRef.current;
    const rows = rowsRef.current;
    if (!el || !rows || rows.count === 0) return { row: 0, fraction: 0 };
    return anchorOf(rows, el.scrollTop);
  }, []);

  return { ...snap, scrollRef, scrollToRow, isRowVisible, topRow };
}

function anchorOf(rows: RowHeights, scrollTop: number): { row: number; fraction: number } {
  const row = rows.rowAt(scrollTop);
  const height = rows.height(row);
  return { row, fraction: height > 0 ? Math.min(1, Math.max(0, (scrollTop - rows.offsetOf(row)) / height)) : 0 };
}
