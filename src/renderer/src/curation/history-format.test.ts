import { describe, expect, it } from 'vitest';
import type { HistoryEntry } from '../../../shared/curation';
import { describeChange, describeUndo, kindTag, shortTime } from './history-format';

const entry = (patch: Partial<HistoryEntry>): HistoryEntry => ({
  changeId: 1,
  batchId: 1,
  batchKind: 'edit',
  annotator: 'ada',
  at: '2026-03-01T14:05:00.000Z',
  target: 'prompt',
  itemId: 7,
  span: null,
  field: 'label',
  labelId: 3,
  labelName: 'keep',
  oldValue: null,
  newValue: 'on', // labels read 'on' / 'off' (history.forItem)
  ...patch,
});

describe('history lines', () => {
  it('describes label changes, also on spans', () => {
    expect(describeChange(entry({}))).toBe('Added “keep”');
    expect(describeChange(entry({ oldValue: 'on', newValue: 'off' }))).toBe('Removed “keep”');
    expect(describeChange(entry({ target: 'span', span: { start: 4, end: 9 }, labelName: 'first error' }))).toBe(
      'Added “first error” on tokens 4–9',
    );
    expect(describeChange(entry({ labelName: null }))).toBe('Added “label 3”');
  });

  it('describes notes and gold answers, clipping long text', () => {
    expect(describeChange(entry({ field: 'note', labelId: null, labelName: null, newValue: 'typo' }))).toBe(
      'Note “typo”',
    );
    expect(describeChange(entry({ field: 'note', oldValue: 'typo', newValue: 'typo in (b)' }))).toBe(
      'Edited note “typo in (b)”',
    );
    expect(describeChange(entry({ field: 'note', oldValue: 'typo', newValue: null }))).toBe('Removed note');
    expect(describeChange(entry({ field: 'note', newValue: 'x'.repeat(200) }))).toHaveLength('Note “”'.length + 80);
    expect(describeChange(entry({ field: 'gold_answer', newValue: '14' }))).toBe('Corrected gold answer to “14”');
    expect(describeChange(entry({ field: 'gold_answer', oldValue: '14', newValue: '15' }))).toBe(
      'Gold answer “14” → “15”',
    );
    expect(describeChange(entry({ field: 'gold_answer', oldValue: '15', newValue: null }))).toBe(
      'Restored the original gold answer (was “15”)',
    );
  });

  it('tags bulk edits, undos and redos, and prints local times', () => {
    expect(kindTag('edit')).toBeNull();
    expect(kindTag('bulk')).toBe('bulk');
    expect(kindTag('undo')).toBe('undo');
    expect(shortTime('not a date')).toBe('not a date');
    const local = new Date(2026, 2, 1, 9, 7);
    expect(shortTime(local.toISOString())).toBe('2026-03-01 09:07');
  });
});

describe('undo messages', () => {
  const batch = (description: string) => ({
    id: 9,
    annotator: 'ada',
    kind: 'undo' as const,
    description,
    reverts: 8,
    changeCount: 41,
    createdAt: '',
  });
  it('says what was undone or redone, and what was left alone', () => {
    expect(
      describeUndo({
        action: 'undo',
        result: { batch: batch('Undo: Add “drop” to 41 prompts'), reverted: 41, skipped: 0 },
      }),
    ).toBe('Undid: Add “drop” to 41 prompts (41 changes)');
    expect(
      describeUndo({
        action: 'redo',
        result: { batch: batch('Redo: Add “keep” on prompt 3'), reverted: 1, skipped: 0 },
      }),
    ).toBe('Redid: Add “keep” on prompt 3 (1 change)');
    expect(
      describeUndo({
        action: 'undo',
        result: { batch: batch('Undo: Correct gold answer of prompt 3'), reverted: 0, skipped: 1 },
      }),
    ).toBe('Undid: Correct gold answer of prompt 3 (0 changes; 1 left alone (changed by someone since))');
    expect(describeUndo({ action: 'undo', result: { batch: null, reverted: 0, skipped: 0 } })).toBe('Nothing to undo.');
    expect(describeUndo(null)).toBeNull();
  });
});
