// What a trace pane asks of its body (the heatmap or the rendered view): where the reader is, and how to
// go somewhere. Positions are response character offsets, so both views understand each other's.
export interface TraceBodyHandle {
  /** Response offset at the top of the viewport. */
  anchor(): number;
  scrollToOffset(offset: number): void;
  /** Brings a piece into view (centred) unless it already is. */
  revealPiece(piece: number): void;
  /** Scroll position as a share of the scrollable distance, and setting it (compare panes). */
  scrollFraction(): number;
  setScrollFraction(fraction: number): void;
  element(): HTMLDivElement | null;
}

/** Marks the first paint after the heat arrived: a data attribute for tests, a performance mark for the benchmark. */
export function markPainted(el: HTMLElement, name: string): void {
  requestAnimationFrame(() => {
    // The message arrives after the frame that rAF precedes has been painted.
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      el.dataset.painted = 'true';
      performance.mark(name);
      channel.port1.close();
    };
    channel.port2.postMessage(null);
  });
}
