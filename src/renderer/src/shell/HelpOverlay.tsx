// The `?` overlay: every keyboard shortcut in one place.
import { Dialog } from './Dialog';

export const SHORTCUTS: readonly { keys: string[]; action: string }[] = [
  { keys: ['/'], action: 'Search prompts' },
  { keys: ['j', '↓'], action: 'Next prompt' },
  { keys: ['k', '↑'], action: 'Previous prompt' },
  { keys: ['Esc'], action: 'Close a dialog; leave the search box' },
  { keys: ['?'], action: 'Show this help' },
  { keys: ['Ctrl', 'click'], action: 'Sort by several columns' },
  { keys: ['r'], action: 'Review the filtered prompts from the keyboard (? there lists its keys)' },
  { keys: ['Ctrl', 'Z'], action: 'Undo your last label, note, gold-answer or bulk edit' },
  { keys: ['Ctrl', 'Shift', 'Z'], action: 'Redo' },
  { keys: ['n', 'p'], action: 'Trace: next / previous high-importance token' },
  { keys: ['c'], action: 'Trace: the crossing point (the RM’s running probability crosses 0.5 for good)' },
  { keys: ['a'], action: 'Trace: the final answer' },
  { keys: ['←', '→'], action: 'Trace: previous / next token' },
  { keys: ['v'], action: 'Trace: switch between tokens and rendered text' },
];

export function HelpOverlay({ onClose }: { onClose(): void }) {
  return (
    <Dialog title="Keyboard shortcuts" onClose={onClose} testId="help-overlay">
      <table className="shortcut-table">
        <tbody>
          {SHORTCUTS.map((s) => (
            <tr key={s.action}>
              <td>
                {s.keys.map((k, i) => (
                  <span key={k}>
                    {i > 0 && <span className="muted"> {s.keys[0] === 'Ctrl' ? '+' : '/'} </span>}
                    <kbd>{k}</kbd>
                  </span>
                ))}
              </td>
              <td>{s.action}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </Dialog>
  );
}
