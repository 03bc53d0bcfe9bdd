// Who is annotating: the name every label, note and history entry carries. Default: the OS user.
import { useState } from 'react';
import { callOrReport, useServices } from '../app-context';
import { Dialog } from '../shell/Dialog';
import { useCuration } from './curation-context';

export function SettingsDialog({ onClose }: { onClose(): void }) {
  const services = useServices();
  const { settings } = useCuration();
  const [name, setName] = useState(settings && !settings.annotatorIsDefault ? settings.annotator : '');
  const [busy, setBusy] = useState(false);

  const save = async (annotator: string | null) => {
    setBusy(true);
    const saved = await callOrReport(services, 'settings.set', { annotator });
    setBusy(false);
    if (saved) onClose();
  };

  return (
    <Dialog title="Settings" onClose={onClose} testId="settings-dialog">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void save(name.trim() === '' ? null : name.trim());
        }}
      >
        <label className="stacked">
          <span>Annotator name</span>
          <input
            type="text"
            value={name}
            maxLength={200}
            placeholder={settings?.annotatorIsDefault ? settings.annotator : 'your name'}
            autoFocus
            data-testid="settings-annotator"
            onChange={(e) => setName(e.target.value)}
          />
          <span className="muted small">
            Stamped on every label, note and history entry, and used for undo.{' '}
            {settings?.annotatorIsDefault ? `Now the OS user “${settings.annotator}”.` : ''} Leave empty to use the OS
            user.
          </span>
        </label>
        <div className="dialog__footer">
          <button type="button" className="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="button button--primary" disabled={busy} data-testid="settings-save">
            Save
          </button>
        </div>
      </form>
    </Dialog>
  );
}
