// An answer (gold or extracted) as the detail pane shows gold answers: typeset when it is LaTeX.
import { answerView } from '../detail/gold-answer';
import { MathText } from '../math/MathText';
import { TexFormula } from '../math/TexFormula';

export function AnswerText({ value, testId }: { value: unknown; testId?: string }) {
  const view = answerView(value);
  return (
    <span className="answer-text" data-testid={testId}>
      {view.kind === 'none' && <span className="muted">—</span>}
      {view.kind === 'mixed' && <MathText text={view.text} className="answer-text__mixed" />}
      {view.kind === 'tex' && <TexFormula tex={view.tex} />}
      {(view.kind === 'plain' || view.kind === 'json') && <span>{view.text}</span>}
    </span>
  );
}
