// Small guards for window-level key handlers: never while typing in a field or while a modal is open
// (dialogs own their keys, Esc above all).
export function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

export function modalOpen(): boolean {
  return document.querySelector('[aria-modal="true"]') !== null;
}
