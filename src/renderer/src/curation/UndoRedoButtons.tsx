// Undo / Redo buttons naming what they would revert, and the outcome of the last one.
import { describeUndo } from './history-format';
import type { UndoRedo } from './use-undo-redo';

export function UndoRedoButtons({ undoRedo }: { undoRedo: UndoRedo }) {
  const { status, lastResult, undo, redo } = undoRedo;
  const message = describeUndo(lastResult);
  return (
    <div className="undo-redo">
      <button
        type="button"
        className="button button--small"
        disabled={!status?.undo}
        title={status?.undo ? `Undo: ${status.undo.description} (Ctrl+Z)` : 'Nothing to undo'}
        onClick={() => void undo()}
        data-testid="undo-button"
      >
        ↶ Undo
      </button>
      <button
        type="button"
        className="button button--small"
        disabled={!status?.redo}
        title={status?.redo ? `Redo: ${status.redo.description.replace(/^Undo: /, '')} (Ctrl+Shift+Z)` : 'Nothing to redo'}
        onClick={() => void redo()}
        data-testid="redo-button"
      >
        ↷ Redo
      </button>
      {message && (
        <span className="undo-redo__message small muted" data-testid="undo-message" role="status">
          {message}
        </span>
      )}
    </div>
  );
}
