// Labels and a note for one item, written through at once. Works for prompts, rollouts and token spans
// (the trace viewer passes { target: 'rollout', id } or { target: 'span', id, start, end }).
import { useImperativeHandle, useRef } from 'react';
import type { Ref } from 'react';
import type { ItemRef } from '../../../shared/curation';
import { useCuration } from './curation-context';
import { LabelToggles } from './LabelToggles';
import { labelsForTarget } from './taxonomy-order';
import { NoteEditor } from './NoteEditor';
import type { NoteEditorHandle } from './NoteEditor';
import { useItemAnnotations } from './use-item-annotations';

export interface ItemAnnotatorHandle {
  toggle(labelId: number): Promise<boolean>;
  focusNote(): void;
}

interface ItemAnnotatorProps {
  ref?: Ref<ItemAnnotatorHandle>;
  item: ItemRef;
  keyFor?(labelId: number): string | null;
  onNoteDone?(): void;
  testId?: string;
}

export function ItemAnnotator({ ref, item, keyFor, onNoteDone, testId = 'item-annotator' }: ItemAnnotatorProps) {
  const { defs } = useCuration();
  const api = useItemAnnotations(item);
  const note = useRef<NoteEditorHandle>(null);
  useImperativeHandle(ref, () => ({ toggle: api.toggle, focusNote: () => note.current?.focus() }), [api.toggle]);
  const labels = labelsForTarget(defs, item.target);
  return (
    <div className="item-annotator" data-testid={testId} data-pending={api.pending > 0 ? 'true' : 'false'}>
      <LabelToggles
        labels={labels}
        marks={api.marks}
        mine={api.mine}
        annotator={api.annotator}
        onToggle={(id) => void api.toggle(id)}
        keyFor={keyFor}
        testId={`${testId}-labels`}
      />
      <NoteEditor
        ref={note}
        saved={api.myNote}
        others={api.marks?.notes.filter((n) => n.annotator !== api.annotator) ?? []}
        onSave={api.saveNote}
        onDone={onNoteDone}
        disabled={!api.marks}
        testId={`${testId}-note`}
      />
    </div>
  );
}
