// The review-mode keyboard map, built from the label taxonomy. Navigation and editing keys are fixed;
// number keys toggle the target's labels by position (1 = first, …, 9, then 0 = tenth); a label's own
// shortcut letter also works unless a fixed key already means something else in review, in which case
// the label is listed as shadowed so the help overlay can say which number to use instead.
import type { LabelDef, LabelTarget } from '../../../shared/curation';
import { labelsForTarget } from '../curation/taxonomy-order';

export type ReviewAction =
  | { kind: 'move'; delta: 1 | -1 }
  | { kind: 'toggleLabel'; labelId: number }
  | { kind: 'note' }
  | { kind: 'editGold' }
  | { kind: 'undo' }
  | { kind: 'redo' }
  | { kind: 'help' }
  | { kind: 'exit' };

/** The parts of a KeyboardEvent the map looks at (a plain object in tests). */
export interface KeyInput {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
  altKey: boolean;
}

export interface KeyBinding {
  /** Normalised chord, e.g. "j", "ArrowDown", "Ctrl+z", "Ctrl+Shift+z", "?". */
  chord: string;
  action: ReviewAction;
  /** For the help overlay. */
  description: string;
}

export interface ShadowedShortcut {
  label: LabelDef;
  key: string;
  /** What the key does in review instead. */
  takenBy: string;
}

export interface ReviewKeymap {
  bindings: KeyBinding[];
  shadowed: ShadowedShortcut[];
}

const FIXED: readonly KeyBinding[] = [
  { chord: 'j', action: { kind: 'move', delta: 1 }, description: 'Next item' },
  { chord: 'ArrowDown', action: { kind: 'move', delta: 1 }, description: 'Next item' },
  { chord: 'k', action: { kind: 'move', delta: -1 }, description: 'Previous item' },
  { chord: 'ArrowUp', action: { kind: 'move', delta: -1 }, description: 'Previous item' },
  { chord: 'n', action: { kind: 'note' }, description: 'Write a note (Ctrl+Enter saves, Esc cancels)' },
  { chord: 'e', action: { kind: 'editGold' }, description: 'Correct the gold answer (Enter saves, Esc cancels)' },
  { chord: 'Ctrl+z', action: { kind: 'undo' }, description: 'Undo your last change (a whole bulk edit at once)' },
  { chord: 'Ctrl+Shift+z', action: { kind: 'redo' }, description: 'Redo' },
  { chord: 'Ctrl+y', action: { kind: 'redo' }, description: 'Redo' },
  { chord: '?', action: { kind: 'help' }, description: 'Show every shortcut' },
  { chord: 'Escape', action: { kind: 'exit' }, description: 'Leave review mode' },
];

/** The key pressed for each label position: 1…9, then 0. */
export const POSITION_KEYS = ['1', '2', '3', '4', '5', '6', '7', '8', '9', '0'] as const;

/** The position key of a label in review (1…9, 0), or null past the tenth. */
export function positionKey(labels: readonly LabelDef[], labelId: number): string | null {
  const index = labels.findIndex((l) => l.id === labelId);
  return index >= 0 ? (POSITION_KEYS[index] ?? null) : null;
}

export function buildReviewKeymap(defs: readonly LabelDef[], target: LabelTarget = 'prompt'): ReviewKeymap {
  const labels = labelsForTarget(defs, target);
  const bindings: KeyBinding[] = [...FIXED];
  const taken = new Map<string, string>(FIXED.map((b) => [b.chord, b.description]));
  labels.forEach((label, index) => {
    const key = POSITION_KEYS[index];
    if (key === undefined) return;
    const binding = {
      chord: key,
      action: { kind: 'toggleLabel', labelId: label.id } as const,
      description: `Toggle “${label.name}”`,
    };
    bindings.push(binding);
    taken.set(key, binding.description);
  });
  const shadowed: ShadowedShortcut[] = [];
  for (const label of labels) {
    const key = label.shortcut;
    if (!key) continue;
    const takenBy = taken.get(key);
    if (takenBy !== undefined) {
      // A digit shortcut pointing at its own position is not a clash, just the same key twice.
      if (positionKey(labels, label.id) !== key) shadowed.push({ label, key, takenBy });
      continue;
    }
    const binding = {
      chord: key,
      action: { kind: 'toggleLabel', labelId: label.id } as const,
      description: `Toggle “${label.name}”`,
    };
    bindings.push(binding);
    taken.set(key, binding.description);
  }
  return { bindings, shadowed };
}

/**
 * The chord of a key event: Ctrl (or ⌘) and Shift as prefixes, letters lower-cased so Caps Lock and
 * Shift+Z both read as "z". Shift is only part of the chord together with Ctrl: "?" is Shift+/ on most
 * layouts and must stay "?".
 */
export function chordOf(e: KeyInput): string | null {
  if (e.altKey) return null;
  const ctrl = e.ctrlKey || e.metaKey;
  const key = e.key.length === 1 ? e.key.toLowerCase() : e.key;
  if (!ctrl) return e.key.length === 1 && e.shiftKey && /[a-z]/i.test(e.key) ? null : key;
  return `Ctrl+${e.shiftKey ? 'Shift+' : ''}${key}`;
}

export function actionForKey(keymap: ReviewKeymap, e: KeyInput): ReviewAction | null {
  const chord = chordOf(e);
  if (chord === null) return null;
  return keymap.bindings.find((b) => b.chord === chord)?.action ?? null;
}

/** Rows for the help overlay: bindings with the same action and description are merged ("j / ↓"). */
export function helpRows(keymap: ReviewKeymap): { keys: string[]; description: string }[] {
  const rows: { keys: string[]; description: string }[] = [];
  for (const binding of keymap.bindings) {
    const same = rows.find((r) => r.description === binding.description);
    const shown = displayKey(binding.chord);
    if (same) same.keys.push(shown);
    else rows.push({ keys: [shown], description: binding.description });
  }
  return rows;
}

const ARROWS: Record<string, string> = { ArrowDown: '↓', ArrowUp: '↑', Escape: 'Esc' };

/** How a chord is printed: "j", "↓", "Esc", "Ctrl+Shift+Z". */
export function displayKey(chord: string): string {
  const parts = chord.split('+').map((part) => ARROWS[part] ?? part);
  if (parts.length > 1) parts[parts.length - 1] = (parts[parts.length - 1] ?? '').toUpperCase();
  return parts.join('+');
}
