// The top bar's "Contamination…" entry. It owns the job, so closing the dialog does not lose it: while the job runs
// with the dialog closed, the button shows its progress and reopens the dialog.
import { useCallback, useState } from 'react';
import { progressFraction } from '../jobs/format-progress';
import { isFinished, useJob } from '../jobs/use-job';
import { ContaminationDialog } from './ContaminationDialog';

export function ContaminationMenu() {
  const [open, setOpen] = useState(false);
  const [jobId, setJobId] = useState<number | null>(null);
  const [refreshKey, setRefreshKey] = useState(0);
  const bump = useCallback(() => setRefreshKey((n) => n + 1), []);
  const job = useJob(jobId, bump);
  const running = jobId !== null && !isFinished(job);
  const fraction = progressFraction(job?.progress);
  return (
    <>
      <button
        type="button"
        className="button button--ghost"
        onClick={() => setOpen(true)}
        data-testid="contamination-button"
        data-job-status={job?.status ?? ''}
        title="Check training prompts against benchmarks; group near-duplicates"
      >
        {running ? `Checking… ${fraction === null ? '' : `${Math.floor(fraction * 100)}%`}` : 'Contamination…'}
      </button>
      {open && (
        <ContaminationDialog
          jobId={jobId}
          job={job}
          refreshKey={refreshKey}
          onRoleChanged={bump}
          onStarted={setJobId}
          onReset={() => setJobId(null)}
          onClose={() => setOpen(false)}
        />
      )}
    </>
  );
}
