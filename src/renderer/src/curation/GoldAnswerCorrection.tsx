// A curator's corrected gold answer beside the original, which is never overwritten. Editing writes
// through on Enter (or Save); Esc cancels; "Restore original" removes the correction.
import { useImperativeHandle, useRef, useState } from 'react';
import type { Ref } from 'react';
import type { PromptDetail } from '../../../shared/domain';
import { callOrReport, useServices } from '../app-context';
import { AnswerText } from './AnswerText';
import { enqueueWrite } from './write-queue';
import { shortTime } from './history-format';

export interface GoldAnswerCorrectionHandle {
  edit(): void;
}

interface GoldAnswerCorrectionProps {
  ref?: Ref<GoldAnswerCorrectionHandle>;
  detail: PromptDetail;
  onChange?(detail: PromptDetail): void;
  /** Called when editing ends (saved or cancelled), so review mode can take the keys back. */
  onDone?(): void;
}

export function GoldAnswerCorrection({ ref, detail, onChange, onDone }: GoldAnswerCorrectionProps) {
  const services = useServices();
  const correction = detail.goldCorrection ?? null;
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState('');
  const [saving, setSaving] = useState(false);
  const input = useRef<HTMLInputElement>(null);

  const startEditing = () => {
    setDraft(correction?.answer ?? detail.goldAnswer ?? '');
    setEditing(true);
    queueMicrotask(() => input.current?.select());
  };
  useImperativeHandle(ref, () => ({ edit: startEditing }));

  const write = async (goldAnswer: string | null) => {
    setSaving(true);
    const updated = await enqueueWrite(() =>
      callOrReport(services, 'prompts.setGoldAnswer', { promptId: detail.id, goldAnswer }),
    );
    setSaving(false);
    if (!updated) return;
    setEditing(false);
    onChange?.(updated);
    onDone?.();
  };

  return (
    <div className="gold-correction" data-testid="gold-correction" data-corrected={correction ? 'true' : 'false'}>
      {correction && !editing && (
        <div className="gold-correction__current">
          <span className="gold-correction__label">Corrected</span>
          <AnswerText text={correction.answer} testId="gold-corrected" />
          <span className="muted small">
            {correction.annotator} · {shortTime(correction.updatedAt)}
          </span>
        </div>
      )}
      {editing ? (
        <form
          className="gold-correction__form"
          onSubmit={(e) => {
            e.preventDefault();
            void write(draft.trim() === '' ? null : draft);
          }}
        >
          <input
            ref={input}
            type="text"
            value={draft}
            maxLength={10_000}
            aria-label="Corrected gold answer"
            data-testid="gold-input"
            autoFocus
            onChange={(e) => setDraft(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Escape') {
                e.preventDefault();
                e.stopPropagation();
                setEditing(false);
                onDone?.();
              }
            }}
          />
          <button
            type="submit"
            className="button button--small button--primary"
            disabled={saving}
            data-testid="gold-save"
          >
            Save
          </button>
          <button
            type="button"
            className="button button--small"
            onClick={() => {
              setEditing(false);
              onDone?.();
            }}
          >
            Cancel
          </button>
        </form>
      ) : (
        <div className="gold-correction__actions">
          <button type="button" className="link-button" onClick={startEditing} data-testid="gold-edit">
            {correction ? 'Edit correction' : 'Correct the gold answer'}
          </button>
          {correction && (
            <button
              type="button"
              className="link-button"
              onClick={() => void write(null)}
              disabled={saving}
              data-testid="gold-restore"
            >
              Restore original
            </button>
          )}
        </div>
      )}
    </div>
  );
}
