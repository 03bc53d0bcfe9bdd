// The import wizard: prompt set or rollout log → pick a file → preview and mapping (prompt sets) or
// options (rollout logs) → progress → result. Closing it while the job runs keeps the job going; the app
// reopens the wizard on the same job from the toolbar, so the job's kind (not local state) picks the result.
import { useState } from 'react';
import type { ImportPreview, Job } from '../../../shared/domain';
import type { RpcError } from '../../../shared/errors';
import { useServices } from '../app-context';
import { JobProgressBar } from '../jobs/JobProgressBar';
import { isFinished } from '../jobs/use-job';
import { Dialog } from '../shell/Dialog';
import { nameFromFile } from './file-name';
import { ImportKindChooser } from './ImportKindChooser';
import type { ImportKind } from './ImportKindChooser';
import { AlreadyImported, isAlreadyImported } from './AlreadyImported';
import { ImportResult } from './ImportResult';
import { PickFileStep } from './PickFileStep';
import { PreviewStep } from './PreviewStep';
import type { ImportOptions } from './PreviewStep';
import { RolloutImportResult } from './RolloutImportResult';
import { RolloutOptionsStep } from './RolloutOptionsStep';
import { initialRolloutForm, rolloutImportInput } from './rollout-options';
import type { RolloutForm } from './rollout-options';
import { ROLLOUT_IMPORT_JOB_KIND } from './rollout-result';

interface ImportWizardProps {
  /** The import job of this session (followed by the app, so it survives closing the wizard). */
  jobId: number | null;
  job: Job | undefined;
  onJobStarted(jobId: number): void;
  onReset(): void;
  onClose(): void;
}

type Previewing = { path: string; displayName: string; preview: ImportPreview; options: ImportOptions };
/** A rollout log picked (file or folder) and its import options; there is no preview step for logs. */
type RolloutSource = { path: string; displayName: string; form: RolloutForm };

export function ImportWizard({ jobId, job, onJobStarted, onReset, onClose }: ImportWizardProps) {
  const { transport } = useServices();
  const [kind, setKind] = useState<ImportKind>('prompts');
  const [previewing, setPreviewing] = useState<Previewing | null>(null);
  const [rolloutSource, setRolloutSource] = useState<RolloutSource | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<RpcError | null>(null);
  const finished = isFinished(job);

  /** `options` given: the user changed the format (detect the mapping again) or the mapping (keep theirs). */
  const runPreview = async (
    path: string,
    originalName: string | undefined,
    options?: ImportOptions,
    formatChanged = false,
  ) => {
    setBusy(true);
    setError(null);
    const input = !options
      ? { path }
      : formatChanged
        ? { path, format: options.format }
        : { path, format: options.format, mapping: options.mapping };
    const result = await transport.call('import.preview', input);
    setBusy(false);
    if (!result.ok) return setError(result.error);
    const preview = result.value;
    setPreviewing({
      path,
      displayName: originalName ?? preview.fileName,
      preview,
      options: options
        ? { ...options, format: preview.format, mapping: formatChanged ? preview.mapping : options.mapping }
        : {
            format: preview.format,
            mapping: preview.mapping,
            datasetName: originalName ? nameFromFile(originalName) : preview.suggestedName,
            onBadRecord: 'abort',
          },
    });
  };

  const start = async (again = false) => {
    if (!previewing) return;
    const { path, options } = previewing;
    setBusy(true);
    setError(null);
    const result = await transport.call('import.prompts', {
      path,
      format: options.format,
      mapping: options.mapping,
      datasetName: options.datasetName.trim(),
      onBadRecord: options.onBadRecord,
      again,
    });
    setBusy(false);
    if (!result.ok) return setError(result.error);
    onJobStarted(result.value.jobId);
  };

  const startRollouts = async (again = false) => {
    if (!rolloutSource) return;
    const request = rolloutImportInput(rolloutSource.path, rolloutSource.form);
    if (!request.ok) return setError({ code: 'INVALID_INPUT', message: request.message });
    setBusy(true);
    setError(null);
    const result = await transport.call('import.rollouts', { ...request.input, again });
    setBusy(false);
    // A path that does not exist or a format that cannot be recognised fails here, before any job.
    if (!result.ok) return setError(result.error);
    onJobStarted(result.value.jobId);
  };

  const onPicked = (path: string, originalName?: string) => {
    if (kind === 'prompts') return void runPreview(path, originalName);
    const displayName = originalName ?? path;
    setError(null);
    setRolloutSource({ path, displayName, form: initialRolloutForm(displayName) });
  };

  const openPage = (hash: string) => {
    onClose();
    window.location.hash = hash;
  };

  const cancel = async () => {
    if (jobId === null) return;
    const result = await transport.call('jobs.cancel', { id: jobId });
    if (!result.ok) setError(result.error);
  };

  const importAnother = () => {
    setPreviewing(null);
    setRolloutSource(null);
    setError(null);
    onReset();
  };

  const rolloutJob = job ? job.kind === ROLLOUT_IMPORT_JOB_KIND : kind === 'rollouts';
  let body;
  if (jobId !== null) {
    body =
      finished && job ? (
        <>
          {rolloutJob ? <RolloutImportResult job={job} onOpenPage={openPage} /> : <ImportResult job={job} />}
          <footer className="dialog__footer">
            <button type="button" className="button button--ghost" onClick={importAnother}>
              Import another file
            </button>
            <button type="button" className="button button--primary" onClick={onClose} data-testid="import-done">
              Done
            </button>
          </footer>
        </>
      ) : (
        <JobProgressBar job={job} onCancel={() => void cancel()} testId="import-progress" showBytes />
      );
  } else if (previewing) {
    body = (
      <PreviewStep
        preview={previewing.preview}
        displayName={previewing.displayName}
        options={previewing.options}
        busy={busy}
        onOptions={(options, repreview) => {
          setPreviewing({ ...previewing, options });
          if (repreview)
            void runPreview(
              previewing.path,
              previewing.displayName,
              options,
              options.format !== previewing.options.format,
            );
        }}
        onBack={() => setPreviewing(null)}
        onStart={() => void start()}
      />
    );
  } else if (rolloutSource) {
    body = (
      <RolloutOptionsStep
        displayName={rolloutSource.displayName}
        form={rolloutSource.form}
        busy={busy}
        onForm={(form) => setRolloutSource({ ...rolloutSource, form })}
        onBack={() => {
          setRolloutSource(null);
          setError(null);
        }}
        onStart={() => void startRollouts()}
      />
    );
  } else {
    body = (
      <>
        <ImportKindChooser
          kind={kind}
          disabled={busy}
          onChange={(next) => {
            setKind(next);
            setError(null);
          }}
        />
        <PickFileStep key={kind} kind={kind} busy={busy} onPicked={onPicked} onError={setError} />
      </>
    );
  }

  return (
    <Dialog title="Import prompts or rollouts" onClose={onClose} testId="import-wizard" wide>
      {error && isAlreadyImported(error) ? (
        <AlreadyImported
          error={error}
          busy={busy}
          onAgain={() => void (previewing ? start(true) : startRollouts(true))}
          onCancel={() => setError(null)}
        />
      ) : (
        error && (
          <p className="notice notice--error" role="alert" data-testid="import-error">
            {error.message}
          </p>
        )
      )}
      {body}
    </Dialog>
  );
}
