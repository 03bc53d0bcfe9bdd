import { describe, expect, it } from 'vitest';
import { PromptFilter, SortSpec } from '../../../shared/domain';
import {
  columnsToFilterModel,
  combineFilter,
  filterModelToColumns,
  sortModelToSpecs,
  specsToColumnSort,
} from './filter-mapping';

describe('sortModelToSpecs', () => {
  it('maps columns in priority order', () => {
    const specs = sortModelToSpecs([
      { colId: 'level', sort: 'asc' },
      { colId: 'passRate', sort: 'desc' },
    ]);
    expect(specs).toEqual([
      { column: 'level', direction: 'asc' },
      { column: 'passRate', direction: 'desc' },
    ]);
    for (const spec of specs) expect(SortSpec.safeParse(spec).success).toBe(true);
  });

  it('drops unknown columns, unsorted entries and duplicates, and keeps at most five', () => {
    expect(
      sortModelToSpecs([
        { colId: 'nope; DROP TABLE prompts', sort: 'asc' },
        { colId: 'id', sort: null },
        { colId: 'level', sort: 'asc' },
        { colId: 'level', sort: 'desc' },
      ]),
    ).toEqual([{ column: 'level', direction: 'asc' }]);
    const many = ['id', 'dataset', 'sourceId', 'question', 'goldAnswer', 'passRate', 'source'].map((colId) => ({
      colId,
      sort: 'asc' as const,
    }));
    expect(sortModelToSpecs(many)).toHaveLength(5);
  });

  it('round-trips through column state', () => {
    const sort: SortSpec[] = [
      { column: 'subject', direction: 'desc' },
      { column: 'id', direction: 'asc' },
    ];
    expect(sortModelToSpecs(specsToColumnSort(sort))).toEqual(sort);
    expect(specsToColumnSort(sort).map((s) => s.sortIndex)).toEqual([0, 1]);
  });
});

describe('filterModelToColumns', () => {
  it('maps text and number filters to contract conditions', () => {
    const columns = filterModelToColumns({
      subject: { filterType: 'text', type: 'equals', filter: 'Geometry' },
      level: { filterType: 'number', type: 'greaterThanOrEqual', filter: 4 },
      passRate: { filterType: 'number', type: 'inRange', filter: 0.25, filterTo: 0.75 },
      goldAnswer: { filterType: 'text', type: 'blank' },
    });
    expect(columns).toEqual({
      subject: { kind: 'text', op: 'equals', value: 'Geometry' },
      level: { kind: 'number', op: 'greaterThanOrEqual', value: 4 },
      passRate: { kind: 'number', op: 'inRange', value: 0.25, valueTo: 0.75 },
      goldAnswer: { kind: 'text', op: 'blank' },
    });
    expect(PromptFilter.safeParse({ columns }).success).toBe(true);
  });

  it('ignores unknown columns, unknown operators and incomplete conditions', () => {
    expect(
      filterModelToColumns({
        secret: { filterType: 'text', type: 'contains', filter: 'x' },
        question: { filterType: 'text', type: 'regex', filter: '.*' },
        subject: { filterType: 'text', type: 'contains', filter: '' },
        level: { filterType: 'number', type: 'inRange', filter: 1 },
        id: { filterType: 'number', type: 'equals', filter: Number.NaN },
        dataset: { filterType: 'date', type: 'equals', dateFrom: '2020-01-01' },
      }),
    ).toBeUndefined();
    expect(filterModelToColumns(null)).toBeUndefined();
  });

  it('takes the first condition of a combined model', () => {
    expect(
      filterModelToColumns({
        question: {
          filterType: 'text',
          operator: 'AND',
          conditions: [
            { filterType: 'text', type: 'contains', filter: 'sqrt' },
            { filterType: 'text', type: 'contains', filter: 'pi' },
          ],
        },
      }),
    ).toEqual({ question: { kind: 'text', op: 'contains', value: 'sqrt' } });
  });

  it('round-trips through the AG Grid filter model (saved views)', () => {
    const columns = {
      question: { kind: 'text', op: 'notContains', value: 'triangle' },
      level: { kind: 'number', op: 'inRange', value: 2, valueTo: 4 },
      source: { kind: 'text', op: 'notBlank' },
    } as const;
    expect(filterModelToColumns(columnsToFilterModel(columns))).toEqual(columns);
    expect(columnsToFilterModel(undefined)).toEqual({});
  });
});

describe('combineFilter', () => {
  it('replaces the column conditions and keeps facets and search', () => {
    const base: PromptFilter = {
      subjects: ['Algebra'],
      search: 'sqrt',
      columns: { level: { kind: 'number', op: 'equals', value: 1 } },
    };
    expect(combineFilter(base, { id: { kind: 'number', op: 'lessThan', value: 10 } })).toEqual({
      subjects: ['Algebra'],
      search: 'sqrt',
      columns: { id: { kind: 'number', op: 'lessThan', value: 10 } },
    });
    expect(combineFilter(base, undefined)).toEqual({ subjects: ['Algebra'], search: 'sqrt' });
  });
});
