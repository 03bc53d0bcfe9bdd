// Asked when the file to import was imported before (same size and content): a second copy doubles every
// count, so it is made only when the user says so.
import type { RpcError } from '../../../shared/errors';

export function isAlreadyImported(error: RpcError): boolean {
  return (
    error.code === 'CONFLICT' && (error.details as { reason?: unknown } | undefined)?.reason === 'already-imported'
  );
}

export function AlreadyImported({
  error,
  busy,
  onAgain,
  onCancel,
}: {
  error: RpcError;
  busy: boolean;
  onAgain(): void;
  onCancel(): void;
}) {
  // The core's message ends with the CLI flag; the buttons say it here.
  const message = error.message.replace(/\s*Import it again only to make a second copy.*$/, '');
  return (
    <div
      className="notice notice--warn"
      role="alertdialog"
      aria-label="Already imported"
      data-testid="import-again-ask"
    >
      <p>{message}</p>
      <p>Importing it again makes a second copy.</p>
      <div className="dialog__footer">
        <button type="button" className="button button--ghost" onClick={onCancel} disabled={busy}>
          Cancel
        </button>
        <button
          type="button"
          className="button button--primary"
          onClick={onAgain}
          disabled={busy}
          data-testid="import-again"
        >
          Import again
        </button>
      </div>
    </div>
  );
}
