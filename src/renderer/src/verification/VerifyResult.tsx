// After a Re-verify job: agreement with the log and the disagreements in each direction from
// 'verify.summary', and the suspect gold answers from 'verify.suspectGold', each linked to its prompt page.
import type { SuspectGoldPrompt, VerifyScope } from '../../../shared/verification';
import { AnswerText } from '../curation/AnswerText';
import { formatRoute, promptRoute } from '../prompt-page/route';
import { useContractValue } from './use-contract-value';
import { summaryRows } from './verify-summary-view';

/** Suspects listed in the dialog; the grid's "Suspect gold answer" filter shows them all. */
const SUSPECTS_SHOWN = 100;

export function VerifyResult({ scope, onOpenPrompt }: { scope: VerifyScope; onOpenPrompt(): void }) {
  const summary = useContractValue('verify.summary', scope);
  const suspects = useContractValue('verify.suspectGold', { ...scope, limit: SUSPECTS_SHOWN });
  const state =
    summary.state === 'error' || suspects.state === 'error'
      ? 'error'
      : summary.state === 'ready' && suspects.state === 'ready'
        ? 'ready'
        : 'loading';
  return (
    <div className="verify-result" data-testid="verify-result" data-state={state}>
      <p className="notice notice--ok">Re-verification finished.</p>
      {summary.state === 'error' && <p className="notice notice--error">{summary.error.message}</p>}
      {summary.state === 'ready' && (
        <dl className="facts facts--summary verify-result__counts" data-testid="verify-summary">
          {summaryRows(summary.value).map((row) => (
            <div
              key={row.key}
              className={row.attention ? 'facts__pair verify-result__count--attention' : 'facts__pair'}
              title={row.hint}
              data-testid={`verify-summary-${row.key}`}
            >
              <dt>{row.label}</dt>
              <dd>{row.value}</dd>
            </div>
          ))}
        </dl>
      )}
      {suspects.state === 'error' && <p className="notice notice--error">{suspects.error.message}</p>}
      {suspects.state === 'ready' && suspects.value.total > 0 && (
        <SuspectList rows={suspects.value.rows} total={suspects.value.total} onOpenPrompt={onOpenPrompt} />
      )}
    </div>
  );
}

function SuspectList({
  rows,
  total,
  onOpenPrompt,
}: {
  rows: SuspectGoldPrompt[];
  total: number;
  onOpenPrompt(): void;
}) {
  return (
    <>
      <h3 className="verify-result__heading">
        Suspect gold answers ({total.toLocaleString('en-US')}
        {total > rows.length ? `, first ${rows.length} shown` : ''})
      </h3>
      <table className="table verify-suspects" data-testid="verify-suspects" data-count={total}>
        <thead>
          <tr>
            <th>Question</th>
            <th>Gold</th>
            <th>Majority</th>
            <th>Votes</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {rows.map((row, i) => (
            <tr key={`${i}:${row.promptId ?? ''}`} data-testid="verify-suspect" data-prompt-id={row.promptId ?? ''}>
              <td className="verify-suspects__question" title={row.question}>
                {row.question}
              </td>
              <td>
                <AnswerText text={row.goldAnswer} />
              </td>
              <td>
                <AnswerText text={row.majorityAnswer} />
              </td>
              <td className="num">
                {row.majorityVotes} of {row.rollouts}
              </td>
              <td>
                {row.promptId === null ? (
                  <span className="muted small" title="No prompt set holds this question: import one to curate it">
                    no prompt set
                  </span>
                ) : (
                  // A link, so it can also open in a new tab; the dialog closes to show the page.
                  <a
                    href={formatRoute(promptRoute(row.promptId))}
                    onClick={onOpenPrompt}
                    data-testid="verify-suspect-open"
                  >
                    Prompt {row.promptId} →
                  </a>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
