import { describe, expect, it } from 'vitest';
import { PromptFilter } from '../../../shared/domain';
import {
  anyLabelChoice,
  clearCurationFilters,
  curationConditionCount,
  labelOp,
  setAnyLabelChoice,
  setLabelOp,
  setNoteCondition,
} from './label-filter';

const valid = (filter: PromptFilter) => expect(PromptFilter.safeParse(filter).success).toBe(true);

describe('label filters', () => {
  it('keeps one condition per label and combines labels with AND', () => {
    let f: PromptFilter = { subjects: ['Geometry'] };
    f = setLabelOp(f, 1, 'has');
    f = setLabelOp(f, 2, 'hasNot');
    expect(f).toEqual({
      subjects: ['Geometry'],
      labels: [
        { op: 'has', labelIds: [1] },
        { op: 'hasNot', labelIds: [2] },
      ],
    });
    valid(f);
    expect(labelOp(f, 1)).toBe('has');
    expect(labelOp(f, 2)).toBe('hasNot');
    expect(labelOp(f, 3)).toBeNull();

    f = setLabelOp(f, 1, 'disagree');
    expect(f.labels).toEqual([
      { op: 'hasNot', labelIds: [2] },
      { op: 'disagree', labelIds: [1] },
    ]);
    f = setLabelOp(f, 2, 'rolloutHas');
    expect(labelOp(f, 2)).toBe('rolloutHas');
  });

  it('removes the labels key with the last condition', () => {
    const f = setLabelOp(setLabelOp({ search: 'x' }, 5, 'has'), 5, null);
    expect(f).toEqual({ search: 'x' });
    expect('labels' in f).toBe(false);
  });

  it('sets an any-label condition beside per-label ones, including "not labelled by me"', () => {
    let f = setLabelOp({}, 4, 'has');
    f = setAnyLabelChoice(f, 'notMine', 'ada');
    expect(f.labels).toEqual([
      { op: 'has', labelIds: [4] },
      { op: 'hasNot', annotator: 'ada' },
    ]);
    valid(f);
    expect(anyLabelChoice(f)).toBe('notMine');
    f = setAnyLabelChoice(f, 'unlabelled', 'ada');
    expect(f.labels).toEqual([{ op: 'has', labelIds: [4] }, { op: 'hasNot' }]);
    expect(anyLabelChoice(setAnyLabelChoice(f, 'labelled', 'ada'))).toBe('labelled');
    // The per-label condition is not mistaken for the any-label one.
    expect(anyLabelChoice(setLabelOp({}, 4, 'hasNot'))).toBeNull();
    expect(setAnyLabelChoice(f, null, 'ada').labels).toEqual([{ op: 'has', labelIds: [4] }]);
  });

  it('filters on notes; an empty "contains" means no condition', () => {
    expect(setNoteCondition({}, 'has')).toEqual({ notes: { op: 'has' } });
    expect(setNoteCondition({ notes: { op: 'has' } }, 'contains', '  typo ')).toEqual({
      notes: { op: 'contains', text: 'typo' },
    });
    expect(setNoteCondition({ notes: { op: 'has' } }, 'contains', '  ')).toEqual({});
    expect(setNoteCondition({ notes: { op: 'hasNot' }, search: 'a' }, null)).toEqual({ search: 'a' });
    valid(setNoteCondition({}, 'contains', 'typo'));
  });

  it('counts and clears label and note conditions only', () => {
    const f = setNoteCondition(
      setAnyLabelChoice(setLabelOp({ sources: ['math'] }, 1, 'has'), 'unlabelled', 'x'),
      'has',
    );
    expect(curationConditionCount(f)).toBe(3);
    expect(clearCurationFilters(f)).toEqual({ sources: ['math'] });
    expect(curationConditionCount({})).toBe(0);
  });
});
