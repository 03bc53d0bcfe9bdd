// "?" in review: every shortcut, the label keys included, and label keys that review shadows.
import { Dialog } from '../shell/Dialog';
import { helpRows } from './review-keymap';
import type { ReviewKeymap } from './review-keymap';

export function ReviewHelp({ keymap, onClose }: { keymap: ReviewKeymap; onClose(): void }) {
  return (
    <Dialog title="Review shortcuts" onClose={onClose} testId="review-help">
      <table className="shortcut-table">
        <tbody>
          {helpRows(keymap).map((row) => (
            <tr key={row.description}>
              <td>
                {row.keys.map((k, i) => (
                  <span key={k}>
                    {i > 0 && <span className="muted"> / </span>}
                    <kbd>{k}</kbd>
                  </span>
                ))}
              </td>
              <td>{row.description}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {keymap.shadowed.length > 0 && (
        <p className="muted small" data-testid="review-help-shadowed">
          In review,{' '}
          {keymap.shadowed.map((s, i) => (
            <span key={s.label.id}>
              {i > 0 && '; '}
              <kbd>{s.key}</kbd> means “{s.takenBy}”, not “{s.label.name}”
            </span>
          ))}
          . Use the number keys for those labels.
        </p>
      )}
    </Dialog>
  );
}
