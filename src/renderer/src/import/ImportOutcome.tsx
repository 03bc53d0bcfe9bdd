// How an import job ended, shared by prompt-set and rollout imports: the status notice and the summary
// facts. Each result view adds what is particular to its kind (actions, issue heading).
import type { Job } from '../../../shared/domain';
import type { SummaryItem } from './job-summary';

interface ImportOutcomeProps {
  job: Job;
  summary: SummaryItem[];
  finishedText: string;
  cancelledText: string;
}

export function ImportOutcome({ job, summary, finishedText, cancelledText }: ImportOutcomeProps) {
  return (
    <>
      {job.status === 'done' && <p className="notice notice--ok">{finishedText}</p>}
      {job.status === 'cancelled' && <p className="notice notice--warn">{cancelledText}</p>}
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
    </>
  );
}
