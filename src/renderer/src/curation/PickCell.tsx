// The grid's tick column: pick prompts by hand for a bulk edit (the bulk dialog offers "the N picked").
import type { ColDef, ICellRendererParams } from 'ag-grid-community';
import { useSyncExternalStore } from 'react';
import type { PromptRow } from '../../../shared/domain';
import { useCuration } from './curation-context';

export function PickCell({ data }: ICellRendererParams<PromptRow>) {
  const { picks } = useCuration();
  useSyncExternalStore(picks.subscribe, picks.version);
  if (!data) return null;
  return (
    <input
      type="checkbox"
      className="pick-cell"
      checked={picks.has(data.id)}
      aria-label={`Pick prompt ${data.id}`}
      data-testid="pick-cell"
      onChange={() => picks.toggle(data.id)}
      // The row's own click handling (selection, detail pane) still happens; the tick only adds a pick.
      onClick={(e) => e.stopPropagation()}
    />
  );
}

export const PICK_COLUMN_DEF: ColDef<PromptRow> = {
  colId: 'pick',
  headerName: '',
  width: 46,
  sortable: false,
  filter: false,
  floatingFilter: false,
  resizable: false,
  suppressMovable: true,
  cellRenderer: PickCell,
};
