// Bulk labelling: add or remove one label on every prompt of the current filter (or of the selected
// rows). The count is shown before confirming; the edit is one history batch, so one undo reverts it.
import { useEffect, useState } from 'react';
import type { BulkPreview, BulkResult, BulkSelection } from '../../../shared/curation';
import type { PromptFilter } from '../../../shared/domain';
import { callOrReport, useServices } from '../app-context';
import { formatCount } from '../jobs/format-progress';
import { Dialog } from '../shell/Dialog';
import { useCuration } from './curation-context';
import { labelsForTarget } from './taxonomy-order';
import { enqueueWrite } from './write-queue';

interface BulkLabelDialogProps {
  filter: PromptFilter;
  selectedIds: readonly number[];
  onClose(): void;
}

type Scope = 'filter' | 'selection';

export function BulkLabelDialog({ filter, selectedIds, onClose }: BulkLabelDialogProps) {
  const services = useServices();
  const { defs, settings } = useCuration();
  const labels = labelsForTarget(defs, 'prompt');
  const [scope, setScope] = useState<Scope>(selectedIds.length > 0 ? 'selection' : 'filter');
  const [labelId, setLabelId] = useState<number | null>(labels[0]?.id ?? null);
  const [action, setAction] = useState<'add' | 'remove'>('add');
  const [preview, setPreview] = useState<{ key: string; value: BulkPreview } | null>(null);
  const [done, setDone] = useState<BulkResult | null>(null);
  const [undone, setUndone] = useState<number | null>(null);
  const [busy, setBusy] = useState(false);

  const chosenLabel = labelId ?? labels[0]?.id ?? null;
  const selection: BulkSelection =
    scope === 'selection' && selectedIds.length > 0
      ? { kind: 'ids', target: 'prompt', ids: [...selectedIds] }
      : { kind: 'filter', filter };
  const key = JSON.stringify({ selection, chosenLabel, action });

  useEffect(() => {
    if (chosenLabel === null || done) return;
    let current = true;
    const request = JSON.parse(key) as { selection: BulkSelection; action: 'add' | 'remove' };
    void callOrReport(services, 'labels.bulkPreview', {
      selection: request.selection,
      labelId: chosenLabel,
      action: request.action,
    }).then((value) => {
      if (current && value) setPreview({ key, value });
    });
    return () => {
      current = false;
    };
  }, [key, chosenLabel, services, done]);

  const label = labels.find((l) => l.id === chosenLabel);
  const counts = preview?.key === key ? preview.value : null;
  const verb = action === 'add' ? 'Add' : 'Remove';
  const labelName = label?.name ?? '';
  const toOrFrom = action === 'add' ? 'to' : 'from';

  const apply = async () => {
    if (chosenLabel === null) return;
    setBusy(true);
    const result = await enqueueWrite(() =>
      callOrReport(services, 'labels.bulk', { selection, labelId: chosenLabel, action }),
    );
    setBusy(false);
    if (result) setDone(result);
  };
  const undo = async () => {
    setBusy(true);
    const result = await enqueueWrite(() => callOrReport(services, 'history.undo', {}));
    setBusy(false);
    if (result) setUndone(result.reverted);
  };

  return (
    <Dialog title="Bulk label" onClose={onClose} testId="bulk-dialog">
      {done ? (
        <div data-testid="bulk-done" data-changed={done.willChange}>
          <p className="notice notice--ok">
            {action === 'add' ? 'Added' : 'Removed'} “{label?.name}” {action === 'add' ? 'to' : 'from'}{' '}
            {formatCount(done.willChange)} of {formatCount(done.matched)} prompts.
          </p>
          {undone !== null && (
            <p className="notice notice--warn" data-testid="bulk-undone">
              Undone: {formatCount(undone)} prompts restored.
            </p>
          )}
          <div className="dialog__footer">
            {undone === null && done.batchId !== null && (
              <button
                type="button"
                className="button"
                onClick={() => void undo()}
                disabled={busy}
                data-testid="bulk-undo"
              >
                Undo
              </button>
            )}
            <button type="button" className="button button--primary" onClick={onClose} data-testid="bulk-close">
              Close
            </button>
          </div>
        </div>
      ) : (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            void apply();
          }}
        >
          <fieldset className="stacked">
            <legend>Rows</legend>
            <label className="radio">
              <input
                type="radio"
                name="bulk-scope"
                checked={scope === 'filter'}
                onChange={() => setScope('filter')}
                data-testid="bulk-scope-filter"
              />
              Every prompt of the current filter
            </label>
            <label className="radio">
              <input
                type="radio"
                name="bulk-scope"
                checked={scope === 'selection'}
                disabled={selectedIds.length === 0}
                onChange={() => setScope('selection')}
                data-testid="bulk-scope-selection"
              />
              The {formatCount(selectedIds.length)} picked {selectedIds.length === 1 ? 'prompt' : 'prompts'}{' '}
              <span className="muted small">(tick rows in the grid)</span>
            </label>
          </fieldset>
          <div className="bulk-dialog__row">
            <select
              value={action}
              onChange={(e) => setAction(e.target.value === 'remove' ? 'remove' : 'add')}
              aria-label="Action"
              data-testid="bulk-action"
            >
              <option value="add">Add</option>
              <option value="remove">Remove</option>
            </select>
            <select
              value={chosenLabel ?? ''}
              onChange={(e) => setLabelId(Number(e.target.value))}
              aria-label="Label"
              data-testid="bulk-label"
            >
              {labels.map((l) => (
                <option key={l.id} value={l.id}>
                  {l.name}
                </option>
              ))}
            </select>
            <span className="muted small">as {settings?.annotator ?? '…'}</span>
          </div>
          <p
            className="bulk-dialog__count"
            data-testid="bulk-preview"
            data-matched={counts?.matched ?? ''}
            data-will-change={counts?.willChange ?? ''}
          >
            {counts === null
              ? 'Counting…'
              : `${formatCount(counts.matched)} ${counts.matched === 1 ? 'prompt matches' : 'prompts match'}; ` +
                `${formatCount(counts.willChange)} will ${action === 'add' ? 'get' : 'lose'} “${labelName}”.`}
          </p>
          <div className="dialog__footer">
            <button type="button" className="button" onClick={onClose}>
              Cancel
            </button>
            <button
              type="submit"
              className="button button--primary"
              disabled={busy || !counts || counts.willChange === 0}
              data-testid="bulk-confirm"
            >
              {counts ? `${verb} “${labelName}” ${toOrFrom} ${formatCount(counts.willChange)} prompts` : verb}
            </button>
          </div>
        </form>
      )}
    </Dialog>
  );
}
