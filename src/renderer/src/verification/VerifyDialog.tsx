// Re-verify…: pick the rollouts (a run or every run; a dataset's prompts or any), see how many are
// already verified, start the job; then its progress bar with Cancel; then the summary of the result.
import type { Job } from '../../../shared/domain';
import { callOrReport, useServices } from '../app-context';
import { JobProgressBar } from '../jobs/JobProgressBar';
import { isFinished } from '../jobs/use-job';
import { Dialog } from '../shell/Dialog';
import { useContractValue } from './use-contract-value';
import { idFromSelect, scopeLabel, toVerifyScope } from './verify-scope';
import type { ScopeChoice } from './verify-scope';
import { VerifyResult } from './VerifyResult';
import './verification.css';

interface VerifyDialogProps {
  /** Changes when a job ends: the counts before a new job are asked again. */
  finishedJobs: number;
  choice: ScopeChoice;
  onChoice(choice: ScopeChoice): void;
  /** The job this menu started, with the scope it covers. */
  started: { jobId: number; choice: ScopeChoice } | null;
  job: Job | undefined;
  onStarted(jobId: number, choice: ScopeChoice): void;
  onReset(): void;
  onClose(): void;
}

export function VerifyDialog({
  finishedJobs,
  choice,
  onChoice,
  started,
  job,
  onStarted,
  onReset,
  onClose,
}: VerifyDialogProps) {
  const services = useServices();
  const runsResult = useContractValue('runs.list', {});
  const datasetsResult = useContractValue('datasets.list', {});
  const runs = runsResult.state === 'error' ? [] : (runsResult.value ?? []);
  const datasets = datasetsResult.state === 'error' ? [] : (datasetsResult.value ?? []);
  const runNames = new Map(runs.map((r) => [r.id, r.name]));
  const datasetNames = new Map(datasets.map((d) => [d.id, d.name]));
  const finished = started !== null && isFinished(job);
  const running = started !== null && !finished;

  const before = useContractValue('verify.summary', started === null ? toVerifyScope(choice) : null, finishedJobs);
  const current = before.state === 'error' ? null : before.value;

  const start = async () => {
    const result = await callOrReport(services, 'verify.start', toVerifyScope(choice));
    if (result) onStarted(result.jobId, choice);
  };
  const cancel = () => started && void callOrReport(services, 'jobs.cancel', { id: started.jobId });

  return (
    <Dialog title="Re-verify answers" onClose={onClose} testId="verify-dialog" wide>
      {started === null ? (
        <>
          <p className="muted small">
            Extracts each rollout’s final answer and checks it against the gold answer (a curator’s correction first,
            then the prompt set’s, then the log’s). Nothing changes until every rollout is checked.
          </p>
          <div className="verify-scope">
            <label className="stacked">
              <span>Rollouts</span>
              <select
                value={choice.runId ?? ''}
                onChange={(e) => onChoice({ ...choice, runId: idFromSelect(e.target.value) })}
                data-testid="verify-run"
              >
                <option value="">Every run</option>
                {runs.map((r) => (
                  <option key={r.id} value={r.id}>
                    {r.name} ({r.rollouts.toLocaleString('en-US')} rollouts)
                  </option>
                ))}
              </select>
            </label>
            <label className="stacked">
              <span>Prompts</span>
              <select
                value={choice.datasetId ?? ''}
                onChange={(e) => onChoice({ ...choice, datasetId: idFromSelect(e.target.value) })}
                data-testid="verify-dataset"
              >
                <option value="">Any prompt</option>
                {datasets.map((d) => (
                  <option key={d.id} value={d.id}>
                    {d.name}
                  </option>
                ))}
              </select>
            </label>
          </div>
          {runsResult.state === 'ready' && runs.length === 0 ? (
            <p className="notice notice--warn">There are no rollouts to re-verify: import a rollout log first.</p>
          ) : (
            <p className="small" data-testid="verify-before" data-rollouts={current?.rollouts ?? ''}>
              {current === null
                ? 'Counting rollouts…'
                : `${current.rollouts.toLocaleString('en-US')} rollouts in ` +
                  `${scopeLabel(choice, runNames, datasetNames)}; ` +
                  `${current.verified.toLocaleString('en-US')} re-verified so far.`}
            </p>
          )}
          {before.state === 'error' && <p className="notice notice--error">{before.error.message}</p>}
          <div className="dialog__footer">
            <button type="button" className="button" onClick={onClose}>
              Cancel
            </button>
            <button
              type="button"
              className="button button--primary"
              disabled={!current || current.rollouts === 0}
              onClick={() => void start()}
              data-testid="verify-start"
            >
              Re-verify {current ? `${current.rollouts.toLocaleString('en-US')} rollouts` : ''}
            </button>
          </div>
        </>
      ) : (
        <>
          <p className="small">Re-verifying {scopeLabel(started.choice, runNames, datasetNames)}.</p>
          {running && <JobProgressBar job={job} onCancel={cancel} testId="verify-progress" />}
          {job?.status === 'cancelled' && (
            <p className="notice notice--warn" data-testid="verify-cancelled">
              Cancelled: no verdict was changed.
            </p>
          )}
          {job?.status === 'failed' && (
            <p className="notice notice--error" data-testid="verify-failed">
              Re-verification failed: {job.error?.message ?? 'unknown error'}
            </p>
          )}
          {job?.status === 'done' && <VerifyResult scope={toVerifyScope(started.choice)} onOpenPrompt={onClose} />}
          <div className="dialog__footer">
            {finished && (
              <button type="button" className="button" onClick={onReset} data-testid="verify-again">
                Re-verify other rollouts
              </button>
            )}
            <button type="button" className="button button--primary" onClick={onClose} data-testid="verify-close">
              {running ? 'Close (the job goes on)' : 'Close'}
            </button>
          </div>
        </>
      )}
    </Dialog>
  );
}
