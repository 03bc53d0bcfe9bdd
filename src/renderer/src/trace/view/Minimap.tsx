// The signal along the whole trace as a thin strip: one bucket per pixel row or so, the viewport marked,
// click or drag to jump. Drawn on a canvas (a few hundred rectangles), so it costs nothing while scrolling.
import { useEffect, useRef, useState } from 'react';
import type { PointerEvent } from 'react';
import { tokenAtMinimap, viewportMarker } from '../heat/minimap';
import { BINS, paletteColors } from '../heat/palettes';
import type { PaletteName } from '../heat/palettes';
import { BIN_FADED } from '../heat/scale';

interface MinimapProps {
  bins: Uint8Array | null;
  palette: PaletteName;
  pieces: number;
  viewport: { first: number; last: number };
  onJump(piece: number): void;
  /** Landmarks drawn as ticks (crossing point, final answer). */
  marks: { piece: number; kind: 'crossing' | 'answer' | 'cursor' }[];
}

export function Minimap({ bins, palette, pieces, viewport, onJump, marks }: MinimapProps) {
  const canvasRef = useRef<HTMLCanvasElement | null>(null);
  const [height, setHeight] = useState(0);

  useEffect(() => {
    const canvas = canvasRef.current;
    if (!canvas) return;
    const observer = new ResizeObserver(() => setHeight(canvas.clientHeight));
    observer.observe(canvas);
    return () => observer.disconnect();
  }, []);

  useEffect(() => {
    const canvas = canvasRef.current;
    if (!canvas || height === 0) return;
    const ratio = window.devicePixelRatio || 1;
    canvas.width = Math.round(canvas.clientWidth * ratio);
    canvas.height = Math.round(height * ratio);
    const ctx = canvas.getContext('2d');
    if (!ctx) return;
    ctx.clearRect(0, 0, canvas.width, canvas.height);
    if (!bins || bins.length === 0) return;
    const colors = paletteColors(palette);
    const step = canvas.height / bins.length;
    for (let b = 0; b < bins.length; b++) {
      const bin = bins[b] as number;
      ctx.fillStyle = bin < BINS ? (colors[bin] as string) : bin === BIN_FADED ? '#ffffff' : '#e4e7ec';
      ctx.fillRect(0, Math.floor(b * step), canvas.width, Math.ceil(step) + 1);
    }
  }, [bins, palette, height]);

  const marker = viewportMarker(viewport.first, viewport.last, pieces, height);
  const jump = (e: PointerEvent<HTMLDivElement>) => {
    const rect = e.currentTarget.getBoundingClientRect();
    onJump(tokenAtMinimap(e.clientY - rect.top, rect.height, pieces));
  };
  return (
    <div
      className="minimap"
      data-testid="minimap"
      role="scrollbar"
      aria-orientation="vertical"

      aria-valuemin={0}
      aria-valuemax={Math.max(0, pieces - 1)}
      aria-valuenow={viewport.first}
      aria-label="Signal along the whole trace; click to jump"
      onPointerDown={(e) => {
        e.currentTarget.setPointerCapture(e.pointerId);
        jump(e);
      }}
      onPointerMove={(e) => {
        if (e.buttons === 1) jump(e);
      }}
    >
      <canvas ref={canvasRef} className="minimap__canvas" />
      {pieces > 0 && (
        <div
          className="minimap__viewport"
          data-testid="minimap-viewport"
          style={{ top: marker.top, height: marker.height }}
        />
      )}
      {pieces > 0 &&
        marks.map((m) => (
          <div
            key={`${m.kind}-${m.piece}`}
            className={`minimap__mark minimap__mark--${m.kind}`}
            style={{ top: (m.piece / pieces) * height }}
            title={m.kind}
          />
        ))}
    </div>
  );
}
