// Drives the review queue state machine (review-queue.ts) against 'prompts.page' for a fixed filter and
// sort: whenever the machine asks for a page, fetch it.
import { useCallback, useEffect, useReducer } from 'react';
import type { PromptFilter, SortSpec } from '../../../shared/domain';
import { useServices } from '../app-context';
import { initialQueue, nextRequest, reviewQueueReducer } from './review-queue';
import type { ReviewQueueState } from './review-queue';

export interface ReviewQueue {
  state: ReviewQueueState;
  move(delta: number): void;
  jump(index: number): void;
  /** Call after each write: labels may have moved rows out of the filter on the server. */
  wrote(): void;
}

export function useReviewQueue(filter: PromptFilter, sort: SortSpec[]): ReviewQueue {
  const services = useServices();
  const [state, dispatch] = useReducer(reviewQueueReducer, initialQueue);
  const request = nextRequest(state);
  const requestKey = request ? JSON.stringify(request) : null;

  useEffect(() => {
    if (!requestKey) return;
    const req = JSON.parse(requestKey) as NonNullable<typeof request>;
    dispatch({ type: 'requested', request: req });
    void services.transport
      .call('prompts.page', { filter, sort, offset: req.offset, limit: req.limit })
      .then((result) => {
        if (result.ok) dispatch({ type: 'loaded', request: req, rows: result.value.rows, total: result.value.total });
        else {
          services.reportError(result.error);
          dispatch({ type: 'failed', request: req });
        }
      });
    // filter and sort are fixed for the life of a queue (the screen remounts it for a new one).
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [requestKey, services]);

  return {
    state,
    move: useCallback((delta: number) => dispatch({ type: 'move', delta }), []),
    jump: useCallback((index: number) => dispatch({ type: 'jump', index }), []),
    wrote: useCallback(() => dispatch({ type: 'wrote' }), []),
  };
}
