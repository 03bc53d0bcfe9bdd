import { describe, expect, it } from 'vitest';
import type { PromptRow } from '../../../shared/domain';
import {
  PAGE_SIZE,
  PRELOAD_MARGIN,
  atEnd,
  queueLength,
  currentRow,
  initialQueue,
  nextRequest,
  reviewQueueReducer,
  rowsToPreload,
} from './review-queue';
import type { ReviewQueueEvent, ReviewQueueState } from './review-queue';

const row = (id: number): PromptRow => ({
  id,
  datasetId: 1,
  dataset: 'd',
  sourceId: null,
  question: `q${id}`,
  goldAnswer: null,
  passRate: null,
  source: null,
  subject: null,
  level: null,
});

/** A server whose filter is "not labelled yet": labelling a row takes it out of later pages. */
class FakeServer {
  readonly labelled = new Set<number>();
  constructor(private readonly all: PromptRow[]) {}
  page(offset: number, limit: number) {
    const matching = this.all.filter((r) => !this.labelled.has(r.id));
    return { rows: matching.slice(offset, offset + limit), total: matching.length };
  }
}

function apply(state: ReviewQueueState, ...events: ReviewQueueEvent[]): ReviewQueueState {
  return events.reduce(reviewQueueReducer, state);
}

/** Loads whatever the queue asks for right away (a fast server). */
function settle(state: ReviewQueueState, server: FakeServer): ReviewQueueState {
  let s = state;
  for (let request = nextRequest(s); request; request = nextRequest(s)) {
    const page = server.page(request.offset, request.limit);
    s = apply(s, { type: 'requested', request }, { type: 'loaded', request, ...page });
  }
  return s;
}

const ids = (n: number) => Array.from({ length: n }, (_, i) => i + 1);

describe('review queue', () => {
  it('loads the first page, then the next only when the cursor nears the end', () => {
    const server = new FakeServer(ids(120).map(row));
    let s = settle(initialQueue, server);
    expect(s.rows).toHaveLength(PAGE_SIZE);
    expect(s.total).toBe(120);
    expect(queueLength(s)).toBe(120);
    expect(currentRow(s)?.id).toBe(1);
    s = apply(s, { type: 'move', delta: PAGE_SIZE - PRELOAD_MARGIN - 2 });
    expect(nextRequest(s)).toBeNull();
    s = apply(s, { type: 'move', delta: 1 });
    expect(nextRequest(s)).toEqual({ offset: PAGE_SIZE, limit: PAGE_SIZE, writesAtRequest: 0 });
  });

  it('visits every row exactly once while labelling rows out of the filter', () => {
    const all = ids(173).map(row);
    const server = new FakeServer(all);
    let s = settle(initialQueue, server);
    const seen: number[] = [];
    for (;;) {
      const current = currentRow(s);
      if (!current) break;
      seen.push(current.id);
      // Label two rows of every three: they leave the filter on the server at once.
      if (current.id % 3 !== 0) {
        server.labelled.add(current.id);
        s = apply(s, { type: 'wrote' });
      }
      if (atEnd(s)) break;
      s = settle(apply(s, { type: 'move', delta: 1 }), server);
    }
    expect(seen).toEqual(all.map((r) => r.id));
    expect(queueLength(s)).toBe(all.length);
    // The server now holds only the unlabelled third.
    expect(server.page(0, 1000).total).toBe(all.filter((r) => r.id % 3 === 0).length);
  });

  it('moves back and forth within loaded rows and clamps at the start', () => {
    const server = new FakeServer(ids(5).map(row));
    let s = settle(initialQueue, server);
    expect(s.exhausted).toBe(true);
    s = apply(s, { type: 'move', delta: 3 }, { type: 'move', delta: -1 });
    expect(currentRow(s)?.id).toBe(3);
    s = apply(s, { type: 'move', delta: -10 });
    expect(currentRow(s)?.id).toBe(1);
    s = apply(s, { type: 'jump', index: 99 });
    expect(currentRow(s)?.id).toBe(5);
    expect(atEnd(s)).toBe(true);
    // Past the end of an exhausted queue nothing waits for more.
    s = apply(s, { type: 'move', delta: 1 });
    expect(s.advanceWhenLoaded).toBe(false);
    expect(currentRow(s)?.id).toBe(5);
  });

  it('steps forward once the page in flight lands when "next" was pressed on the last loaded row', () => {
    const server = new FakeServer(ids(80).map(row));
    let s = settle(initialQueue, server);
    s = apply(s, { type: 'jump', index: PAGE_SIZE - 1 });
    const request = nextRequest(s);
    expect(request).not.toBeNull();
    if (!request) return;
    s = apply(s, { type: 'requested', request }, { type: 'move', delta: 1 });
    expect(currentRow(s)?.id).toBe(PAGE_SIZE);
    expect(nextRequest(s)).toBeNull(); // one request at a time
    s = apply(s, { type: 'loaded', request, ...server.page(request.offset, request.limit) });
    expect(currentRow(s)?.id).toBe(PAGE_SIZE + 1);
    expect(s.advanceWhenLoaded).toBe(false);
  });

  it('drops answers to requests it no longer waits for, and retries after a failure', () => {
    const server = new FakeServer(ids(10).map(row));
    const request = nextRequest(initialQueue);
    expect(request).toEqual({ offset: 0, limit: PAGE_SIZE, writesAtRequest: 0 });
    if (!request) return;
    const stale = { ...request, writesAtRequest: 7 };
    let s = apply(
      initialQueue,
      { type: 'requested', request },
      { type: 'loaded', request: stale, ...server.page(0, 50) },
    );
    expect(s.rows).toHaveLength(0);
    s = apply(s, { type: 'failed', request });
    expect(s.pending).toBeNull();
    expect(nextRequest(s)).toEqual(request);
  });

  it('preloads the current and the next row, and reports an empty filter as empty', () => {
    const server = new FakeServer(ids(3).map(row));
    const s = settle(initialQueue, server);
    expect(rowsToPreload(s).map((r) => r.id)).toEqual([1, 2]);
    expect(rowsToPreload(apply(s, { type: 'jump', index: 2 })).map((r) => r.id)).toEqual([3]);
    const empty = settle(initialQueue, new FakeServer([]));
    expect(empty.total).toBe(0);
    expect(currentRow(empty)).toBeNull();
    expect(atEnd(empty)).toBe(false);
    expect(apply(empty, { type: 'move', delta: 1 })).toBe(empty);
  });
});
