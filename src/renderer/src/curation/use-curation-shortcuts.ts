// Curation keys on the grid screen: r starts review over the current filter, Ctrl+Z / Ctrl+Shift+Z (and
// Ctrl+Y) undo and redo. Inside text fields the browser's own text undo wins; review mode handles the
// same keys itself (in the capture phase, marking them handled).
import { useEffect, useRef } from 'react';
import { chordOf } from '../review/review-keymap';
import { isTyping, modalOpen } from './keyboard';

export interface CurationShortcuts {
  /** Asked on each key press (the screen may have been covered since the last render). */
  enabled(): boolean;
  review(): void;
  undo(): void;
  redo(): void;
}

export function useCurationShortcuts(handlers: CurationShortcuts): void {
  const current = useRef(handlers);
  useEffect(() => {
    current.current = handlers;
  });
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const h = current.current;
      if (e.defaultPrevented || !h.enabled() || isTyping(e.target) || modalOpen()) return;
      const chord = chordOf(e);
      const action =
        chord === 'r'
          ? h.review
          : chord === 'Ctrl+z'
            ? h.undo
            : chord === 'Ctrl+Shift+z' || chord === 'Ctrl+y'
              ? h.redo
              : null;
      if (!action) return;
      e.preventDefault();
      action();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
