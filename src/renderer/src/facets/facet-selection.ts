// Facet clicks as pure edits of a PromptFilter. An absent key means "no restriction" (an empty list would
// match nothing on the server), so deselecting the last value removes the key.
import { PASS_RATE_BUCKETS } from '../../../shared/domain';
import type { FacetValue, Facets, PassRateBucket, PromptFilter } from '../../../shared/domain';

export type FacetDimension = Exclude<keyof Facets, 'total'>;

export const FACET_DIMENSIONS: readonly { dimension: FacetDimension; title: string }[] = [
  { dimension: 'datasets', title: 'Dataset' },
  { dimension: 'sources', title: 'Source' },
  { dimension: 'subjects', title: 'Subject' },
  { dimension: 'levels', title: 'Level' },
  { dimension: 'passRateBuckets', title: 'Pass rate' },
];

type Selectable = string | number | null;

function currentValues(filter: PromptFilter, dimension: FacetDimension): readonly Selectable[] {
  switch (dimension) {
    case 'datasets':
      return filter.datasetIds ?? [];
    case 'sources':
      return filter.sources ?? [];
    case 'subjects':
      return filter.subjects ?? [];
    case 'levels':
      return filter.levels ?? [];
    case 'passRateBuckets':
      return filter.passRateBuckets ?? [];
  }
}

/** Whether the contract can filter on this value (e.g. prompts without a subject cannot be selected yet). */
export function isSelectable(dimension: FacetDimension, value: FacetValue['value']): boolean {
  switch (dimension) {
    case 'datasets':
      return typeof value === 'number';
    case 'sources':
    case 'subjects':
      return typeof value === 'string';
    case 'levels':
      return value === null || Number.isInteger(value);
    case 'passRateBuckets':
      return (PASS_RATE_BUCKETS as readonly unknown[]).includes(value);
  }
}

export function isFacetSelected(filter: PromptFilter, dimension: FacetDimension, value: FacetValue['value']): boolean {
  return currentValues(filter, dimension).includes(value);
}

export function toggleFacetValue(
  filter: PromptFilter,
  dimension: FacetDimension,
  value: FacetValue['value'],
): PromptFilter {
  if (!isSelectable(dimension, value)) return filter;
  const values = currentValues(filter, dimension);
  const next = values.includes(value) ? values.filter((v) => v !== value) : [...values, value];
  return withValues(filter, dimension, next);
}

export function clearFacet(filter: PromptFilter, dimension: FacetDimension): PromptFilter {
  return withValues(filter, dimension, []);
}

export function activeFacetCount(filter: PromptFilter): number {
  return FACET_DIMENSIONS.reduce((n, { dimension }) => n + currentValues(filter, dimension).length, 0);
}

function withValues(filter: PromptFilter, dimension: FacetDimension, values: readonly Selectable[]): PromptFilter {
  const next: PromptFilter = { ...filter };
  const keep = values.length > 0;
  switch (dimension) {
    case 'datasets':
      if (keep) next.datasetIds = values.filter((v): v is number => typeof v === 'number');
      else delete next.datasetIds;
      break;
    case 'sources':
      if (keep) next.sources = values.filter((v): v is string => typeof v === 'string');
      else delete next.sources;
      break;
    case 'subjects':
      if (keep) next.subjects = values.filter((v): v is string => typeof v === 'string');
      else delete next.subjects;
      break;
    case 'levels':
      if (keep) next.levels = values.filter((v): v is number | null => v === null || typeof v === 'number');
      else delete next.levels;
      break;
    case 'passRateBuckets':
      if (keep)
        next.passRateBuckets = values.filter((v): v is PassRateBucket =>
          (PASS_RATE_BUCKETS as readonly unknown[]).includes(v),
        );
      else delete next.passRateBuckets;
      break;
  }
  return next;
}
