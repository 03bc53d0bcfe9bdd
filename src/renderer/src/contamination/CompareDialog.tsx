// A prompt beside the benchmark item it matched: both typeset, with the words and formulas that differ marked. Text
// stays inert React text; formulas go through the project's safe KaTeX rendering.
import { useMemo } from 'react';
import type { ContaminationMatch } from '../../../shared/contamination';
import { renderMath } from '../math/render-math';
import { Dialog } from '../shell/Dialog';
import { compareTexts } from './compare-diff';
import type { MarkedUnit } from './compare-diff';

function Units({ units, testId }: { units: MarkedUnit[]; testId: string }) {
  return (
    <div className="math-text compare__text" data-testid={testId}>
      {units.map((unit, i) => {
        const className = unit.changed ? 'compare__changed' : undefined;
        if (unit.kind === 'text')
          return (
            <span key={i} className={className}>
              {unit.text}
            </span>
          );
        const html = renderMath(unit.tex, unit.display);
        if (html === null)
          return (
            <span key={i} className={className}>
              {`$${unit.tex}$ `}
            </span>
          );
        const Tag = unit.display ? 'div' : 'span';
        return <Tag key={i} className={className} dangerouslySetInnerHTML={{ __html: `${html} ` }} />;
      })}
    </div>
  );
}

export function CompareDialog({
  question,
  match,
  onClose,
}: {
  question: string;
  match: ContaminationMatch;
  onClose(): void;
}) {
  const diff = useMemo(() => compareTexts(question, match.benchQuestion), [question, match.benchQuestion]);
  return (
    <Dialog title="Prompt and benchmark item" onClose={onClose} testId="compare-dialog" wide>
      <p className="small muted" data-testid="compare-summary" data-changes={diff.changes}>
        {match.method} {match.score.toFixed(2)} against {match.benchDataset}{' '}
        {match.benchSourceId ?? `#${match.benchPromptId}`} ·{' '}
        {diff.changes === 0
          ? 'no differences after normalisation'
          : `${diff.changes} words or formulas differ (marked)`}
      </p>
      <div className="compare">
        <div>
          <h3>This prompt</h3>
          <Units units={diff.left} testId="compare-left" />
        </div>
        <div>
          <h3>Benchmark item</h3>
          <Units units={diff.right} testId="compare-right" />
        </div>
      </div>
    </Dialog>
  );
}
