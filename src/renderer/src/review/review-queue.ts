// The review queue as a pure state machine: the rows of the current filter and sort, loaded a page at
// a time ahead of the cursor, so the next items are always there before the reviewer asks for them.
//
// Labelling can move rows out of the filter while the queue walks it (review "not yet labelled" and
// label one): every later row then sits one offset lower on the server. The queue counts its own writes
// since a page was requested and starts the next page that many rows earlier, dropping ids it already
// holds, so no row is skipped and none is shown twice.
import type { PromptRow } from '../../../shared/domain';

export const PAGE_SIZE = 50;
/** Ask for the next page when the cursor comes this close to the end of what is loaded. */
export const PRELOAD_MARGIN = 10;

export interface PageRequest {
  offset: number;
  limit: number;
  /** Writes counted when the request left; those are accounted for once it lands. */
  writesAtRequest: number;
}

export interface ReviewQueueState {
  rows: PromptRow[];
  cursor: number;
  /** Matching rows on the server at the last page (moves as labels move rows in or out of the filter). */
  total: number | null;
  /** Where the next page starts on the server if nothing changed. */
  serverOffset: number;
  exhausted: boolean;
  pending: PageRequest | null;
  /** Writes that may have moved rows out of the filter since the last page was requested. */
  writes: number;
  /** The reviewer pressed "next" on the last loaded row while a page was on its way. */
  advanceWhenLoaded: boolean;
}

export type ReviewQueueEvent =
  | { type: 'requested'; request: PageRequest }
  | { type: 'loaded'; request: PageRequest; rows: PromptRow[]; total: number }
  | { type: 'failed'; request: PageRequest }
  | { type: 'move'; delta: number }
  | { type: 'jump'; index: number }
  | { type: 'wrote' };

export const initialQueue: ReviewQueueState = {
  rows: [],
  cursor: 0,
  total: null,
  serverOffset: 0,
  exhausted: false,
  pending: null,
  writes: 0,
  advanceWhenLoaded: false,
};

/** The page to ask for now, or null (one at a time; only near the end; never past the last row). */
export function nextRequest(state: ReviewQueueState): PageRequest | null {
  if (state.pending || state.exhausted) return null;
  if (state.rows.length > 0 && state.rows.length - 1 - state.cursor > PRELOAD_MARGIN) return null;
  const back = Math.min(state.writes, state.serverOffset);
  return { offset: state.serverOffset - back, limit: PAGE_SIZE + back, writesAtRequest: state.writes };
}

const sameRequest = (a: PageRequest | null, b: PageRequest) =>
  a !== null && a.offset === b.offset && a.limit === b.limit && a.writesAtRequest === b.writesAtRequest;

export function reviewQueueReducer(state: ReviewQueueState, event: ReviewQueueEvent): ReviewQueueState {
  switch (event.type) {
    case 'requested':
      return { ...state, pending: event.request };
    case 'failed':
      return sameRequest(state.pending, event.request) ? { ...state, pending: null, advanceWhenLoaded: false } : state;
    case 'loaded': {
      // An answer to a request the queue no longer waits for (it was reset) is dropped.
      if (!sameRequest(state.pending, event.request)) return state;
      const known = new Set(state.rows.map((r) => r.id));
      const fresh = event.rows.filter((r) => !known.has(r.id));
      const rows = fresh.length > 0 ? [...state.rows, ...fresh] : state.rows;
      const advance = state.advanceWhenLoaded && fresh.length > 0;
      return {
        ...state,
        rows,
        total: event.total,
        serverOffset: event.request.offset + event.rows.length,
        exhausted: event.rows.length < event.request.limit,
        pending: null,
        writes: Math.max(0, state.writes - event.request.writesAtRequest),
        cursor: advance ? state.cursor + 1 : state.cursor,
        advanceWhenLoaded: false,
      };
    }
    case 'move': {
      if (state.rows.length === 0) return state;
      const target = state.cursor + event.delta;
      if (target > state.rows.length - 1) {
        // Past the loaded rows: wait for the page in flight (or the next one) and step once it lands.
        const more = !state.exhausted;
        return { ...state, cursor: state.rows.length - 1, advanceWhenLoaded: more && target === state.rows.length };
      }
      return { ...state, cursor: Math.max(0, target), advanceWhenLoaded: false };
    }
    case 'jump':
      if (state.rows.length === 0) return state;
      return { ...state, cursor: Math.min(state.rows.length - 1, Math.max(0, event.index)), advanceWhenLoaded: false };
    case 'wrote':
      return { ...state, writes: state.writes + 1 };
  }
}

export function currentRow(state: ReviewQueueState): PromptRow | null {
  return state.rows[state.cursor] ?? null;
}

/** The rows worth fetching in full ahead of time: the current one and the next. */
export function rowsToPreload(state: ReviewQueueState): PromptRow[] {
  return [state.rows[state.cursor], state.rows[state.cursor + 1]].filter((r): r is PromptRow => r !== undefined);
}

/**
 * How long the queue is: loaded rows plus what the server still holds past them. Rows labelled out of
 * the filter after loading stay in the queue (the reviewer saw them), so this is not the live total.
 */
export function queueLength(state: ReviewQueueState): number | null {
  if (state.total === null) return null;
  return state.rows.length + (state.exhausted ? 0 : Math.max(0, state.total - state.serverOffset));
}

/** At the last row, with nothing more to load. */
export function atEnd(state: ReviewQueueState): boolean {
  return state.exhausted && state.rows.length > 0 && state.cursor === state.rows.length - 1;
}
