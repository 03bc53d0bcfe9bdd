// The grid toolbar's curation actions: undo/redo, bulk labelling, review mode and export, each over the
// grid's current filter. Owns the grid screen's curation shortcuts (r, Ctrl+Z, Ctrl+Shift+Z).
import { useRef, useState, useSyncExternalStore } from 'react';
import type { Facets, PromptFilter } from '../../../shared/domain';
import { ExportDialog } from '../export/ExportDialog';
import { BulkLabelDialog } from './BulkLabelDialog';
import { useCuration } from './curation-context';
import { filterTitle } from './filter-title';
import { UndoRedoButtons } from './UndoRedoButtons';
import { useCurationShortcuts } from './use-curation-shortcuts';
import { useUndoRedo } from './use-undo-redo';

interface CurationToolbarProps {
  /** False while review mode (or another screen) covers the grid. */
  active: boolean;
  filter: PromptFilter;
  facets: Facets | null;
  /** Rows ticked in the grid, read when the bulk dialog opens. */
  selectedIds(): number[];
  onReview(): void;
}

export function CurationToolbar({ active, filter, facets, selectedIds, onReview }: CurationToolbarProps) {
  const { defsById, picks } = useCuration();
  const picked = useSyncExternalStore(picks.subscribe, () => picks.ids().length);
  const root = useRef<HTMLDivElement>(null);
  const undoRedo = useUndoRedo();
  const [bulk, setBulk] = useState<number[] | null>(null);
  const [exporting, setExporting] = useState(false);
  const datasetNames = new Map((facets?.datasets ?? []).map((d) => [Number(d.value), d.label]));
  const title = filterTitle(filter, defsById, datasetNames);

  useCurationShortcuts({
    // Not while another screen (the prompt page) covers this one: a hidden toolbar has no offsetParent.
    enabled: () => active && bulk === null && !exporting && root.current?.offsetParent != null,
    review: onReview,
    undo: () => void undoRedo.undo(),
    redo: () => void undoRedo.redo(),
  });

  return (
    <div className="curation-toolbar" ref={root}>
      {picked > 0 && (
        <span className="small" data-testid="picked-count">
          {picked} picked{' '}
          <button type="button" className="link-button" onClick={picks.clear}>
            clear
          </button>
        </span>
      )}
      <UndoRedoButtons undoRedo={undoRedo} compact />
      <button
        type="button"
        className="button button--small"
        onClick={() => setBulk(selectedIds())}
        data-testid="bulk-button"
        title="Add or remove a label on every row of the filter or selection"
      >
        Bulk label…
      </button>
      <button
        type="button"
        className="button button--small"
        onClick={onReview}
        data-testid="review-button"
        title="Review the filtered prompts from the keyboard (r)"
      >
        Review
      </button>
      <button
        type="button"
        className="button button--small"
        onClick={() => setExporting(true)}
        data-testid="export-button"
      >
        Export…
      </button>
      {bulk !== null && <BulkLabelDialog filter={filter} selectedIds={bulk} onClose={() => setBulk(null)} />}
      {exporting && <ExportDialog filter={filter} filterTitle={title} onClose={() => setExporting(false)} />}
    </div>
  );
}
