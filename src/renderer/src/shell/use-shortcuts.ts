// Global keys. They never fire while typing in a field or while a dialog is open (dialogs own Esc).
import { useEffect, useRef } from 'react';

export interface ShortcutHandlers {
  enabled: boolean;
  focusSearch(): void;
  move(delta: number): void;
  toggleHelp(): void;
}

function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

/** Inside the grid, AG Grid moves the focused cell itself and the selection follows it. */
function inGrid(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && target.closest('.ag-root-wrapper') !== null;
}

export function useShortcuts(handlers: ShortcutHandlers): void {
  const current = useRef(handlers);
  useEffect(() => {
    current.current = handlers;
  });

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const h = current.current;
      if (!h.enabled || e.defaultPrevented || e.ctrlKey || e.metaKey || e.altKey || isTyping(e.target)) return;
      if (e.key === '/') {
        e.preventDefault();
        h.focusSearch();
      } else if (e.key === '?') {
        e.preventDefault();
        h.toggleHelp();
      } else if (e.key === 'j' || (e.key === 'ArrowDown' && !inGrid(e.target))) {
        e.preventDefault();
        h.move(1);
      } else if (e.key === 'k' || (e.key === 'ArrowUp' && !inGrid(e.target))) {
        e.preventDefault();
        h.move(-1);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
