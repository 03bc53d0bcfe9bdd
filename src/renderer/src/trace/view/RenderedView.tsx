// The rendered view: the response typeset (KaTeX for math, text nodes for everything else), each text
// run and each formula tinted by the mean or maximum of the tokens it covers. Virtualised by blocks
// (paragraphs), so only what is on screen is typeset. Math KaTeX cannot parse is shown as its source.
import { forwardRef, memo, useCallback, useEffect, useImperativeHandle, useMemo, useRef } from 'react';
import { renderMath } from '../../math/render-math';
import type { PaletteName } from '../heat/palettes';
import { pieceAtResponseOffset } from '../model/anchors';
import { emphasisParts } from '../model/emphasis';
import { lastAtOrBefore } from '../model/segments';
import type { RenderedBlock, RenderedItem } from '../model/segments';
import type { RenderedPart, TraceLayout } from '../model/trace-model';
import type { TraceBodyHandle } from './body-handle';
import { markPainted } from './body-handle';
import { binClass } from './heat-class';
import { useVirtualRows } from './use-virtual-rows';
import { estimateRowHeight, scrollFraction } from './virtual-rows';

const LINE_HEIGHT = 24;
const AVERAGE_CHAR_WIDTH = 7.4;
const BLOCK_PADDING = 40;
const DISPLAY_MATH_HEIGHT = 44;

interface RenderedViewProps {
  layout: TraceLayout;
  part: RenderedPart;
  itemBins: Uint8Array | null;
  palette: PaletteName;
  signal: string | null;
  /** The reading position (a response offset) to open at; kept current by the pane while scrolling. */
  anchorStore: { readonly current: number };
  onHover(piece: number | null): void;
  onViewport(first: number, last: number): void;
}

export const RenderedView = memo(
  forwardRef<TraceBodyHandle, RenderedViewProps>(function RenderedView(props, ref) {
    const { layout, part, itemBins, palette, signal, anchorStore, onHover, onViewport } = props;
    const { items, blocks } = part.rendered;
    const blockStarts = useMemo(() => Int32Array.from(blocks, (b) => b.from), [blocks]);

    const estimate = useCallback(
      (b: number, width: number) => {
        const block = blocks[b] as RenderedBlock;
        let displays = 0;
        for (let k = block.first; k < block.last; k++) {
          const item = items[k] as RenderedItem;
          if (item.kind === 'math' && item.display) displays++;
        }
        const perLine = Math.floor((width - BLOCK_PADDING) / AVERAGE_CHAR_WIDTH);
        return estimateRowHeight(block.to - block.from, perLine, LINE_HEIGHT, 8) + displays * DISPLAY_MATH_HEIGHT;
      },
      [blocks, items],
    );
    const { first, last, top, total, scrollRef, scrollToRow, topRow } = useVirtualRows(
      blocks.length,
      estimate,
      part,
      600,
    );

    const blockAt = useCallback((offset: number) => Math.max(0, lastAtOrBefore(blockStarts, offset)), [blockStarts]);
    const scrollToOffset = useCallback(
      (offset: number) => {
        const b = blockAt(offset);
        const block = blocks[b];
        if (!block) return;
        scrollToRow(b, { fraction: block.to > block.from ? (offset - block.from) / (block.to - block.from) : 0 });
      },
      [blockAt, blocks, scrollToRow],
    );

    useImperativeHandle(
      ref,
      (): TraceBodyHandle => ({
        anchor: () => {
          const { row, fraction } = topRow();
          const block = blocks[row];
          return block ? Math.round(block.from + fraction * (block.to - block.from)) : 0;
        },
        scrollToOffset,
        revealPiece: (piece) => {
          const offset = layout.table.responseStarts[piece];
          if (offset !== undefined) scrollToOffset(offset);
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
      [blocks, layout, scrollToOffset, topRow, scrollRef],
    );

    const opened = useRef<TraceLayout | null>(null);
    useEffect(() => {
      if (total === 0 || opened.current === layout) return;
      opened.current = layout;
      if (anchorStore.current > 0) scrollToOffset(anchorStore.current);
    }, [total, layout, anchorStore, scrollToOffset]);

    const paintedFor = useRef<Uint8Array | null>(null);
    useEffect(() => {
      const el = scrollRef.current;
      if (!el || !itemBins || paintedFor.current === itemBins || last < first) return;
      paintedFor.current = itemBins;
      markPainted(el, 'trace-rendered-painted');
    }, [itemBins, first, last, scrollRef]);

    const firstBlock = blocks[first];
    const lastBlock = blocks[last];
    const firstPiece = firstBlock ? pieceAtResponseOffset(layout.table, firstBlock.from) : 0;
    const lastPiece = lastBlock ? pieceAtResponseOffset(layout.table, Math.max(lastBlock.from, lastBlock.to - 1)) : -1;
    useEffect(() => onViewport(firstPiece, lastPiece), [firstPiece, lastPiece, onViewport]);

    const shown = [];
    for (let b = first; b <= last; b++)
      shown.push(<Block key={b} index={b} part={part} itemBins={itemBins} palette={palette} />);
    return (
      <div
        ref={scrollRef}
        tabIndex={0}
        className="trace-body rendered"
        data-testid="rendered"
        data-state={itemBins ? 'ready' : 'loading'}
        data-signal={signal ?? ''}
        data-block-count={blocks.length}
        data-rendered-blocks={Math.max(0, last - first + 1)}
        onMouseOver={(e) => {
          const target = (e.target as HTMLElement).closest<HTMLElement>('[data-item]');
          const k = target ? Number(target.dataset.item) : -1;
          const piece = k >= 0 ? part.itemPieces[2 * k] : undefined;
          onHover(piece === undefined || piece < 0 ? null : piece);
        }}
        onMouseLeave={() => onHover(null)}
      >
        <div className="virtual-spacer" style={{ height: total }}>
          <div className="virtual-window" style={{ top }}>
            {shown}
          </div>
        </div>
        {blocks.length === 0 && <p className="muted heatmap__empty">This response is empty.</p>}
      </div>
    );
  }),
);

const Block = memo(function Block({
  index,
  part,
  itemBins,
  palette,
}: {
  index: number;
  part: RenderedPart;
  itemBins: Uint8Array | null;
  palette: PaletteName;
}) {
  const { items, blocks } = part.rendered;
  const block = blocks[index] as RenderedBlock;
  const children = [];
  for (let k = block.first; k < block.last; k++) {
    const item = items[k] as RenderedItem;
    const tint = itemBins ? binClass(itemBins[k], palette) : '';
    if (item.kind === 'text') {
      // Blocks are spaced by CSS: the blank line that ends a block, and a newline right after display
      // math (already a block of its own), would only add empty lines.
      const previous = items[k - 1];
      let text = k === block.last - 1 ? item.text.replace(/\s+$/, '') : item.text;
      if (previous?.kind === 'math' && previous.display) text = text.replace(/^[ \t]*\n/, '');
      if (text === '') continue;
      children.push(
        <span key={k} className={`seg ${tint}`} data-item={k}>
          {text.includes('**')
            ? emphasisParts(text).map((part, j) => (part.strong ? <strong key={j}>{part.text}</strong> : part.text))
            : text}
        </span>,
      );
      continue;
    }
    const html = renderMath(item.tex, item.display);
    if (html === null || html.includes('katex-error')) {
      // Malformed LaTeX (often a rollout cut off mid-formula) is shown as the text it is.
      children.push(
        <span key={k} className={`seg seg--bad-math ${tint}`} data-item={k} title="KaTeX could not typeset this">
          {item.source}
        </span>,
      );
    } else if (item.display) {
      children.push(
        <div key={k} className={`seg seg--display ${tint}`} data-item={k} dangerouslySetInnerHTML={{ __html: html }} />,
      );
    } else {
      children.push(
        <span key={k} className={`seg seg--math ${tint}`} data-item={k} dangerouslySetInnerHTML={{ __html: html }} />,
      );
    }
  }
  return (
    <div className="rd-block" data-row={index}>
      {children}
    </div>
  );
});
