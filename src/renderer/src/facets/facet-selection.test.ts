import { describe, expect, it } from 'vitest';
import { PromptFilter } from '../../../shared/domain';
import { activeFacetCount, clearFacet, isFacetSelected, isSelectable, toggleFacetValue } from './facet-selection';

describe('facet selection', () => {
  it('adds and removes values, dropping the key when the last one goes', () => {
    let filter: PromptFilter = { search: 'sqrt' };
    filter = toggleFacetValue(filter, 'subjects', 'Geometry');
    filter = toggleFacetValue(filter, 'subjects', 'Algebra');
    expect(filter).toEqual({ search: 'sqrt', subjects: ['Geometry', 'Algebra'] });
    expect(isFacetSelected(filter, 'subjects', 'Algebra')).toBe(true);
    filter = toggleFacetValue(filter, 'subjects', 'Geometry');
    filter = toggleFacetValue(filter, 'subjects', 'Algebra');
    expect(filter).toEqual({ search: 'sqrt' });
  });

  it('keeps each dimension in the type the contract expects', () => {
    let filter: PromptFilter = {};
    filter = toggleFacetValue(filter, 'datasets', 3);
    filter = toggleFacetValue(filter, 'levels', null);
    filter = toggleFacetValue(filter, 'levels', 5);
    filter = toggleFacetValue(filter, 'passRateBuckets', '[0.25,0.5)');
    filter = toggleFacetValue(filter, 'sources', 'MATH');
    expect(filter).toEqual({ datasetIds: [3], levels: [null, 5], passRateBuckets: ['[0.25,0.5)'], sources: ['MATH'] });
    expect(PromptFilter.safeParse(filter).success).toBe(true);
    expect(activeFacetCount(filter)).toBe(5);
  });

  it('ignores values the contract cannot filter on', () => {
    expect(isSelectable('subjects', null)).toBe(false);
    expect(isSelectable('datasets', 'Demo')).toBe(false);
    expect(isSelectable('passRateBuckets', 'half')).toBe(false);
    expect(toggleFacetValue({}, 'subjects', null)).toEqual({});
  });

  it('clears one dimension and leaves the others', () => {
    const filter: PromptFilter = { subjects: ['Geometry'], levels: [1] };
    expect(clearFacet(filter, 'subjects')).toEqual({ levels: [1] });
  });
});
