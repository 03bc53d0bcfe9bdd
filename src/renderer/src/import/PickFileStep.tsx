// Step 1: choose the file. In the browser the file is uploaded to `rl-curator serve`; a path on the
// machine running the workspace works everywhere (and is how Electron's file dialog will hand files in).
import { useState } from 'react';
import type { ChangeEvent, FormEvent } from 'react';
import type { RpcError } from '../../../shared/errors';
import { useServices } from '../app-context';
import { formatBytes } from '../jobs/format-progress';

interface PickFileStepProps {
  busy: boolean;
  /** `originalName`: the user's file name when the host stored an uploaded copy under another name. */
  onPicked(path: string, originalName?: string): void;
  onError(error: RpcError): void;
}

export function PickFileStep({ busy, onPicked, onError }: PickFileStepProps) {
  const { transport } = useServices();
  const [upload, setUpload] = useState<{ name: string; size: number; fraction: number } | null>(null);
  const [path, setPath] = useState('');

  const onFile = async (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    e.target.value = '';
    if (!file || !transport.upload) return;
    setUpload({ name: file.name, size: file.size, fraction: 0 });
    const result = await transport.upload(file, (fraction) => setUpload({ name: file.name, size: file.size, fraction }));
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
      <p>Prompt sets in JSONL, JSON, CSV or Parquet. Columns are detected automatically; you can adjust the mapping in the next step.</p>
      {transport.upload && (
        <label className={disabled ? 'file-drop file-drop--disabled' : 'file-drop'}>
          <input type="file" accept=".jsonl,.ndjson,.json,.csv,.tsv,.parquet" disabled={disabled} data-testid="import-file-input" onChange={(e) => void onFile(e)} />
          <span className="file-drop__title">Choose a file…</span>
          <span className="muted small">It is copied into the workspace folder and read from there.</span>
        </label>
      )}
      {transport.pickFile && (
        <button type="button" className="file-drop" disabled={disabled} data-testid="import-pick-file" onClick={() => void onDialog()}>
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
      {busy && !upload && <p className="muted" data-testid="import-reading">Reading the file…</p>}
      <form className="path-form" onSubmit={onPath}>
        <label htmlFor="import-path">{transport.upload || transport.pickFile ? 'Or type a path on the machine running the workspace' : 'Path of the file'}</label>
        <div className="path-form__row">
          <input id="import-path" type="text" className="mono" value={path} placeholder="/data/prompts.jsonl" disabled={disabled} data-testid="import-path" onChange={(e) => setPath(e.target.value)} />
          <button type="submit" className="button" disabled={disabled || !path.trim()}>
            Preview
          </button>
        </div>
      </form>
    </div>
  );
}
