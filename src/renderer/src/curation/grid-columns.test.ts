import { describe, expect, it } from 'vitest';
import { PROMPT_COLUMN_DEFS } from '../grid/columns';
import { filterModelToColumns, sortModelToSpecs } from '../grid/filter-mapping';
import { withCurationColumns } from './grid-columns';

describe('curation grid columns', () => {
  it('puts the tick column first and the labels after the gold answer', () => {
    const ids = withCurationColumns(PROMPT_COLUMN_DEFS).map((d) => d.colId);
    expect(ids[0]).toBe('pick');
    expect(ids.indexOf('labels')).toBe(ids.indexOf('goldAnswer') + 1);
    expect(ids.filter((id) => id !== 'pick' && id !== 'labels')).toEqual(PROMPT_COLUMN_DEFS.map((d) => d.colId));
  });

  it('adds columns the server never sorts or filters on', () => {
    expect(
      sortModelToSpecs([
        { colId: 'labels', sort: 'asc' },
        { colId: 'pick', sort: 'desc' },
      ]),
    ).toEqual([]);
    expect(filterModelToColumns({ labels: { filterType: 'text', type: 'contains', filter: 'keep' } })).toBeUndefined();
    for (const def of withCurationColumns(PROMPT_COLUMN_DEFS).filter(
      (d) => d.colId === 'pick' || d.colId === 'labels',
    )) {
      expect(def.sortable).toBe(false);
      expect(def.filter).toBe(false);
    }
  });
});
