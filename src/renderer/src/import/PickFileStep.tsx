// Step 1: choose the file. In the browser the file is uploaded to `rl-curator serve`; a path on the
// machine running the workspace works everywhere (and is how Electron's file dialog will hand files in).
// A rollout log may also be a folder of step files, which only a typed path can name.
import { useState } from 'react';
import type { ChangeEvent, FormEvent } from 'react';
import type { RpcError } from '../../../shared/errors';
import { useServices } from '../app-context';
import { formatBytes } from '../jobs/format-progress';
import type { ImportKind } from './ImportKindChooser';

const TEXTS: Record<
  ImportKind,
  { intro: string; accept: string; pathLabel: string; placeholder: string; submit: string }
> = {
  prompts: {
    intro:
      'Prompt sets in JSONL, JSON, CSV or Parquet. Columns are detected automatically; you can ' +
      'adjust the mapping in the next step.',
    accept: '.jsonl,.ndjson,.json,.csv,.tsv,.parquet',
    pathLabel: 'type a path',
    placeholder: '/data/prompts.jsonl',
    submit: 'Preview',
  },
  rollouts: {
    intro:
      'Rollout logs: RL Curator’s native JSONL, OREAL, verl, TRL, xtuner, evaluation dumps with ' +
      'K responses per line, PRM800K or math-aps. ' +
      'The format is detected when the import starts; a folder of step files is imported as one run.',
    accept: '.jsonl,.ndjson,.json,.parquet',
    pathLabel: 'type the path of a file or a folder',
    placeholder: '/data/trajectories/',
    submit: 'Next',
  },
};

interface PickFileStepProps {
  kind: ImportKind;
  busy: boolean;
  /** `originalName`: the user's file name when the host stored an uploaded copy under another name. */
  onPicked(path: string, originalName?: string): void;
  onError(error: RpcError): void;
}

export function PickFileStep({ kind, busy, onPicked, onError }: PickFileStepProps) {
  const text = TEXTS[kind];
  const { transport } = useServices();
  const [upload, setUpload] = useState<{ name: string; size: number; fraction: number } | null>(null);
  const [path, setPath] = useState('');

  const onFile = async (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    e.target.value = '';
    if (!file || !transport.upload) return;
    setUpload({ name: file.name, size: file.size, fraction: 0 });
    const result = await transport.upload(file, (fraction) =>
      setUpload({ name: file.name, size: file.size, fraction }),
    );
    setUpload(null);
    if (result.ok) onPicked(result.value.path, file.name);
    else onError(result.error);
  };

  const onDialog = async () => {
    if (!transport.pickFile) return;
    const picked = await transport.pickFile();
    if (picked) onPicked(picked);
  };

  const onPath = (e: FormEvent) => {
    e.preventDefault();
    if (path.trim()) onPicked(path.trim());
  };

  const disabled = busy || upload !== null;
  return (
    <div className="pick-step" data-testid="import-pick">
      <p>{text.intro}</p>
      {transport.upload && (
        <label className={disabled ? 'file-drop file-drop--disabled' : 'file-drop'}>
          <input
            type="file"
            accept={text.accept}
            disabled={disabled}
            data-testid="import-file-input"
            onChange={(e) => void onFile(e)}
          />
          <span className="file-drop__title">Choose a file…</span>
          <span className="muted small">It is copied into the workspace folder and read from there.</span>
        </label>
      )}
      {transport.pickFile && (
        <button
          type="button"
          className="file-drop"
          disabled={disabled}
          data-testid="import-pick-file"
          onClick={() => void onDialog()}
        >
          <span className="file-drop__title">Choose a file…</span>
          <span className="muted small">The file is read where it is; nothing is copied.</span>
        </button>
      )}
      {upload && (
        <div className="upload-progress" data-testid="upload-progress">
          <span>
            Uploading {upload.name} ({formatBytes(upload.size)})
          </span>
          <progress max={1} value={upload.fraction} />
        </div>
      )}
      {busy && !upload && (
        <p className="muted" data-testid="import-reading">
          Reading the file…
        </p>
      )}
      <form className="path-form" onSubmit={onPath}>
        <label htmlFor="import-path">
          {transport.upload || transport.pickFile
            ? `Or ${text.pathLabel} on the machine running the workspace`
            : kind === 'rollouts'
              ? 'Path of the file or folder'
              : 'Path of the file'}
        </label>
        <div className="path-form__row">
          <input
            id="import-path"
            type="text"
            className="mono"
            value={path}
            placeholder={text.placeholder}
            disabled={disabled}
            data-testid="import-path"
            onChange={(e) => setPath(e.target.value)}
          />
          <button type="submit" className="button" disabled={disabled || !path.trim()}>
            {text.submit}
          </button>
        </div>
      </form>
    </div>
  );
}
