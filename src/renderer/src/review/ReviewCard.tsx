// One prompt in review: the question and gold answer typeset, the original answer beside a correction,
// labels with their keys, my note. Shows the grid row's text until the full prompt is in.
import type { Ref } from 'react';
import type { PromptDetail, PromptRow } from '../../../shared/domain';
import { AnswerText } from '../curation/AnswerText';
import { GoldAnswerCorrection } from '../curation/GoldAnswerCorrection';
import type { GoldAnswerCorrectionHandle } from '../curation/GoldAnswerCorrection';
import { ItemAnnotator } from '../curation/ItemAnnotator';
import type { ItemAnnotatorHandle } from '../curation/ItemAnnotator';
import { MathText } from '../math/MathText';

interface ReviewCardProps {
  row: PromptRow;
  detail: PromptDetail | undefined;
  annotatorRef: Ref<ItemAnnotatorHandle>;
  goldRef: Ref<GoldAnswerCorrectionHandle>;
  keyFor(labelId: number): string | null;
  onDetail(detail: PromptDetail): void;
  /** An editor (note or gold answer) closed: give the keys back to review. */
  onEditorDone(): void;
}

export function ReviewCard({ row, detail, annotatorRef, goldRef, keyFor, onDetail, onEditorDone }: ReviewCardProps) {
  const facts = [
    row.dataset,
    row.subject,
    row.level === null ? null : `level ${row.level}`,
    row.passRate === null ? null : `pass rate ${(row.passRate * 100).toFixed(0)}%`,
  ].filter(Boolean);
  return (
    <article
      className="review-card"
      data-testid="review-card"
      data-prompt-id={row.id}
      data-state={detail ? 'ready' : 'loading'}
    >
      <header className="review-card__header">
        <h2>Prompt {row.id}</h2>
        <span className="muted small">{facts.join(' · ')}</span>
      </header>
      <section className="review-card__question">
        <MathText text={detail?.question ?? row.question} className="detail-question" testId="review-question" />
      </section>
      <section className="review-card__answer">
        <h3>{detail?.goldCorrection ? 'Original gold answer' : 'Gold answer'}</h3>
        <AnswerText text={detail?.goldAnswer ?? row.goldAnswer} testId="review-gold" />
        {detail && <GoldAnswerCorrection ref={goldRef} detail={detail} onChange={onDetail} onDone={onEditorDone} />}
      </section>
      <section className="review-card__labels">
        <h3>Labels</h3>
        <ItemAnnotator
          ref={annotatorRef}
          item={{ target: 'prompt', id: row.id }}
          keyFor={keyFor}
          onNoteDone={onEditorDone}
          testId="review-annotator"
        />
      </section>
    </article>
  );
}
