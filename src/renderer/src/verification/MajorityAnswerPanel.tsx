// The prompt page's "Majority answer" panel: the answers of the prompt's rollouts clustered by
// equivalence (votes, share, which cluster matches the gold answer, ties), and a callout when the
// gold answer looks wrong, with the majority answer shown beside it.
import type { PromptAnswerSummary } from '../../../shared/verification';
import { AnswerText } from '../curation/AnswerText';
import { answeredLine, clusterViews, countedRollouts, coverageNote, formatShare } from './answer-clusters';
import type { ClusterView } from './answer-clusters';
import { useContractValue } from './use-contract-value';
import './verification.css';

interface MajorityAnswerPanelProps {
  promptId: number;
  /** Asks again when this is another value (the page passes its reloaded prompt). */
  refreshKey?: unknown;
}

export function MajorityAnswerPanel({ promptId, refreshKey }: MajorityAnswerPanelProps) {
  const result = useContractValue('verify.promptSummary', { promptId }, refreshKey);
  const summary = result.state === 'error' ? null : result.value;
  return (
    <section
      className="detail-section majority-panel"
      data-testid="majority-panel"
      data-state={result.state}
      data-suspect-gold={summary ? String(summary.suspectGold) : ''}
      data-majority-votes={summary?.majority?.votes ?? ''}
    >
      <h3>Majority answer</h3>
      {result.state === 'error' && <p className="error-text">{result.error.message}</p>}
      {summary === null && result.state === 'loading' && <p className="muted small">Counting answers…</p>}
      {summary && <SummaryBody summary={summary} />}
    </section>
  );
}

function SummaryBody({ summary }: { summary: PromptAnswerSummary }) {
  if (summary.rollouts === 0) return <p className="muted small">No rollouts to count.</p>;
  const views = clusterViews(summary);
  const coverage = coverageNote(summary);
  const answerWord = summary.moreClusters === 1 ? 'answer' : 'answers';
  return (
    <>
      {summary.suspectGold && summary.majority && (
        <SuspectGoldCallout summary={summary} majority={summary.majority.answer} votes={summary.majority.votes} />
      )}
      <p className="muted small" data-testid="majority-answered">
        {answeredLine(summary)}
        {summary.tie && (
          <span
            className="badge badge--warn majority-panel__tie"
            data-testid="majority-tie"
            title="Two or more answers share the most votes: there is no single majority."
          >
            tie
          </span>
        )}
      </p>
      {views.length === 0 ? (
        <p className="muted small">No rollout gave an answer the re-check could extract.</p>
      ) : (
        <table className="answer-clusters" data-testid="answer-clusters">
          <tbody>
            {views.map((view) => (
              <ClusterRow key={view.key} view={view} />
            ))}
          </tbody>
        </table>
      )}
      {summary.moreClusters > 0 && (
        <p className="muted small">
          and {summary.moreClusters.toLocaleString('en-US')} more {answerWord} with fewer votes
        </p>
      )}
      {coverage && (
        <p className="muted small" data-testid="majority-coverage">
          {coverage}
        </p>
      )}
    </>
  );
}

function ClusterRow({ view }: { view: ClusterView }) {
  return (
    <tr
      className={view.isMajority || view.tiedForTop ? 'answer-cluster answer-cluster--top' : 'answer-cluster'}
      data-testid="answer-cluster"
      data-votes={view.votes}
      data-majority={String(view.isMajority)}
      data-gold={String(view.matchesGold)}
      data-tied={String(view.tiedForTop)}
    >
      <td className="answer-cluster__answer">
        <AnswerText text={view.answer} />
      </td>
      <td className="answer-cluster__votes" title={`${view.loggedCorrect} of them graded correct in the log`}>
        {view.votes.toLocaleString('en-US')} {view.votes === 1 ? 'vote' : 'votes'}
      </td>
      <td className="answer-cluster__share">
        <span className="share-bar" aria-hidden="true">
          <span className="share-bar__fill" style={{ width: `${Math.round(view.share * 100)}%` }} />
        </span>
        <span className="small">{view.shareText}</span>
      </td>
      <td className="answer-cluster__marks">
        {view.isMajority && <span className="badge badge--accent">majority</span>}
        {view.tiedForTop && <span className="badge badge--warn">tie</span>}
        {view.matchesGold && <span className="badge badge--ok">= gold</span>}
      </td>
    </tr>
  );
}

function SuspectGoldCallout({
  summary,
  majority,
  votes,
}: {
  summary: PromptAnswerSummary;
  majority: string;
  votes: number;
}) {
  const counted = countedRollouts(summary);
  return (
    <div className="notice notice--warn suspect-gold" role="note" data-testid="suspect-gold-callout">
      <strong>Suspect gold answer</strong>
      <p className="small">
        None of the {counted.toLocaleString('en-US')} rollouts matches the gold answer, while{' '}
        {votes.toLocaleString('en-US')} of them ({formatShare(votes / Math.max(1, counted))}) agree on another one. The
        gold answer may be wrong, or mangled in the data.
      </p>
      <div className="suspect-gold__pair">
        <div>
          <span className="suspect-gold__label">Gold{summary.goldSource === 'correction' ? ' (corrected)' : ''}</span>
          <AnswerText text={summary.goldAnswer} testId="suspect-gold-gold" />
        </div>
        <div>
          <span className="suspect-gold__label">Majority</span>
          <AnswerText text={majority} testId="suspect-gold-majority" />
        </div>
      </div>
    </div>
  );
}
