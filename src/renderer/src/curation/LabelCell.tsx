// The grid's Labels column: a chip per label on the prompt (any annotator) and ✎ when it has notes.
// Each cell subscribes to its prompt in the annotation store, which fetches a block's rows together.
import type { ColDef, ICellRendererParams } from 'ag-grid-community';
import { useCallback, useSyncExternalStore } from 'react';
import type { PromptRow } from '../../../shared/domain';
import { distinctLabels } from './annotation-view';
import { useCuration } from './curation-context';
import { chipStyle } from './label-colors';

export function LabelCell({ data }: ICellRendererParams<PromptRow>) {
  return <PromptLabelChips promptId={data?.id ?? null} />;
}

/** Chips for one prompt from the annotation store (also used outside the grid, e.g. the review queue). */
export function PromptLabelChips({ promptId: id }: { promptId: number | null }) {
  const { annotations, defsById } = useCuration();
  const subscribe = useCallback(
    (listener: () => void) => (id === null ? () => {} : annotations.subscribe(id, listener)),
    [annotations, id],
  );
  const item = useSyncExternalStore(subscribe, () => (id === null ? undefined : annotations.get(id)));
  if (!item) return null;
  const labels = distinctLabels(item.labels);
  return (
    <span className="label-cell" data-testid="label-cell" data-labels={labels.map((l) => l.name).join('|')}>
      {labels.map((l) => (
        <span
          key={l.labelId}
          className="label-chip label-chip--mini"
          style={chipStyle(defsById.get(l.labelId)?.color ?? '', true)}
          title={`${l.name}: ${l.annotators.join(', ')}`}
        >
          {l.name}
          {l.annotators.length > 1 && <span className="label-chip__extra">×{l.annotators.length}</span>}
        </span>
      ))}
      {item.notes.length > 0 && (
        <span
          className="label-cell__note"
          title={item.notes.map((n) => `${n.annotator}: ${n.text}`).join('\n')}
          aria-label="Has notes"
        >
          ✎
        </span>
      )}
    </span>
  );
}

/** Not a PromptColumn: the grid's sort and filter mapping skip it, so it is display only. */
export const LABELS_COLUMN_DEF: ColDef<PromptRow> = {
  colId: 'labels',
  headerName: 'Labels',
  width: 170,
  sortable: false,
  filter: false,
  floatingFilter: false,
  cellRenderer: LabelCell,
};
