// Review mode: a keyboard-driven queue over the filter and sort the grid had when review started.
// j/k move, number keys toggle labels, n note, e gold answer, Ctrl+Z / Ctrl+Shift+Z undo and redo,
// ? every shortcut, Esc back to the grid. Each change is written through at once.
import './review.css';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { PromptFilter, SortSpec } from '../../../shared/domain';
import { useCuration } from '../curation/curation-context';
import type { GoldAnswerCorrectionHandle } from '../curation/GoldAnswerCorrection';
import { HistoryPanel } from '../curation/HistoryPanel';
import type { ItemAnnotatorHandle } from '../curation/ItemAnnotator';
import { isTyping, modalOpen } from '../curation/keyboard';
import { labelsForTarget } from '../curation/taxonomy-order';
import { UndoRedoButtons } from '../curation/UndoRedoButtons';
import { useUndoRedo } from '../curation/use-undo-redo';
import { MathText } from '../math/MathText';
import { ReviewCard } from './ReviewCard';
import { ReviewHelp } from './ReviewHelp';
import { actionForKey, buildReviewKeymap, positionKey } from './review-keymap';
import type { ReviewAction } from './review-keymap';
import { atEnd, currentRow, queueLength, rowsToPreload } from './review-queue';
import { ReviewQueueList } from './ReviewQueueList';
import { usePromptDetails } from './use-prompt-details';
import { useReviewQueue } from './use-review-queue';

interface ReviewScreenProps {
  filter: PromptFilter;
  sort: SortSpec[];
  /** A short description of the filter, e.g. "Subject: Geometry". */
  filterTitle: string;
  onExit(): void;
}

export function ReviewScreen({ filter, sort, filterTitle, onExit }: ReviewScreenProps) {
  const { defs, annotations } = useCuration();
  const queue = useReviewQueue(filter, sort);
  const undoRedo = useUndoRedo();
  const [helpOpen, setHelpOpen] = useState(false);
  const annotator = useRef<ItemAnnotatorHandle>(null);
  const gold = useRef<GoldAnswerCorrectionHandle>(null);
  const screen = useRef<HTMLDivElement>(null);
  const keymap = useMemo(() => buildReviewKeymap(defs), [defs]);
  const labels = useMemo(() => labelsForTarget(defs, 'prompt'), [defs]);
  const keyFor = useCallback((labelId: number) => positionKey(labels, labelId), [labels]);

  const { state, move, jump, wrote } = queue;
  const { undo, redo } = undoRedo;
  const row = currentRow(state);
  const preload = rowsToPreload(state);
  const details = usePromptDetails(preload.map((r) => r.id));
  const next = state.rows[state.cursor + 1];

  // The next prompt's labels are fetched with the current one's (the store batches them).
  useEffect(() => {
    if (!next) return;
    return annotations.subscribe(next.id, () => {});
  }, [annotations, next]);

  const takeKeysBack = useCallback(() => screen.current?.focus(), []);

  const run = useCallback(
    (action: ReviewAction) => {
      switch (action.kind) {
        case 'move':
          move(action.delta);
          break;
        case 'toggleLabel':
          void annotator.current?.toggle(action.labelId).then((ok) => ok && wrote());
          break;
        case 'note':
          annotator.current?.focusNote();
          break;
        case 'editGold':
          gold.current?.edit();
          break;
        case 'undo':
          void undo().then(() => wrote());
          break;
        case 'redo':
          void redo().then(() => wrote());
          break;
        case 'help':
          setHelpOpen(true);
          break;
        case 'exit':
          onExit();
          break;
      }
    },
    [move, wrote, undo, redo, onExit],
  );

  // Capture phase: review's keys win over the grid screen's shortcuts underneath.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || isTyping(e.target) || modalOpen()) return;
      const action = actionForKey(keymap, e);
      if (!action) return;
      e.preventDefault();
      e.stopPropagation();
      run(action);
    };
    window.addEventListener('keydown', onKey, { capture: true });
    return () => window.removeEventListener('keydown', onKey, { capture: true });
  }, [keymap, run]);

  useEffect(() => {
    screen.current?.focus();
  }, []);

  const length = queueLength(state);
  const status = state.total === null ? 'loading' : state.rows.length === 0 ? 'empty' : 'ready';
  return (
    <div
      className="review"
      ref={screen}
      tabIndex={-1}
      data-testid="review-screen"
      data-state={status}
      data-position={row ? state.cursor + 1 : 0}
      data-prompt-id={row?.id ?? ''}
    >
      <header className="review__bar">
        <h2>Review</h2>
        <span className="review__position" data-testid="review-position">
          {row ? `${state.cursor + 1} of ${length ?? '…'}` : ''}
        </span>
        <span className="review__filter muted small" title={filterTitle}>
          {filterTitle}
        </span>
        <UndoRedoButtons undoRedo={undoRedo} />
        <button
          type="button"
          className="icon-button icon-button--round"
          aria-label="Review shortcuts"
          onClick={() => setHelpOpen(true)}
          data-testid="review-help-button"
        >
          ?
        </button>
        <button type="button" className="button button--small" onClick={onExit} data-testid="review-exit">
          Back to grid <kbd>Esc</kbd>
        </button>
      </header>
      {status === 'loading' && <p className="review__message muted">Loading the queue…</p>}
      {status === 'empty' && <p className="review__message muted">No prompts match the filter: nothing to review.</p>}
      {row && (
        <div className="review__body">
          <aside className="review__queue">
            <ReviewQueueList rows={state.rows} cursor={state.cursor} onJump={jump} />
          </aside>
          <main className="review__main">
            <ReviewCard
              key={row.id}
              row={row}
              detail={details.get(row.id)}
              annotatorRef={annotator}
              goldRef={gold}
              keyFor={keyFor}
              onDetail={details.put}
              onEditorDone={takeKeysBack}
            />
            {atEnd(state) && (
              <p className="notice notice--ok" data-testid="review-end">
                End of the queue: {length} {length === 1 ? 'prompt' : 'prompts'}.
              </p>
            )}
            {next && (
              // Typesets the next question off screen so that moving on finds KaTeX's output cached.
              <div
                className="review__preload"
                hidden
                data-testid="review-preloaded"
                data-prompt-id={next.id}
                data-ready={details.get(next.id) ? 'true' : 'false'}
              >
                <MathText text={details.get(next.id)?.question ?? next.question} />
              </div>
            )}
          </main>
          <aside className="review__side">
            <h3>History</h3>
            <HistoryPanel target="prompt" id={row.id} testId="review-history" />
          </aside>
        </div>
      )}
      {helpOpen && <ReviewHelp keymap={keymap} onClose={() => setHelpOpen(false)} />}
    </div>
  );
}
