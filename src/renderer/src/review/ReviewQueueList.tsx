// The queue around the cursor: position, id, the start of the question and its label chips. Click to jump.
import { useEffect, useRef } from 'react';
import type { PromptRow } from '../../../shared/domain';
import { PromptLabelChips } from '../curation/LabelCell';

const AROUND = 12;

export function ReviewQueueList({
  rows,
  cursor,
  onJump,
}: {
  rows: readonly PromptRow[];
  cursor: number;
  onJump(index: number): void;
}) {
  const start = Math.max(0, cursor - AROUND);
  const shown = rows.slice(start, cursor + AROUND + 1);
  const currentRef = useRef<HTMLLIElement>(null);
  // Braces: newer browsers return a promise from scrollIntoView, and an effect may only return a cleanup.
  useEffect(() => {
    void currentRef.current?.scrollIntoView({ block: 'nearest' });
  }, [cursor]);
  return (
    <ol className="review-queue" data-testid="review-queue">
      {shown.map((row, i) => {
        const index = start + i;
        const current = index === cursor;
        return (
          <li
            key={row.id}
            ref={current ? currentRef : undefined}
            className={current ? 'review-queue__item review-queue__item--current' : 'review-queue__item'}
          >
            <button type="button" onClick={() => onJump(index)} aria-current={current ? 'true' : undefined}>
              <span className="review-queue__pos muted small">{index + 1}</span>
              <span className="review-queue__text">{row.question.replace(/\s+/g, ' ').slice(0, 120)}</span>
              <PromptLabelChips promptId={row.id} />
            </button>
          </li>
        );
      })}
    </ol>
  );
}
