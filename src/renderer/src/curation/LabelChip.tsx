// A label as a coloured chip: a toggle button where it can be clicked, a plain badge otherwise.
import type { CSSProperties } from 'react';
import { chipStyle } from './label-colors';

interface LabelChipProps {
  name: string;
  color: string;
  /** Applied by the current annotator (a filled chip); others' labels are outlined. */
  on?: boolean;
  /** Shown after the name, e.g. the review key "1". */
  hint?: string | null;
  /** e.g. "+bo" when other annotators applied it too. */
  extra?: string;
  title?: string;
  onToggle?(): void;
  disabled?: boolean;
  testId?: string;
}

export function LabelChip({ name, color, on = false, hint, extra, title, onToggle, disabled, testId }: LabelChipProps) {
  const style = chipStyle(color, on) as CSSProperties;
  const content = (
    <>
      {hint && <kbd className="label-chip__key">{hint}</kbd>}
      <span className="label-chip__name">{name}</span>
      {extra && <span className="label-chip__extra">{extra}</span>}
    </>
  );
  if (!onToggle) {
    return (
      <span className="label-chip" style={style} title={title} data-testid={testId}>
        {content}
      </span>
    );
  }
  return (
    <button
      type="button"
      className="label-chip label-chip--button"
      style={style}
      title={title}
      aria-pressed={on}
      disabled={disabled}
      onClick={onToggle}
      data-testid={testId}
    >
      {content}
    </button>
  );
}
