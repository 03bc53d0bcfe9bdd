// Step 4: how the import ended: counts, duplicates and every reported problem (file, line, field).
import type { Job } from '../../../shared/domain';
import { IssueTable } from './IssueTable';
import { jobSummary } from './job-summary';

export function ImportResult({ job }: { job: Job }) {
  const summary = jobSummary(job);
  return (
    <div className="import-result" data-testid="import-result" data-status={job.status}>
      {job.status === 'done' && <p className="notice notice--ok">Import finished.</p>}
      {job.status === 'cancelled' && <p className="notice notice--warn">Import cancelled. Nothing from this file was kept.</p>}
      {job.status === 'failed' && (
        <p className="notice notice--error" data-testid="import-failure">
          Import failed: {job.error?.message ?? 'unknown error'}
        </p>
      )}
      {summary.length > 0 && (
        <dl className="facts facts--summary" data-testid="import-summary">
          {summary.map((item) => (
            <div key={item.key} className="facts__pair" data-testid={`import-summary-${item.key}`}>
              <dt>{item.label}</dt>
              <dd>{item.value}</dd>
            </div>
          ))}
        </dl>
      )}
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
