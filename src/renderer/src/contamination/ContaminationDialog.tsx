// Contamination…: mark which datasets are benchmarks, set the thresholds, run the check (a job with progress and
// Cancel), then read what it found. Findings appear in the side panel's Contamination group and the detail pane.
import { useState } from 'react';
import type { Dataset, Job } from '../../../shared/domain';
import { callOrReport, useServices } from '../app-context';
import { JobProgressBar } from '../jobs/JobProgressBar';
import { isFinished } from '../jobs/use-job';
import { Dialog } from '../shell/Dialog';
import { useContractValue } from '../verification/use-contract-value';
import './contamination.css';

export interface CheckOptions {
  jaccard: number;
  ngramCoverage: number;
  clusters: boolean;
  force: boolean;
}

export const DEFAULT_CHECK_OPTIONS: CheckOptions = { jaccard: 0.7, ngramCoverage: 0.5, clusters: true, force: false };

interface ContaminationDialogProps {
  jobId: number | null;
  job: Job | undefined;
  /** Changes when a job ends or a role changes: the lists are asked again. */
  refreshKey: number;
  onRoleChanged(): void;
  onStarted(jobId: number): void;
  onReset(): void;
  onClose(): void;
}

function RoleTable({ datasets, onRole }: { datasets: Dataset[]; onRole(id: number, role: Dataset['role']): void }) {
  return (
    <table className="contamination-roles" data-testid="contamination-roles">
      <thead>
        <tr>
          <th>Dataset</th>
          <th>Prompts</th>
          <th>Role</th>
        </tr>
      </thead>
      <tbody>
        {datasets.map((d) => (
          <tr key={d.id}>
            <td>{d.name}</td>
            <td>{d.promptCount.toLocaleString('en-US')}</td>
            <td>
              <select
                value={d.role}
                onChange={(e) => onRole(d.id, e.target.value as Dataset['role'])}
                aria-label={`Role of ${d.name}`}
                data-testid={`dataset-role-${d.name}`}
              >
                <option value="train">Training data</option>
                <option value="benchmark">Benchmark</option>
              </select>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function Result({ job }: { job: Job }) {
  if (job.status !== 'done')
    return (
      <p className="error-text">
        {job.status === 'cancelled' ? 'Cancelled; earlier findings were kept.' : job.error?.message}
      </p>
    );
  const r = job.result ?? {};
  if (r.upToDate)
    return (
      <p data-testid="contamination-result" data-flagged="">
        Nothing new to check: every dataset was checked against the same benchmarks and settings.
      </p>
    );
  const prompts = Number(r.prompts ?? 0).toLocaleString('en-US');
  const seconds = Number(r.seconds ?? 0).toFixed(1);
  return (
    <p data-testid="contamination-result" data-flagged={String(r.flagged ?? 0)}>
      Checked {prompts} prompts in {seconds} s: <strong>{String(r.flagged ?? 0)} flagged</strong> (
      {String(r.matches ?? 0)} matches), {String(r.clusters ?? 0)} near-duplicate clusters. Use the side panel’s
      Contamination group to see them.
    </p>
  );
}

export function ContaminationDialog(props: ContaminationDialogProps) {
  const { jobId, job, refreshKey, onRoleChanged, onStarted, onReset, onClose } = props;
  const services = useServices();
  const [options, setOptions] = useState<CheckOptions>(DEFAULT_CHECK_OPTIONS);
  const listed = useContractValue('datasets.list', {}, refreshKey);
  const datasets = listed.state === 'error' ? [] : (listed.value ?? []);
  const benchmarks = datasets.filter((d) => d.role === 'benchmark');
  const training = datasets.filter((d) => d.role === 'train');

  const setRole = async (id: number, role: Dataset['role']) => {
    if (await callOrReport(services, 'datasets.setRole', { id, role })) onRoleChanged();
  };
  const start = async () => {
    const started = await callOrReport(services, 'contamination.start', {
      thresholds: { jaccard: options.jaccard, ngramCoverage: options.ngramCoverage },
      clusters: options.clusters,
      force: options.force,
    });
    if (started) onStarted(started.jobId);
  };
  const number = (key: 'jaccard' | 'ngramCoverage', label: string, hint: string) => (
    <label className="stacked" title={hint}>
      <span>{label}</span>
      <input
        type="number"
        min={0.3}
        max={1}
        step={0.05}
        value={options[key]}
        onChange={(e) => setOptions({ ...options, [key]: Number(e.target.value) })}
        data-testid={`contamination-${key}`}
      />
    </label>
  );

  return (
    <Dialog title="Benchmark contamination" onClose={onClose} testId="contamination-dialog" wide>
      {jobId === null ? (
        <>
          <p className="muted small">
            Compares every training prompt with every benchmark item: exact copies after normalisation, the same problem
            with other numbers (templated), shared n-grams and MinHash similarity (near copies); also groups
            near-duplicate training prompts. docs/contamination.md explains each method.
          </p>
          <RoleTable datasets={datasets} onRole={(id, role) => void setRole(id, role)} />
          <div className="contamination-thresholds">
            {number('jaccard', 'MinHash similarity ≥', 'Estimated Jaccard similarity of token 3-grams')}
            {number('ngramCoverage', 'n-gram coverage ≥', 'Share of a benchmark item’s 13-grams (8-grams if short)')}
            <label>
              <input
                type="checkbox"
                checked={options.clusters}
                onChange={(e) => setOptions({ ...options, clusters: e.target.checked })}
              />{' '}
              Group near-duplicates
            </label>
            <label>
              <input
                type="checkbox"
                checked={options.force}
                onChange={(e) => setOptions({ ...options, force: e.target.checked })}
                data-testid="contamination-force"
              />{' '}
              Check again datasets already checked
            </label>
          </div>
          <div className="dialog__footer">
            <span className="muted small">
              {benchmarks.length === 0
                ? 'Mark at least one dataset as a benchmark.'
                : `${training.length} training datasets against ${benchmarks.map((b) => b.name).join(', ')}.`}
            </span>
            <button
              type="button"
              className="button button--primary"
              disabled={benchmarks.length === 0 || training.length === 0}
              onClick={() => void start()}
              data-testid="contamination-start"
            >
              Check
            </button>
          </div>
        </>
      ) : (
        <>
          {!isFinished(job) && (
            <JobProgressBar
              job={job}
              testId="contamination-progress"
              onCancel={() => void callOrReport(services, 'jobs.cancel', { id: jobId })}
            />
          )}
          {job && isFinished(job) && (
            <>
              <Result job={job} />
              <div className="dialog__footer">
                <button type="button" className="button" onClick={onReset} data-testid="contamination-again">
                  New check
                </button>
              </div>
            </>
          )}
        </>
      )}
    </Dialog>
  );
}
