// An answer string shown the way the detail pane shows gold answers (bare LaTeX, $…$ text, or plain).
import { answerView } from '../detail/gold-answer';
import { MathText } from '../math/MathText';
import { TexFormula } from '../math/TexFormula';

export function AnswerText({ text, testId }: { text: string | null; testId?: string }) {
  const view = answerView(text);
  return (
    <span className="answer-text" data-testid={testId}>
      {view.kind === 'none' && <span className="muted">none</span>}
      {view.kind === 'mixed' && <MathText text={view.text} />}
      {view.kind === 'tex' && <TexFormula tex={view.tex} />}
      {(view.kind === 'plain' || view.kind === 'json') && <span>{view.text}</span>}
    </span>
  );
}
