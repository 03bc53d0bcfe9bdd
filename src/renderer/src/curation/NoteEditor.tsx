// My note on an item. Saved (written through) on Ctrl+Enter, on the Save button and when the field loses
// focus with a change; Esc puts the saved text back. Other annotators' notes are listed below.
import { useImperativeHandle, useRef, useState } from 'react';
import type { Ref } from 'react';
import type { ItemNote } from '../../../shared/curation';

export interface NoteEditorHandle {
  focus(): void;
}

interface NoteEditorProps {
  ref?: Ref<NoteEditorHandle>;
  saved: string;
  others: readonly ItemNote[];
  onSave(text: string): Promise<boolean>;
  /** Called after Esc or a save from the keyboard, so review mode can take the keys back. */
  onDone?(): void;
  disabled?: boolean;
  testId?: string;
}

export function NoteEditor({ ref, saved, others, onSave, onDone, disabled, testId = 'note-editor' }: NoteEditorProps) {
  const [draft, setDraft] = useState(saved);
  const [shownSaved, setShownSaved] = useState(saved);
  const [saving, setSaving] = useState(false);
  const area = useRef<HTMLTextAreaElement>(null);
  /** Esc: the blur that follows must not save the draft being thrown away. */
  const discarding = useRef(false);
  // A new item (or a note changed elsewhere) replaces the draft.
  if (saved !== shownSaved) {
    setShownSaved(saved);
    setDraft(saved);
  }
  useImperativeHandle(ref, () => ({ focus: () => area.current?.focus() }), []);

  const save = async () => {
    if (draft === saved || saving) return true;
    setSaving(true);
    const ok = await onSave(draft);
    setSaving(false);
    return ok;
  };

  return (
    <div className="note-editor" data-testid={testId}>
      <textarea
        ref={area}
        value={draft}
        rows={2}
        maxLength={20_000}
        placeholder="Note (Ctrl+Enter saves)"
        aria-label="Note"
        disabled={disabled}
        data-testid={`${testId}-text`}
        onChange={(e) => setDraft(e.target.value)}
        onBlur={() => {
          if (discarding.current) discarding.current = false;
          else void save();
        }}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
            e.preventDefault();
            void save().then(() => {
              discarding.current = true; // just saved: the blur has nothing left to do
              area.current?.blur();
              onDone?.();
            });
          } else if (e.key === 'Escape') {
            e.preventDefault();
            e.stopPropagation();
            discarding.current = true;
            setDraft(saved);
            area.current?.blur();
            onDone?.();
          }
        }}
      />
      <div className="note-editor__bar small">
        <span
          className="muted"
          data-testid={`${testId}-state`}
          data-state={saving ? 'saving' : draft === saved ? 'saved' : 'editing'}
        >
          {saving ? 'Saving…' : draft === saved ? (saved ? 'Saved' : '') : 'Not saved yet'}
        </span>
        {draft !== saved && (
          <button
            type="button"
            className="button button--small"
            onMouseDown={(e) => e.preventDefault()}
            onClick={() => void save()}
            data-testid={`${testId}-save`}
          >
            Save note
          </button>
        )}
      </div>
      {others.length > 0 && (
        <ul className="note-editor__others">
          {others.map((n) => (
            <li key={n.annotator}>
              <span className="note-editor__who">{n.annotator}</span> {n.text}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
