// A running job: phase, progress bar, rows, rate, time left, and Cancel; bytes read for jobs whose
// progress counts bytes (imports; other jobs count characters or rows in those fields).
import type { Job } from '../../../shared/domain';
import { formatBytes, formatCount, formatEta, formatRate, progressFraction } from './format-progress';

export function JobProgressBar({
  job,
  onCancel,
  testId,
  showBytes = false,
}: {
  job: Job | undefined;
  onCancel?: () => void;
  testId?: string;
  showBytes?: boolean;
}) {
  const progress = job?.progress ?? null;
  const fraction = progressFraction(progress);
  return (
    <div className="job-progress" data-testid={testId} data-status={job?.status ?? 'queued'}>
      <div className="job-progress__top">
        <span>{progress?.phase ?? (job?.status === 'queued' || !job ? 'Waiting to start…' : job.title)}</span>
        <span className="muted">{fraction === null ? '' : `${Math.floor(fraction * 100)}%`}</span>
      </div>
      {fraction === null ? <progress /> : <progress max={1} value={fraction} />}
      <div className="job-progress__stats small muted">
        {showBytes && progress && progress.bytesTotal > 0 && (
          <span data-testid={testId ? `${testId}-bytes` : undefined}>
            {formatBytes(progress.bytesDone)} of {formatBytes(progress.bytesTotal)}
          </span>
        )}
        <span data-testid={testId ? `${testId}-rows` : undefined}>{formatCount(progress?.rows ?? 0)} rows</span>
        {progress && progress.badRows > 0 && <span className="warn-text">{formatCount(progress.badRows)} bad</span>}
        <span>{formatRate(progress?.rowsPerSecond ?? 0)}</span>
        <span>ETA {formatEta(progress?.etaSeconds)}</span>
      </div>
      {onCancel && (
        <div className="job-progress__actions">
          <button
            type="button"
            className="button button--ghost"
            onClick={onCancel}
            data-testid={testId ? `${testId}-cancel` : undefined}
          >
            Cancel
          </button>
        </div>
      )}
    </div>
  );
}
