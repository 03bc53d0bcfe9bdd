// The end of a rollout import: rollouts, format, runs and steps, prompts matched to a prompt set or not,
// every bad line (file, line, field, message), and a way to open a prompt page of the new rollouts.
import { useState } from 'react';
import type { Job } from '../../../shared/domain';
import { useServices } from '../app-context';
import { ImportOutcome } from './ImportOutcome';
import { IssueTable } from './IssueTable';
import { matchedPromptHash, unmatchedPromptHash, useRuns } from './imported-runs';
import { promptMatch, readRolloutOutcome, rolloutSummary } from './rollout-result';

interface RolloutImportResultProps {
  job: Job;
  /** Leaves the wizard for a page route (a location hash). */
  onOpenPage(hash: string): void;
}

export function RolloutImportResult({ job, onOpenPage }: RolloutImportResultProps) {
  const services = useServices();
  const done = job.status === 'done';
  const outcome = readRolloutOutcome(job.result);
  const match = promptMatch(outcome, useRuns(done));
  const summary = done ? rolloutSummary(outcome, match) : [];
  const [looking, setLooking] = useState(false);
  const [notFound, setNotFound] = useState<string | null>(null);
  const runIds = outcome.runs.map((r) => r.id);

  const open = async (find: typeof matchedPromptHash, what: string) => {
    setLooking(true);
    setNotFound(null);
    const hash = await find(services, runIds);
    setLooking(false);
    if (hash) onOpenPage(hash);
    else setNotFound(`No ${what} prompt found; the counts may have changed since.`);
  };

  return (
    <div className="import-result" data-testid="import-result" data-status={job.status} data-kind="rollouts">
      <ImportOutcome
        job={job}
        summary={summary}
        finishedText="Rollout import finished."
        cancelledText="Import cancelled. Nothing from this log was kept."
      />
      {done && match && (
        <div className="rollout-result__actions">
          <button
            type="button"
            className="button"
            disabled={looking || match.matched === 0}
            onClick={() => void open(matchedPromptHash, 'matched')}
            data-testid="import-open-prompt"
          >
            Open a matched prompt
          </button>
          <button
            type="button"
            className="button button--ghost"
            disabled={looking || match.unmatched === 0}
            onClick={() => void open(unmatchedPromptHash, 'unmatched')}
            data-testid="import-open-unmatched"
          >
            Open an unmatched prompt
          </button>
        </div>
      )}
      {done && match && match.unmatched > 0 && (
        <p className="muted small">Unmatched prompts join a prompt set when one with the same question is imported.</p>
      )}
      {notFound && <p className="notice notice--warn">{notFound}</p>}
      {job.issueCount > 0 && (
        <>
          <h3>
            {job.issueCount.toLocaleString('en-US')} bad line{job.issueCount === 1 ? '' : 's'} in the log
          </h3>
          <IssueTable issues={job.issues} total={job.issueCount} testId="import-result-issues" />
        </>
      )}
    </div>
  );
}
