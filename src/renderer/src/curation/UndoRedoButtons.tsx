// Undo / Redo buttons naming what they would revert, and the outcome of the last one.
import { describeUndo } from './history-format';
import type { UndoRedo } from './use-undo-redo';

/** `compact`: arrows only (the grid toolbar); the full labels in review's roomier header. */
export function UndoRedoButtons({ undoRedo, compact = false }: { undoRedo: UndoRedo; compact?: boolean }) {
  const { status, lastResult, undo, redo } = undoRedo;
  const message = describeUndo(lastResult);
  return (
    <div className="undo-redo">
      <button
        type="button"
        className="button button--small"
        disabled={!status?.undo}
        title={status?.undo ? `Undo: ${status.undo.description} (Ctrl+Z)` : 'Nothing to undo'}
        aria-label="Undo"
        onClick={() => void undo()}
        data-testid="undo-button"
      >
        ↶{compact ? '' : ' Undo'}
      </button>
      <button
        type="button"
        className="button button--small"
        disabled={!status?.redo}
        title={
          status?.redo ? `Redo: ${status.redo.description.replace(/^Undo: /, '')} (Ctrl+Shift+Z)` : 'Nothing to redo'
        }
        aria-label="Redo"
        onClick={() => void redo()}
        data-testid="redo-button"
      >
        ↷{compact ? '' : ' Redo'}
      </button>
      {message && (
        <span className="undo-redo__message small muted" data-testid="undo-message" role="status">
          {message}
        </span>
      )}
    </div>
  );
}
