// The label taxonomy, editable in the app: name, shortcut key, colour and description per label, for
// prompts, rollouts and token spans. Labels are archived rather than deleted (history keeps their names).
import { useState } from 'react';
import { LABEL_TARGETS } from '../../../shared/curation';
import type { LabelDef, LabelTarget } from '../../../shared/curation';
import { callOrReport, useServices } from '../app-context';
import { Dialog } from '../shell/Dialog';
import { useCuration } from './curation-context';

const TARGET_TITLES: Record<LabelTarget, string> = { prompt: 'Prompts', rollout: 'Rollouts', span: 'Token spans' };

export function TaxonomyEditor({ onClose }: { onClose(): void }) {
  const { defs } = useCuration();
  const [target, setTarget] = useState<LabelTarget>('prompt');
  const [showArchived, setShowArchived] = useState(false);
  const shown = defs
    .filter((d) => d.target === target && (showArchived || !d.archived))
    .sort((a, b) => a.position - b.position || a.id - b.id);
  return (
    <Dialog title="Labels" onClose={onClose} testId="taxonomy-editor" wide>
      <div className="taxonomy__tabs" role="tablist">
        {LABEL_TARGETS.map((t) => (
          <button
            key={t}
            type="button"
            role="tab"
            aria-selected={t === target}
            className={t === target ? 'tab tab--active' : 'tab'}
            onClick={() => setTarget(t)}
            data-testid={`taxonomy-tab-${t}`}
          >
            {TARGET_TITLES[t]} <span className="muted">{defs.filter((d) => d.target === t && !d.archived).length}</span>
          </button>
        ))}
        <label className="radio taxonomy__archived">
          <input type="checkbox" checked={showArchived} onChange={(e) => setShowArchived(e.target.checked)} /> show
          archived
        </label>
      </div>
      <table className="table taxonomy__table">
        <thead>
          <tr>
            <th>Colour</th>
            <th>Name</th>
            <th>Key</th>
            <th>Description</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {shown.map((def, i) => (
            <LabelRow
              key={`${def.id}:${def.name}:${def.shortcut}:${def.color}:${def.description}:${def.archived}`}
              def={def}
              above={shown[i - 1]}
              below={shown[i + 1]}
            />
          ))}
          <LabelRow key={`new:${target}:${shown.length}`} target={target} />
        </tbody>
      </table>
      <p className="muted small">
        In review mode, number keys toggle the labels in this order (1 = first); a label’s own key works too unless
        review already uses it (j, k, n, e).
      </p>
    </Dialog>
  );
}

interface LabelRowProps {
  def?: LabelDef;
  target?: LabelTarget;
  /** Neighbours in the shown order, for moving the label up or down (its review number follows). */
  above?: LabelDef;
  below?: LabelDef;
}

/** One editable row; without `def` it is the "new label" row. Saves on Enter or the Save button. */
function LabelRow({ def, target, above, below }: LabelRowProps) {
  const services = useServices();
  const [name, setName] = useState(def?.name ?? '');
  const [shortcut, setShortcut] = useState(def?.shortcut ?? '');
  const [color, setColor] = useState(def?.color ?? '#607d8b');
  const [description, setDescription] = useState(def?.description ?? '');
  const [busy, setBusy] = useState(false);
  const dirty =
    !def ||
    name !== def.name ||
    (shortcut || null) !== def.shortcut ||
    color !== def.color ||
    description !== def.description;
  const testId = def ? `taxonomy-row-${def.name}` : 'taxonomy-new';

  const save = async () => {
    if (!name.trim() || !dirty) return;
    setBusy(true);
    const saved = await callOrReport(services, 'labels.saveDef', {
      ...(def ? { id: def.id } : {}),
      target: def?.target ?? target ?? 'prompt',
      name: name.trim(),
      shortcut: shortcut === '' ? null : shortcut,
      color,
      description,
    });
    setBusy(false);
    if (saved && !def) {
      setName('');
      setShortcut('');
      setDescription('');
    }
  };
  /** Swaps positions with a neighbour: two saves, each durable; a failure of the second is reported. */
  const swap = async (other: LabelDef) => {
    if (!def) return;
    setBusy(true);
    const moved = await callOrReport(services, 'labels.saveDef', { ...defInput(def), position: other.position });
    if (moved) await callOrReport(services, 'labels.saveDef', { ...defInput(other), position: def.position });
    setBusy(false);
  };
  const archive = async (archived: boolean) => {
    if (!def) return;
    setBusy(true);
    await callOrReport(services, 'labels.archiveDef', { id: def.id, archived });
    setBusy(false);
  };

  return (
    <tr className={def?.archived ? 'taxonomy__row taxonomy__row--archived' : 'taxonomy__row'} data-testid={testId}>
      <td>
        <input type="color" value={color} aria-label="Colour" onChange={(e) => setColor(e.target.value)} />
      </td>
      <td>
        <input
          type="text"
          value={name}
          maxLength={80}
          placeholder={def ? '' : 'New label'}
          aria-label="Name"
          data-testid={`${testId}-name`}
          onChange={(e) => setName(e.target.value)}
          onKeyDown={(e) => e.key === 'Enter' && void save()}
        />
      </td>
      <td>
        <input
          type="text"
          className="taxonomy__key"
          value={shortcut}
          maxLength={1}
          aria-label="Shortcut key"
          data-testid={`${testId}-key`}
          onChange={(e) => setShortcut(e.target.value.toLowerCase().replace(/[^a-z0-9]/g, ''))}
          onKeyDown={(e) => e.key === 'Enter' && void save()}
        />
      </td>
      <td>
        <input
          type="text"
          value={description}
          maxLength={500}
          aria-label="Description"
          onChange={(e) => setDescription(e.target.value)}
          onKeyDown={(e) => e.key === 'Enter' && void save()}
        />
      </td>
      <td className="taxonomy__actions">
        {dirty && (
          <button
            type="button"
            className="button button--small button--primary"
            disabled={busy || !name.trim()}
            onClick={() => void save()}
            data-testid={`${testId}-save`}
          >
            {def ? 'Save' : 'Add'}
          </button>
        )}
        {def && (
          <>
            <button
              type="button"
              className="icon-button"
              aria-label={`Move ${def.name} up`}
              disabled={busy || !above}
              onClick={() => above && void swap(above)}
            >
              ↑
            </button>
            <button
              type="button"
              className="icon-button"
              aria-label={`Move ${def.name} down`}
              disabled={busy || !below}
              onClick={() => below && void swap(below)}
            >
              ↓
            </button>
          </>
        )}
        {def && (
          <button
            type="button"
            className="button button--small"
            disabled={busy}
            onClick={() => void archive(!def.archived)}
          >
            {def.archived ? 'Restore' : 'Archive'}
          </button>
        )}
      </td>
    </tr>
  );
}

/** A saved label as the input that saves it unchanged (the fields a position swap must keep). */
function defInput(def: LabelDef) {
  return {
    id: def.id,
    target: def.target,
    name: def.name,
    shortcut: def.shortcut,
    color: def.color,
    description: def.description,
  };
}
