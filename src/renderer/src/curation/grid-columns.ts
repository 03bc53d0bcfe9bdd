// The curation columns added to the prompt grid: a tick column first, the label chips after the gold
// answer. Neither is a PromptColumn, so sorting and column filters ignore them.
import type { ColDef } from 'ag-grid-community';
import type { PromptRow } from '../../../shared/domain';
import { LABELS_COLUMN_DEF } from './LabelCell';
import { PICK_COLUMN_DEF } from './PickCell';

export function withCurationColumns(defs: readonly ColDef<PromptRow>[]): ColDef<PromptRow>[] {
  const at = defs.findIndex((d) => d.colId === 'goldAnswer');
  const labelsAt = at < 0 ? defs.length : at + 1;
  return [PICK_COLUMN_DEF, ...defs.slice(0, labelsAt), LABELS_COLUMN_DEF, ...defs.slice(labelsAt)];
}
