// Step 4: how the import ended: counts, duplicates and every reported problem (file, line, field).
import type { Job } from '../../../shared/domain';
import { ImportOutcome } from './ImportOutcome';
import { IssueTable } from './IssueTable';
import { jobSummary } from './job-summary';

export function ImportResult({ job }: { job: Job }) {
  const summary = jobSummary(job);
  return (
    <div className="import-result" data-testid="import-result" data-status={job.status}>
      <ImportOutcome
        job={job}
        summary={summary}
        finishedText="Import finished."
        cancelledText="Import cancelled. Nothing from this file was kept."
      />
      {job.issueCount > 0 && (
        <>
          <h3>
            {job.issueCount.toLocaleString('en-US')} problem{job.issueCount === 1 ? '' : 's'} in the file
          </h3>
          <IssueTable issues={job.issues} total={job.issueCount} testId="import-result-issues" />
        </>
      )}
    </div>
  );
}
