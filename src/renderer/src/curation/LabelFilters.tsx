// Filters on curation in the side panel: labelled or not (by anyone, or by me), per label has / has not /
// annotators disagree, rollout and span labels rolled up to their prompts, and notes.
import { useState } from 'react';
import type { LabelDef } from '../../../shared/curation';
import type { PromptFilter } from '../../../shared/domain';
import { useCuration } from './curation-context';
import {
  OP_TITLES,
  PROMPT_LABEL_OPS,
  ROLLOUT_LABEL_OPS,
  anyLabelChoice,
  clearCurationFilters,
  curationConditionCount,
  labelOp,
  setAnyLabelChoice,
  setLabelOp,
  setNoteCondition,
} from './label-filter';
import type { AnyLabelChoice, LabelOp, NoteChoice } from './label-filter';
import { labelsForTarget } from './taxonomy-order';

interface LabelFiltersProps {
  filter: PromptFilter;
  onChange(filter: PromptFilter): void;
}

export function LabelFilters({ filter, onChange }: LabelFiltersProps) {
  const { defs, settings } = useCuration();
  const promptLabels = labelsForTarget(defs, 'prompt');
  const rolloutLabels = [...labelsForTarget(defs, 'rollout'), ...labelsForTarget(defs, 'span')];
  const me = settings?.annotator ?? '';
  const active = curationConditionCount(filter);
  return (
    <section className="facet label-filters" data-testid="label-filters">
      <header className="facet__header">
        <h3>Labels</h3>
        {active > 0 && (
          <button
            type="button"
            className="link-button"
            onClick={() => onChange(clearCurationFilters(filter))}
            data-testid="label-filters-clear"
          >
            clear
          </button>
        )}
      </header>
      <select
        className="label-filters__any"
        value={anyLabelChoice(filter) ?? ''}
        aria-label="Labelled or not"
        data-testid="label-filter-any"
        onChange={(e) => onChange(setAnyLabelChoice(filter, (e.target.value || null) as AnyLabelChoice, me))}
      >
        <option value="">Labelled or not</option>
        <option value="labelled">Labelled (by anyone)</option>
        <option value="unlabelled">Unlabelled</option>
        <option value="notMine">Not labelled by me</option>
      </select>
      <ul className="facet__values">
        {promptLabels.map((def) => (
          <LabelOpRow key={def.id} def={def} ops={PROMPT_LABEL_OPS} filter={filter} onChange={onChange} />
        ))}
      </ul>
      {rolloutLabels.length > 0 && (
        <>
          <h4 className="label-filters__sub">On rollouts</h4>
          <ul className="facet__values">
            {rolloutLabels.map((def) => (
              <LabelOpRow key={def.id} def={def} ops={ROLLOUT_LABEL_OPS} filter={filter} onChange={onChange} />
            ))}
          </ul>
        </>
      )}
      <NoteFilter filter={filter} onChange={onChange} />
    </section>
  );
}

function LabelOpRow({
  def,
  ops,
  filter,
  onChange,
}: {
  def: LabelDef;
  ops: readonly LabelOp[];
  filter: PromptFilter;
  onChange(filter: PromptFilter): void;
}) {
  const op = labelOp(filter, def.id);
  return (
    <li className="label-filter-row">
      <span className="label-filter-row__swatch" style={{ background: def.color }} aria-hidden="true" />
      <span className="facet__label" title={def.description || def.name}>
        {def.name}
      </span>
      <select
        value={op ?? ''}
        aria-label={`Filter on ${def.name}`}
        className={op ? 'label-filter-row__op label-filter-row__op--on' : 'label-filter-row__op'}
        data-testid={`label-filter-${def.name}`}
        onChange={(e) => onChange(setLabelOp(filter, def.id, (e.target.value || null) as LabelOp | null))}
      >
        <option value="">any</option>
        {ops.map((o) => (
          <option key={o} value={o}>
            {OP_TITLES[o]}
          </option>
        ))}
      </select>
    </li>
  );
}

function NoteFilter({ filter, onChange }: LabelFiltersProps) {
  const op: NoteChoice = filter.notes?.op ?? null;
  const [text, setText] = useState(filter.notes?.text ?? '');
  const [containsChosen, setContainsChosen] = useState(false);
  const shownOp = op ?? (containsChosen ? 'contains' : null);
  return (
    <div className="note-filter">
      <h4 className="label-filters__sub">Notes</h4>
      <select
        value={shownOp ?? ''}
        aria-label="Filter on notes"
        data-testid="note-filter"
        onChange={(e) => {
          const next = (e.target.value || null) as NoteChoice;
          setContainsChosen(next === 'contains');
          onChange(setNoteCondition(filter, next, text));
        }}
      >
        <option value="">any</option>
        <option value="has">has a note</option>
        <option value="hasNot">no note</option>
        <option value="contains">note contains…</option>
      </select>
      {shownOp === 'contains' && (
        <input
          type="text"
          value={text}
          maxLength={1000}
          placeholder="text in a note, then Enter"
          aria-label="Note text"
          data-testid="note-filter-text"
          onChange={(e) => setText(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter') onChange(setNoteCondition(filter, 'contains', text));
          }}
          onBlur={() => onChange(setNoteCondition(filter, 'contains', text))}
        />
      )}
    </div>
  );
}
