// A new workspace: import a file, or load generated demo data to look around first.
import type { Job } from '../../../shared/domain';
import { JobProgressBar } from '../jobs/JobProgressBar';

interface EmptyStateProps {
  demoJob: Job | undefined;
  demoRunning: boolean;
  onImport(): void;
  onLoadDemo(): void;
  onCancelDemo(): void;
}

export function EmptyState({ demoJob, demoRunning, onImport, onLoadDemo, onCancelDemo }: EmptyStateProps) {
  return (
    <div className="empty-state" data-testid="empty-state">
      <div className="empty-state__card">
        <h2>This workspace has no prompts yet</h2>
        <p className="muted">
          Import a prompt set (JSONL, JSON, CSV or Parquet) to curate it, or load a generated demo set to look around
          first.
        </p>
        <div className="empty-state__actions">
          <button
            type="button"
            className="button button--primary"
            onClick={onImport}
            disabled={demoRunning}
            data-testid="empty-import"
          >
            Import…
          </button>
          <button type="button" className="button" onClick={onLoadDemo} disabled={demoRunning} data-testid="empty-demo">
            Load demo data
          </button>
        </div>
        {demoRunning && <JobProgressBar job={demoJob} onCancel={onCancelDemo} testId="demo-progress" />}
        {demoJob?.status === 'failed' && (
          <p className="notice notice--error">Loading the demo failed: {demoJob.error?.message}</p>
        )}
      </div>
    </div>
  );
}
