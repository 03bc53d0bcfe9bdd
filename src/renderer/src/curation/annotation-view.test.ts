import { describe, expect, it } from 'vitest';
import type { AppliedLabel, ItemAnnotations } from '../../../shared/curation';
import { distinctLabels, fetchTarget, itemKey, marksOf, myLabelIds, myNote, othersByLabel } from './annotation-view';

const label = (labelId: number, name: string, annotator: string): AppliedLabel => ({
  labelId,
  name,
  annotator,
  createdAt: '2026-01-01T00:00:00Z',
});

const rollout: ItemAnnotations = {
  target: 'rollout',
  id: 9,
  labels: [label(10, 'truncated', 'ada'), label(10, 'truncated', 'bo'), label(11, 'exemplar', 'bo')],
  notes: [{ annotator: 'ada', text: 'cut at 4k', updatedAt: '' }],
  spans: [
    {
      start: 5,
      end: 9,
      labels: [label(20, 'first error', 'bo')],
      notes: [{ annotator: 'bo', text: 'sign flip', updatedAt: '' }],
    },
    { start: 12, end: 14, labels: [label(20, 'first error', 'ada')], notes: [] },
  ],
};

describe('annotation views', () => {
  it('picks the whole item or exactly one span', () => {
    expect(marksOf({ target: 'rollout', id: 9 }, rollout).labels).toHaveLength(3);
    const span = marksOf({ target: 'span', id: 9, start: 5, end: 9 }, rollout);
    expect(span.labels.map((l) => l.annotator)).toEqual(['bo']);
    expect(span.notes.map((n) => n.text)).toEqual(['sign flip']);
    expect(marksOf({ target: 'span', id: 9, start: 5, end: 10 }, rollout)).toEqual({ labels: [], notes: [] });
    expect(marksOf({ target: 'prompt', id: 1 }, undefined)).toEqual({ labels: [], notes: [] });
  });

  it('fetches spans through their rollout and keys items distinctly', () => {
    expect(fetchTarget({ target: 'span', id: 9, start: 0, end: 1 })).toBe('rollout');
    expect(fetchTarget({ target: 'prompt', id: 9 })).toBe('prompt');
    expect(
      new Set([
        itemKey({ target: 'prompt', id: 9 }),
        itemKey({ target: 'rollout', id: 9 }),
        itemKey({ target: 'span', id: 9, start: 0, end: 1 }),
      ]).size,
    ).toBe(3);
  });

  it('separates my labels and note from other annotators’', () => {
    const marks = marksOf({ target: 'rollout', id: 9 }, rollout);
    expect([...myLabelIds(marks, 'ada')]).toEqual([10]);
    expect([...myLabelIds(marks, 'bo')].sort()).toEqual([10, 11]);
    expect(myNote(marks, 'ada')).toBe('cut at 4k');
    expect(myNote(marks, 'bo')).toBe('');
    expect([...othersByLabel(marks, 'ada')]).toEqual([
      [10, ['bo']],
      [11, ['bo']],
    ]);
    expect(distinctLabels(marks.labels)).toEqual([
      { labelId: 10, name: 'truncated', annotators: ['ada', 'bo'] },
      { labelId: 11, name: 'exemplar', annotators: ['bo'] },
    ]);
  });
});
