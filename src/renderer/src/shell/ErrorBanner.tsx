// Errors from calls, shown until dismissed. Messages come from RpcError values and are rendered as text.
import type { RpcError } from '../../../shared/errors';

export interface ShownError {
  id: number;
  error: RpcError;
}

export function ErrorBanner({ errors, onDismiss }: { errors: ShownError[]; onDismiss(id: number): void }) {
  if (errors.length === 0) return null;
  return (
    <div className="error-banner" role="alert" data-testid="error-banner">
      {errors.map(({ id, error }) => (
        <div key={id} className="error-banner__item">
          <span className="error-banner__code mono">{error.code}</span>
          <span className="error-banner__message">{error.message}</span>
          <button type="button" className="icon-button" aria-label="Dismiss error" onClick={() => onDismiss(id)}>
            ×
          </button>
        </div>
      ))}
    </div>
  );
}
