// A one-line description of a filter, for the review header and the export dialog:
// "Subject: Geometry · level 4, 5 · has “keep” · search “sqrt”". Datasets are named when known.
import type { LabelDef } from '../../../shared/curation';
import type { PromptFilter } from '../../../shared/domain';
import { verificationTitle } from '../verification/verification-filter';
import { OP_TITLES } from './label-filter';

export function filterTitle(
  filter: PromptFilter,
  defsById: ReadonlyMap<number, LabelDef>,
  datasetNames: ReadonlyMap<number, string> = new Map(),
): string {
  const parts: string[] = [];
  const list = (title: string, values: readonly unknown[] | undefined) => {
    if (values && values.length > 0)
      parts.push(`${title}: ${values.map((v) => (v === null ? 'none' : String(v))).join(', ')}`);
  };
  list(
    'Dataset',
    filter.datasetIds?.map((id) => datasetNames.get(id) ?? `#${id}`),
  );
  list('Source', filter.sources);
  list('Subject', filter.subjects);
  list('Level', filter.levels);
  list('Pass rate', filter.passRateBuckets);
  for (const [column, condition] of Object.entries(filter.columns ?? {})) {
    const range = condition.kind === 'number' && condition.valueTo !== undefined ? `–${condition.valueTo}` : '';
    const value = condition.value === undefined ? '' : ` ${condition.value}${range}`;
    parts.push(`${column} ${condition.op}${value}`);
  }
  for (const c of filter.labels ?? []) {
    const names = (c.labelIds ?? []).map((id) => `“${defsById.get(id)?.name ?? `label ${id}`}”`);
    const what = names.length > 0 ? names.join(' or ') : 'any label';
    parts.push(`${OP_TITLES[c.op]} ${what}${c.annotator ? ` (by ${c.annotator})` : ''}`);
  }
  if (filter.notes)
    parts.push(
      filter.notes.op === 'has'
        ? 'has a note'
        : filter.notes.op === 'hasNot'
          ? 'no note'
          : `note contains “${filter.notes.text ?? ''}”`,
    );
  for (const c of filter.verification ?? []) parts.push(verificationTitle(c));
  if (filter.search?.trim()) parts.push(`search “${filter.search.trim()}”`);
  return parts.length > 0 ? parts.join(' · ') : 'all prompts';
}
