import { describe, expect, it } from 'vitest';
import type { LabelDef } from '../../../shared/curation';
import { filterTitle } from './filter-title';

const keep: LabelDef = {
  id: 1,
  target: 'prompt',
  name: 'keep',
  shortcut: 'k',
  color: '#2e7d32',
  description: '',
  position: 1,
  archived: false,
};
const defs = new Map([[1, keep]]);

describe('filterTitle', () => {
  it('names every part of a filter', () => {
    expect(
      filterTitle(
        {
          datasetIds: [3],
          subjects: ['Geometry'],
          levels: [4, null],
          columns: { passRate: { kind: 'number', op: 'inRange', value: 0.1, valueTo: 0.9 } },
          labels: [
            { op: 'has', labelIds: [1] },
            { op: 'hasNot', annotator: 'ada' },
            { op: 'rolloutHas', labelIds: [9] },
          ],
          notes: { op: 'contains', text: 'typo' },
          search: ' sqrt ',
        },
        defs,
        new Map([[3, 'MATH-500']]),
      ),
    ).toBe(
      'Dataset: MATH-500 · Subject: Geometry · Level: 4, none · passRate inRange 0.1–0.9 · has ' +
        '“keep” · has not any label (by ada) · a rollout has “label 9” · note contains “typo” · search “sqrt”',
    );
  });

  it('says "all prompts" for an empty filter', () => {
    expect(filterTitle({}, defs)).toBe('all prompts');
    expect(filterTitle({ search: '  ' }, defs)).toBe('all prompts');
  });
});
