import { describe, expect, it } from 'vitest';
import { findInPages } from './find-in-pages';

/** 2,500 rollouts of which only #2,100 has a prompt, served in pages as 'rollouts.list' does. */
const rows = Array.from({ length: 2500 }, (_, i) => ({ id: i + 1, promptId: i === 2099 ? 77 : null }));

function pager(data: typeof rows, limit: number) {
  const offsets: number[] = [];
  const fetchPage = async (offset: number) => {
    offsets.push(offset);
    return { rows: data.slice(offset, offset + limit), total: data.length };
  };
  return { fetchPage, offsets };
}

describe('findInPages', () => {
  it('reads page after page until a row yields a value', async () => {
    const { fetchPage, offsets } = pager(rows, 1000);
    expect(await findInPages(fetchPage, (r) => r.promptId, 10)).toBe(77);
    expect(offsets).toEqual([0, 1000, 2000]);
  });

  it('stops at the end of the list or after maxPages without a match', async () => {
    const none = rows.map((r) => ({ ...r, promptId: null }));
    const all = pager(none, 1000);
    expect(await findInPages(all.fetchPage, (r) => r.promptId, 10)).toBeNull();
    expect(all.offsets).toEqual([0, 1000, 2000]);
    const capped = pager(rows, 1000);
    expect(await findInPages(capped.fetchPage, (r) => r.promptId, 2)).toBeNull();
    expect(capped.offsets).toEqual([0, 1000]);
  });

  it('gives up when a page cannot be read', async () => {
    expect(
      await findInPages(
        async () => null,
        (r: { promptId: number | null }) => r.promptId,
        5,
      ),
    ).toBeNull();
  });
});
