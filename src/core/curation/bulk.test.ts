// Bulk labelling: the preview counts first, the bulk edit is one history batch, and one undo restores
// every row (including rows that already had the label, which the edit must not touch).
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempDir } from '../../../test/temp-workspace';
import type { PromptFilter } from '../../shared/domain';
import { createCore } from '../index';
import type { Core } from '../index';
import { idsOf, labelId, loadDemo, unwrap } from './curation-test-kit';

describe('bulk labels', () => {
  let tmp: ReturnType<typeof tempDir>;
  let core: Core;
  beforeEach(async () => {
    tmp = tempDir();
    core = createCore({ dbPath: path.join(tmp.dir, 'ws.db') });
    await loadDemo(core, 400, 21);
  });
  afterEach(async () => {
    await core.close();
    tmp.cleanup();
  });

  /** Prompt id -> sorted "annotator:label" strings, for the whole workspace. */
  async function snapshot(): Promise<Map<number, string[]>> {
    const all = await idsOf(core, {}, 1000);
    const rows = unwrap(await core.invoke('annotations.get', { target: 'prompt', ids: all }));
    return new Map(rows.map((r) => [r.id, r.labels.map((l) => `${l.annotator}:${l.name}`).sort()]));
  }

  it('labels the 41 rows of a filter and one undo restores all of them', async () => {
    const all = await idsOf(core, {}, 1000);
    // A filter matching exactly 41 prompts: an id range over the 41 ids starting at the 10th.
    const first = all[9] as number;
    const last = all[49] as number;
    const filter: PromptFilter = { columns: { id: { kind: 'number', op: 'inRange', value: first, valueTo: last } } };
    const inFilter = await idsOf(core, filter);
    expect(inFilter).toHaveLength(41);
    const drop = await labelId(core, 'prompt', 'drop');
    // Two rows already carry the label (one by the same annotator, one by another): the bulk edit must
    // leave them as they are, and the undo must not remove them.
    unwrap(
      await core.invoke('labels.toggle', {
        item: { target: 'prompt', id: inFilter[3] as number },
        labelId: drop,
        annotator: 'dana',
      }),
    );
    unwrap(
      await core.invoke('labels.toggle', {
        item: { target: 'prompt', id: inFilter[4] as number },
        labelId: drop,
        annotator: 'eve',
      }),
    );
    const before = await snapshot();

    const request = {
      selection: { kind: 'filter' as const, filter },
      labelId: drop,
      action: 'add' as const,
      annotator: 'dana',
    };
    expect(unwrap(await core.invoke('labels.bulkPreview', request))).toEqual({ matched: 41, willChange: 40 });
    const result = unwrap(await core.invoke('labels.bulk', request));
    expect(result).toMatchObject({ matched: 41, willChange: 40 });
    const after = await snapshot();
    for (const id of inFilter) expect(after.get(id)).toContain('dana:drop');
    for (const id of all.filter((i) => !inFilter.includes(i))) expect(after.get(id)).toEqual(before.get(id));
    expect(await idsOf(core, { labels: [{ op: 'has', labelIds: [drop], annotator: 'dana' }] })).toEqual(inFilter);
    expect(unwrap(await core.invoke('history.batches', { annotator: 'dana', limit: 1 }))[0]).toMatchObject({
      id: result.batchId,
      kind: 'bulk',
      changeCount: 40,
    });
    // The history of one row names the batch.
    expect(
      unwrap(await core.invoke('history.forItem', { target: 'prompt', id: inFilter[0] as number }))[0],
    ).toMatchObject({ batchId: result.batchId, oldValue: 'off', newValue: 'on' });

    const undone = unwrap(await core.invoke('history.undo', { annotator: 'dana' }));
    expect(undone).toMatchObject({ reverted: 40, skipped: 0 });
    expect(await snapshot()).toEqual(before);

    unwrap(await core.invoke('history.redo', { annotator: 'dana' }));
    expect(await snapshot()).toEqual(after);
    // And removing in bulk, undone, puts back exactly what was there.
    const removal = { ...request, action: 'remove' as const };
    expect(unwrap(await core.invoke('labels.bulkPreview', removal))).toEqual({ matched: 41, willChange: 41 });
    unwrap(await core.invoke('labels.bulk', removal));
    expect(await idsOf(core, { labels: [{ op: 'has', labelIds: [drop], annotator: 'dana' }] })).toEqual([]);
    unwrap(await core.invoke('history.undo', { annotator: 'dana' }));
    expect(await snapshot()).toEqual(after);
  });

  it('labels an id list, skips unknown ids, and refuses a label of another target', async () => {
    const ids = await idsOf(core, {}, 5);
    const tooEasy = await labelId(core, 'prompt', 'too easy');
    const preview = unwrap(
      await core.invoke('labels.bulkPreview', {
        selection: { kind: 'ids', target: 'prompt', ids: [...ids, 987_654] },
        labelId: tooEasy,
        action: 'add',
      }),
    );
    expect(preview).toEqual({ matched: 5, willChange: 5 });
    const nothing = unwrap(
      await core.invoke('labels.bulk', {
        selection: { kind: 'ids', target: 'prompt', ids },
        labelId: tooEasy,
        action: 'remove',
      }),
    );
    expect(nothing).toEqual({ matched: 5, willChange: 0, batchId: null });
    const exemplar = await labelId(core, 'rollout', 'exemplar');
    expect(
      await core.invoke('labels.bulk', {
        selection: { kind: 'ids', target: 'prompt', ids },
        labelId: exemplar,
        action: 'add',
      }),
    ).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT' },
    });
  });

  it('label filters count the same in the grid and the facets, and clear cached orders on writes', async () => {
    const keep = await labelId(core, 'prompt', 'keep');
    const filter: PromptFilter = { labels: [{ op: 'has', labelIds: [keep] }] };
    // Fetch (and cache) the ordered ids and facet cells before labelling: the label write must drop them.
    expect(unwrap(await core.invoke('prompts.page', { filter })).total).toBe(0);
    expect(unwrap(await core.invoke('prompts.facets', { filter })).total).toBe(0);
    const geometry = await idsOf(core, { subjects: ['Geometry'] });
    unwrap(
      await core.invoke('labels.bulk', {
        selection: { kind: 'filter', filter: { subjects: ['Geometry'] } },
        labelId: keep,
        action: 'add',
      }),
    );
    const page = unwrap(await core.invoke('prompts.page', { filter }));
    const facets = unwrap(await core.invoke('prompts.facets', { filter }));
    expect(page.total).toBe(geometry.length);
    expect(facets.total).toBe(geometry.length);
    expect(facets.subjects).toEqual([expect.objectContaining({ value: 'Geometry', count: geometry.length })]);
    const notKept = unwrap(
      await core.invoke('prompts.page', { filter: { labels: [{ op: 'hasNot', labelIds: [keep] }] } }),
    ).total;
    expect(notKept + geometry.length).toBe(unwrap(await core.invoke('prompts.page', {})).total);
  });
});
