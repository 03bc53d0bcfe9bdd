// The prompt side of the page: question, gold answer, dataset facts, and the empirical pass rate over
// its rollouts (overall, per run, and by step as a small chart).
import type { PromptDetail } from '../../../shared/domain';
import type { PromptRolloutStats } from '../../../shared/rollouts';
import { MathText } from '../math/MathText';
import { MajorityAnswerPanel } from '../verification/MajorityAnswerPanel';
import { AnswerText } from './AnswerText';
import { PassRateChart } from './PassRateChart';
import type { PassRateSeries } from './PassRateChart';
import type { GroupStats } from './rollout-group';

interface QuestionPanelProps {
  prompt: PromptDetail | null;
  question: string | null;
  goldAnswer: unknown;
  stats: PromptRolloutStats | null;
  local: GroupStats;
  runName: string | null;
}

const pct = (v: number | null) => (v === null ? '—' : `${(v * 100).toFixed(1)}%`);

export function QuestionPanel({ prompt, question, goldAnswer, stats, local, runName }: QuestionPanelProps) {
  const series: PassRateSeries[] = stats
    ? stats.runs.map((r) => ({
        name: r.runName,
        steps: r.steps.map((s) => ({ step: s.step, passRate: s.passRate, graded: s.graded })),
      }))
    : [
        {
          name: runName ?? 'run',
          steps: local.steps.map((s) => ({ step: s.step, passRate: s.passRate, graded: s.graded })),
        },
      ];
  const overall = stats ?? local;
  return (
    <aside className="prompt-side" data-testid="prompt-side">
      <section className="detail-section">
        <h3>Question</h3>
        {question === null ? (
          <p className="muted">No question text.</p>
        ) : (
          <MathText text={question} className="detail-question" testId="page-question" />
        )}
      </section>
      <section className="detail-section">
        <h3>Gold answer</h3>
        <div className="detail-answer">
          <AnswerText value={goldAnswer} testId="page-gold" />
        </div>
      </section>
      {prompt && <MajorityAnswerPanel promptId={prompt.id} refreshKey={prompt} />}
      {prompt && (
        <section className="detail-section">
          <h3>Dataset</h3>
          <dl className="facts" data-testid="page-facts">
            <dt>Dataset</dt>
            <dd>{prompt.dataset}</dd>
            {prompt.sourceId !== null && (
              <>
                <dt>Source ID</dt>
                <dd>{prompt.sourceId}</dd>
              </>
            )}
            {prompt.subject !== null && (
              <>
                <dt>Subject</dt>
                <dd>{prompt.subject}</dd>
              </>
            )}
            {prompt.level !== null && (
              <>
                <dt>Level</dt>
                <dd>{prompt.level}</dd>
              </>
            )}
            <dt>Pass rate (dataset)</dt>
            <dd>{pct(prompt.passRate)}</dd>
          </dl>
        </section>
      )}
      <section className="detail-section" data-testid="page-stats">
        <h3>Rollouts</h3>
        <dl className="facts">
          <dt>Empirical pass rate</dt>
          <dd data-testid="empirical-pass-rate" data-value={overall.passRate ?? ''}>
            {pct(overall.passRate)}{' '}
            <span className="muted small">
              ({overall.correct} of {overall.graded} graded)
            </span>
          </dd>
          {stats &&
            stats.runs.length > 1 &&
            stats.runs.map((r) => (
              <div key={r.runId} className="facts__row">
                <dt>{r.runName}</dt>
                <dd>
                  {pct(r.passRate)}{' '}
                  <span className="muted small">
                    ({r.correct}/{r.graded})
                  </span>
                </dd>
              </div>
            ))}
        </dl>
        <PassRateChart series={series} />
      </section>
    </aside>
  );
}
