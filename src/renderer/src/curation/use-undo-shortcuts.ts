// Ctrl+Z / Ctrl+Shift+Z (and Ctrl+Y) on the main screen. Inside text fields the browser's own text undo
// wins; review mode handles the same keys itself (and marks them handled first).
import { useEffect, useRef } from 'react';
import { chordOf } from '../review/review-keymap';
import { isTyping, modalOpen } from './keyboard';

export function useUndoShortcuts(enabled: boolean, undo: () => void, redo: () => void): void {
  const current = useRef({ enabled, undo, redo });
  useEffect(() => {
    current.current = { enabled, undo, redo };
  });
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const h = current.current;
      if (!h.enabled || e.defaultPrevented || isTyping(e.target) || modalOpen()) return;
      const chord = chordOf(e);
      if (chord === 'Ctrl+z') {
        e.preventDefault();
        h.undo();
      } else if (chord === 'Ctrl+Shift+z' || chord === 'Ctrl+y') {
        e.preventDefault();
        h.redo();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
