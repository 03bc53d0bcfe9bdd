// Top-bar curation entries: the label taxonomy, agreement between annotators, and who is annotating.
import { useState } from 'react';
import { AgreementDialog } from './AgreementDialog';
import { useCuration } from './curation-context';
import { SettingsDialog } from './SettingsDialog';
import { TaxonomyEditor } from './TaxonomyEditor';

type Open = 'labels' | 'agreement' | 'settings' | null;

export function CurationMenu() {
  const { settings } = useCuration();
  const [open, setOpen] = useState<Open>(null);
  const close = () => setOpen(null);
  return (
    <>
      <button
        type="button"
        className="button button--ghost"
        onClick={() => setOpen('labels')}
        data-testid="labels-button"
      >
        Labels
      </button>
      <button
        type="button"
        className="button button--ghost"
        onClick={() => setOpen('agreement')}
        data-testid="agreement-button"
      >
        Agreement
      </button>
      <button
        type="button"
        className="button button--ghost topbar__annotator"
        onClick={() => setOpen('settings')}
        title="Annotator name (settings)"
        data-testid="settings-button"
        data-annotator={settings?.annotator ?? ''}
      >
        <span className="muted">Annotator</span> {settings?.annotator ?? '…'}
      </button>
      {open === 'labels' && <TaxonomyEditor onClose={close} />}
      {open === 'agreement' && <AgreementDialog onClose={close} />}
      {open === 'settings' && <SettingsDialog onClose={close} />}
    </>
  );
}
