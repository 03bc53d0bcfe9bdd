// A rollout above its trace: verdict, reward, advantage, length, where it came from, and its final
// answer beside the gold answer (so a compare view puts the two answers side by side).
import type { RolloutDetail } from '../../../shared/rollouts';
import { AnswerText } from './AnswerText';
import { CorrectBadge } from './CorrectBadge';

const fixed = (v: number | null, digits: number) => (v === null ? '—' : Number(v.toFixed(digits)).toString());

export function RolloutHeader({
  detail,
  goldAnswer,
  onClose,
}: {
  detail: RolloutDetail;
  goldAnswer: unknown;
  onClose?(): void;
}) {
  return (
    <header
      className="rollout-header"
      data-testid="rollout-header"
      data-rollout-id={detail.id}
      data-correct={detail.correct === null ? '' : String(detail.correct)}
    >
      <div className="rollout-header__top">
        <strong>
          Rollout {detail.sampleIndex ?? detail.id}
          <span className="muted">
            {' '}
            · {detail.runName} · step {detail.step}
          </span>
        </strong>
        <CorrectBadge correct={detail.correct} />
        {detail.truncated && <span className="badge badge--warn">truncated</span>}
        <span className="muted small">
          reward {fixed(detail.reward, 2)} · adv. {fixed(detail.advantage, 3)} ·{' '}
          {(detail.tokenCount ?? detail.responseChars).toLocaleString('en-US')}{' '}
          {detail.tokenCount === null ? 'chars' : 'tokens'}
          {detail.rmFinalProb !== null && ` · RM p ${fixed(detail.rmFinalProb, 3)}`}
          {detail.finishReason && ` · ${detail.finishReason}`}
        </span>
        {onClose && (
          <button
            type="button"
            className="icon-button rollout-header__close"
            aria-label="Close this rollout"
            onClick={onClose}
          >
            ×
          </button>
        )}
      </div>
      <div className="rollout-header__answers">
        <span className="muted small">answer</span>
        <AnswerText value={detail.extractedAnswer} testId="extracted-answer" />
        <span className="muted small">gold</span>
        <AnswerText value={goldAnswer ?? detail.goldAnswer} testId="gold-answer" />
      </div>
    </header>
  );
}
