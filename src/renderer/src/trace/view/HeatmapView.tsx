// The token heatmap: the trace as it was generated, one coloured span per token (a fragment per row when
// a token holds newlines), whitespace kept and newlines marked. Virtualised by rows, so a 32,000-token
// trace renders only what is on screen; the element reports how many tokens exist and how many are in
// the DOM (data-token-count, data-rendered-tokens).
import { forwardRef, memo, useCallback, useEffect, useImperativeHandle, useRef } from 'react';
import type { PaletteName } from '../heat/palettes';
import { responseOffsetOfRow, rowAtResponseOffset, splitsCharacter } from '../model/anchors';
import { rowChars, rowCount } from '../model/line-layout';
import type { TraceLayout } from '../model/trace-model';
import type { TraceBodyHandle } from './body-handle';
import { markPainted } from './body-handle';
import { binClass } from './heat-class';
import { useVirtualRows } from './use-virtual-rows';
import { estimateRowHeight, scrollFraction } from './virtual-rows';

const LINE_HEIGHT = 20;
const ROW_PADDING_X = 24;
const FALLBACK_CHAR_WIDTH = 7.8;

interface HeatmapViewProps {
  layout: TraceLayout;
  bins: Uint8Array | null;
  palette: PaletteName;
  signal: string | null;
  cursor: number | null;
  /** The reading position (a response offset) to open at; kept current by the pane while scrolling. */
  anchorStore: { readonly current: number };
  onHover(piece: number | null): void;
  onPick(piece: number): void;
  onViewport(first: number, last: number): void;
}

export const HeatmapView = memo(
  forwardRef<TraceBodyHandle, HeatmapViewProps>(function HeatmapView(props, ref) {
    const { layout, bins, palette, signal, cursor, anchorStore, onHover, onPick, onViewport } = props;
    const { lines, table } = layout;
    const rows = rowCount(lines);
    const probeRef = useRef<HTMLSpanElement | null>(null);
    const charWidth = useRef<number | null>(null);

    const estimate = useCallback(
      (row: number, width: number) => {
        if (charWidth.current === null && probeRef.current)
          charWidth.current = probeRef.current.getBoundingClientRect().width / 100 || FALLBACK_CHAR_WIDTH;
        const perLine = Math.floor((width - ROW_PADDING_X) / (charWidth.current ?? FALLBACK_CHAR_WIDTH));
        return estimateRowHeight(rowChars(lines, row), perLine, LINE_HEIGHT);
      },
      [lines],
    );
    const virtual = useVirtualRows(rows, estimate, layout);
    const { first, last, top, total, scrollRef, scrollToRow, isRowVisible, topRow } = virtual;

    useImperativeHandle(
      ref,
      (): TraceBodyHandle => ({
        anchor: () => {
          const { row } = topRow();
          return rows === 0 ? 0 : responseOffsetOfRow(table, lines, row);
        },
        scrollToOffset: (offset) => scrollToRow(rowAtResponseOffset(table, lines, offset)),
        revealPiece: (piece) => {
          const row = lines.tokenRow[piece];
          if (row !== undefined && !isRowVisible(row)) scrollToRow(row, { align: 'center' });
        },
        scrollFraction: () => {
          const el = scrollRef.current;
          return el ? scrollFraction(el.scrollTop, el.scrollHeight, el.clientHeight) : 0;
        },
        setScrollFraction: (fraction) => {
          const el = scrollRef.current;
          if (el) el.scrollTop = fraction * (el.scrollHeight - el.clientHeight);
        },
        element: () => scrollRef.current,
      }),
      [rows, table, lines, topRow, scrollToRow, isRowVisible, scrollRef],
    );

    // Open at the reading position the previous view left (or a landmark), once rows exist.
    const opened = useRef<TraceLayout | null>(null);
    useEffect(() => {
      if (total === 0 || opened.current === layout) return;
      opened.current = layout;
      if (anchorStore.current > 0) scrollToRow(rowAtResponseOffset(table, lines, anchorStore.current));
    }, [total, layout, anchorStore, scrollToRow, table, lines]);

    const paintedFor = useRef<Uint8Array | null>(null);
    useEffect(() => {
      const el = scrollRef.current;
      if (!el || !bins || paintedFor.current === bins || last < first) return;
      paintedFor.current = bins;
      markPainted(el, 'trace-heatmap-painted');
    }, [bins, first, last, scrollRef]);

    const firstPiece = last >= first ? (lines.fragToken[lines.rowFragStart[first] as number] ?? 0) : 0;
    const lastFrag = last >= first ? (lines.rowFragStart[last + 1] as number) - 1 : -1;
    const lastPiece = lastFrag >= 0 ? (lines.fragToken[lastFrag] ?? -1) : -1;
    useEffect(() => onViewport(firstPiece, lastPiece), [firstPiece, lastPiece, onViewport]);

    const rowsShown = [];
    for (let r = first; r <= last; r++) {
      const start = lines.rowFragStart[r] as number;
      const end = lines.rowFragStart[r + 1] as number;
      const cursorHere =
        cursor !== null && cursor >= (lines.fragToken[start] ?? 0) && cursor <= (lines.fragToken[end - 1] ?? -1)
          ? cursor
          : -1;
      rowsShown.push(<HeatRow key={r} row={r} layout={layout} bins={bins} palette={palette} cursor={cursorHere} />);
    }

    return (
      <div
        ref={scrollRef}
        tabIndex={0}
        className="trace-body heatmap"
        data-testid="heatmap"
        data-state={bins ? 'ready' : 'loading'}
        data-signal={signal ?? ''}
        data-token-count={table.starts.length - 1}
        data-stored-tokens={table.storedTokens}
        data-row-count={rows}
        data-rendered-rows={Math.max(0, last - first + 1)}
        data-rendered-tokens={lastPiece >= firstPiece ? lastPiece - firstPiece + 1 : 0}
        onMouseOver={(e) => {
          const target = (e.target as HTMLElement).closest<HTMLElement>('[data-i]');
          if (target) onHover(Number(target.dataset.i));
        }}
        onMouseLeave={() => onHover(null)}
        onClick={(e) => {
          const target = (e.target as HTMLElement).closest<HTMLElement>('[data-i]');
          if (target) onPick(Number(target.dataset.i));
        }}
      >
        <span ref={probeRef} className="heatmap__probe" aria-hidden="true">
          {'x'.repeat(100)}
        </span>
        <div className="virtual-spacer" style={{ height: total }}>
          <div className="virtual-window" style={{ top }}>
            {rowsShown}
          </div>
        </div>
        {rows === 0 && <p className="muted heatmap__empty">This response is empty.</p>}
      </div>
    );
  }),
);

interface HeatRowProps {
  row: number;
  layout: TraceLayout;
  bins: Uint8Array | null;
  palette: PaletteName;
  /** The cursor piece when it is in this row, else -1 (so other rows skip re-rendering). */
  cursor: number;
}

const HeatRow = memo(function HeatRow({ row, layout, bins, palette, cursor }: HeatRowProps) {
  const { lines, table } = layout;
  const start = lines.rowFragStart[row] as number;
  const end = lines.rowFragStart[row + 1] as number;
  const spans = [];
  for (let f = start; f < end; f++) {
    const piece = lines.fragToken[f] as number;
    const from = lines.fragFrom[f] as number;
    const to = lines.fragTo[f] as number;
    let text = table.text.slice(from, to);
    const newline = text.endsWith('\n');
    if (newline) text = text.slice(0, -1);
    let className = `tok ${bins ? binClass(bins[piece], palette) : ''}`;
    if (from === to) className += ' tok--empty';
    else if (splitsCharacter(text)) className += ' tok--split';
    if (piece === cursor) className += ' tok--cursor';
    spans.push(
      <span key={f} className={className} data-i={piece}>
        {text}
        {newline && (
          <span className="tok__nl" aria-hidden="true">
            ↵
          </span>
        )}
      </span>,
    );
  }
  return (
    <div className={lines.rowContinues[row] ? 'hm-row hm-row--cont' : 'hm-row'} data-row={row}>
      {spans}
    </div>
  );
});
