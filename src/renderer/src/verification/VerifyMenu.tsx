// The top bar's "Re-verify…" entry. It owns the job, so closing the dialog does not lose it: while the
// job runs with the dialog closed, the button shows its progress and reopens the dialog.
import { useCallback, useState } from 'react';
import { progressFraction } from '../jobs/format-progress';
import { isFinished, useJob } from '../jobs/use-job';
import { VerifyDialog } from './VerifyDialog';
import { ALL_RUNS } from './verify-scope';
import type { ScopeChoice } from './verify-scope';

export function VerifyMenu() {
  const [open, setOpen] = useState(false);
  const [started, setStarted] = useState<{ jobId: number; choice: ScopeChoice } | null>(null);
  const [choice, setChoice] = useState<ScopeChoice>(ALL_RUNS);
  // Counts finished jobs, so the dialog's "re-verified so far" is asked again after one.
  const [finishedJobs, setFinishedJobs] = useState(0);
  const countFinished = useCallback(() => setFinishedJobs((n) => n + 1), []);
  const job = useJob(started?.jobId ?? null, countFinished);
  const running = started !== null && !isFinished(job);
  const fraction = progressFraction(job?.progress);

  const close = useCallback(() => setOpen(false), []);
  const onStarted = useCallback((jobId: number, scope: ScopeChoice) => setStarted({ jobId, choice: scope }), []);
  const reset = useCallback(() => setStarted(null), []);
  return (
    <>
      <button
        type="button"
        className="button button--ghost"
        onClick={() => setOpen(true)}
        data-testid="verify-button"
        data-job-status={job?.status ?? ''}
        title="Re-check every rollout’s final answer against the gold answer"
      >
        {running ? `Re-verifying… ${fraction === null ? '' : `${Math.floor(fraction * 100)}%`}` : 'Re-verify…'}
      </button>
      {open && (
        <VerifyDialog
          finishedJobs={finishedJobs}
          choice={choice}
          onChoice={setChoice}
          started={started}
          job={job}
          onStarted={onStarted}
          onReset={reset}
          onClose={close}
        />
      )}
    </>
  );
}
