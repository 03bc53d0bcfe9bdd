import { describe, expect, it } from 'vitest';
import type { LabelDef } from '../../../shared/curation';
import { labelsForTarget } from '../curation/taxonomy-order';
import { actionForKey, buildReviewKeymap, chordOf, displayKey, helpRows, positionKey } from './review-keymap';
import type { KeyInput } from './review-keymap';

let nextId = 1;
function def(name: string, shortcut: string | null, extra: Partial<LabelDef> = {}): LabelDef {
  const id = nextId++;
  return {
    id,
    target: 'prompt',
    name,
    shortcut,
    color: '#123456',
    description: '',
    position: id,
    archived: false,
    ...extra,
  };
}
const press = (key: string, mods: Partial<KeyInput> = {}): KeyInput => ({
  key,
  ctrlKey: false,
  metaKey: false,
  shiftKey: false,
  altKey: false,
  ...mods,
});

// The defaults the curation migration seeds for prompts (0003_curation.sql), in their order.
const keep = def('keep', 'k');
const drop = def('drop', 'd');
const wrongGold = def('wrong gold answer', 'g');
const tooEasy = def('too easy', 'e');
const rolloutLabel = def('truncated', 't', { target: 'rollout', position: 1 });
const archived = def('old', 'o', { archived: true });
const defs = [tooEasy, wrongGold, drop, keep, rolloutLabel, archived].map((d) => ({ ...d }));

describe('review keymap', () => {
  const keymap = buildReviewKeymap(defs);

  it('orders the target’s active labels by position and numbers them 1…9, 0', () => {
    const labels = labelsForTarget(defs, 'prompt');
    expect(labels.map((l) => l.name)).toEqual(['keep', 'drop', 'wrong gold answer', 'too easy']);
    expect(positionKey(labels, keep.id)).toBe('1');
    expect(positionKey(labels, tooEasy.id)).toBe('4');
    expect(positionKey(labels, rolloutLabel.id)).toBeNull();
    const many = Array.from({ length: 12 }, (_, i) => def(`l${i}`, null));
    expect(many.map((l) => positionKey(many, l.id))).toEqual([
      '1',
      '2',
      '3',
      '4',
      '5',
      '6',
      '7',
      '8',
      '9',
      '0',
      null,
      null,
    ]);
  });

  it('toggles labels with number keys and with free shortcut letters', () => {
    expect(actionForKey(keymap, press('1'))).toEqual({ kind: 'toggleLabel', labelId: keep.id });
    expect(actionForKey(keymap, press('3'))).toEqual({ kind: 'toggleLabel', labelId: wrongGold.id });
    expect(actionForKey(keymap, press('5'))).toBeNull();
    expect(actionForKey(keymap, press('d'))).toEqual({ kind: 'toggleLabel', labelId: drop.id });
    expect(actionForKey(keymap, press('g'))).toEqual({ kind: 'toggleLabel', labelId: wrongGold.id });
    // Archived and other-target labels have no key here.
    expect(actionForKey(keymap, press('o'))).toBeNull();
    expect(actionForKey(keymap, press('t'))).toBeNull();
  });

  it('keeps the fixed review keys and reports the label shortcuts they shadow', () => {
    expect(actionForKey(keymap, press('k'))).toEqual({ kind: 'move', delta: -1 });
    expect(actionForKey(keymap, press('e'))).toEqual({ kind: 'editGold' });
    expect(keymap.shadowed.map((s) => [s.label.name, s.key])).toEqual([
      ['keep', 'k'],
      ['too easy', 'e'],
    ]);
    expect(keymap.shadowed[0]?.takenBy).toBe('Previous item');
  });

  it('maps navigation, note, gold, undo, redo, help and exit', () => {
    expect(actionForKey(keymap, press('j'))).toEqual({ kind: 'move', delta: 1 });
    expect(actionForKey(keymap, press('ArrowDown'))).toEqual({ kind: 'move', delta: 1 });
    expect(actionForKey(keymap, press('ArrowUp'))).toEqual({ kind: 'move', delta: -1 });
    expect(actionForKey(keymap, press('n'))).toEqual({ kind: 'note' });
    expect(actionForKey(keymap, press('z', { ctrlKey: true }))).toEqual({ kind: 'undo' });
    expect(actionForKey(keymap, press('z', { metaKey: true }))).toEqual({ kind: 'undo' });
    expect(actionForKey(keymap, press('Z', { ctrlKey: true, shiftKey: true }))).toEqual({ kind: 'redo' });
    expect(actionForKey(keymap, press('y', { ctrlKey: true }))).toEqual({ kind: 'redo' });
    expect(actionForKey(keymap, press('?', { shiftKey: true }))).toEqual({ kind: 'help' });
    expect(actionForKey(keymap, press('Escape'))).toEqual({ kind: 'exit' });
  });

  it('ignores Alt chords, Shift+letter and Ctrl+letters that mean nothing', () => {
    expect(actionForKey(keymap, press('j', { altKey: true }))).toBeNull();
    expect(actionForKey(keymap, press('J', { shiftKey: true }))).toBeNull();
    expect(actionForKey(keymap, press('1', { ctrlKey: true }))).toBeNull();
    // Caps Lock: an upper-case letter without Shift is the same key.
    expect(chordOf(press('J'))).toBe('j');
  });

  it('lets a digit shortcut on its own position stand without calling it shadowed', () => {
    const first = def('first', '1', { position: 0 });
    const second = def('second', '1', { position: 1 });
    const map = buildReviewKeymap([first, second]);
    expect(actionForKey(map, press('1'))).toEqual({ kind: 'toggleLabel', labelId: first.id });
    expect(map.shadowed.map((s) => s.label.name)).toEqual(['second']);
  });

  it('lists every binding for the help overlay, merging keys of one action', () => {
    const rows = helpRows(keymap);
    expect(rows.find((r) => r.description === 'Next item')?.keys).toEqual(['j', '↓']);
    expect(rows.find((r) => r.description === 'Redo')?.keys).toEqual(['Ctrl+Shift+Z', 'Ctrl+Y']);
    expect(rows.find((r) => r.description === 'Toggle “drop”')?.keys).toEqual(['2', 'd']);
    expect(rows.find((r) => r.description === 'Toggle “keep”')?.keys).toEqual(['1']);
    expect(displayKey('Escape')).toBe('Esc');
  });
});
