// Labels and notes on rollouts and token spans, and rollout labels rolled up to prompt filters. The
// rollouts come from a small self-written log imported through the contract.
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../../../test/temp-workspace';
import { importFile, jsonl, simplePrompts, writeFile } from '../import/import-test-helpers';
import { createCore } from '../index';
import type { Core } from '../index';
import { idsOf, importRollouts, labelId, unwrap } from './curation-test-kit';

describe('rollout and span labels', () => {
  let tmp: ReturnType<typeof tempDir>;
  let core: Core;
  let prompts: number[];
  const rolloutsOf = async (promptId: number) =>
    unwrap(await core.invoke('rollouts.list', { promptId })).rows.map((r) => r.id);
  beforeAll(async () => {
    tmp = tempDir();
    core = createCore({ dbPath: path.join(tmp.dir, 'ws.db') });
    const questions = simplePrompts(4);
    await importFile(core, { path: writeFile(tmp.dir, 'set.jsonl', jsonl(questions)) });
    prompts = await idsOf(core);
    const r = (i: number, response: string, reward: number) => ({
      question: questions[i]?.question as string,
      gold: `${i}`,
      response,
      reward,
    });
    await importRollouts(core, tmp.dir, [
      r(0, 'so the answer is 0', 1),
      r(0, 'the answer is 7', 0),
      r(1, 'we get 1 then box 1', 1),
      r(2, 'we get 2', 1),
    ]);
  });
  afterAll(async () => {
    await core.close();
    tmp.cleanup();
  });

  it('labels rollouts and spans, shows them per rollout, and rolls them up to prompts', async () => {
    const [r0a] = (await rolloutsOf(prompts[0] as number)) as [number];
    const [r1] = (await rolloutsOf(prompts[1] as number)) as [number];
    const hacking = await labelId(core, 'rollout', 'reward hacking');
    const firstError = await labelId(core, 'span', 'first error');

    unwrap(
      await core.invoke('labels.toggle', {
        item: { target: 'rollout', id: r0a },
        labelId: hacking,
        annotator: 'alice',
      }),
    );
    const span = unwrap(
      await core.invoke('labels.toggle', {
        item: { target: 'span', id: r1, start: 1, end: 3 },
        labelId: firstError,
        annotator: 'alice',
      }),
    );
    unwrap(
      await core.invoke('notes.set', {
        item: { target: 'span', id: r1, start: 1, end: 3 },
        text: 'wrong step',
        annotator: 'alice',
      }),
    );
    expect(span.annotations).toMatchObject({
      target: 'rollout',
      id: r1,
      labels: [],
      spans: [{ start: 1, end: 3, labels: [{ name: 'first error', annotator: 'alice' }] }],
    });
    const [shown] = unwrap(await core.invoke('annotations.get', { target: 'rollout', ids: [r1] }));
    expect(shown?.spans).toEqual([
      expect.objectContaining({ start: 1, end: 3, notes: [expect.objectContaining({ text: 'wrong step' })] }),
    ]);

    expect(await idsOf(core, { labels: [{ op: 'rolloutHas', labelIds: [hacking] }] })).toEqual([prompts[0]]);
    expect(await idsOf(core, { labels: [{ op: 'rolloutHas', labelIds: [firstError] }] })).toEqual([prompts[1]]);
    expect(await idsOf(core, { labels: [{ op: 'rolloutHas' }] })).toEqual([prompts[0], prompts[1]]);
    expect(await idsOf(core, { labels: [{ op: 'rolloutHasNot' }] })).toEqual([prompts[2], prompts[3]]);
    expect(await idsOf(core, { labels: [{ op: 'rolloutHas', annotator: 'bob' }] })).toEqual([]);

    const history = unwrap(await core.invoke('history.forItem', { target: 'rollout', id: r1 }));
    expect(history.map((h) => [h.field, h.span, h.newValue])).toEqual([
      ['note', { start: 1, end: 3 }, 'wrong step'],
      ['label', { start: 1, end: 3 }, 'on'],
    ]);
  });

  it('checks spans against the rollout and labels against their target', async () => {
    const [r2] = (await rolloutsOf(prompts[2] as number)) as [number];
    const firstError = await labelId(core, 'span', 'first error');
    const hacking = await labelId(core, 'rollout', 'reward hacking');
    const tokens = unwrap(await core.invoke('rollouts.get', { id: r2 })).tokenCount as number;
    expect(tokens).toBeGreaterThan(0);
    expect(
      await core.invoke('labels.toggle', {
        item: { target: 'span', id: r2, start: 0, end: tokens + 1 },
        labelId: firstError,
      }),
    ).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(
      await core.invoke('labels.toggle', { item: { target: 'span', id: r2, start: 2, end: 2 }, labelId: firstError }),
    ).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(
      await core.invoke('labels.toggle', { item: { target: 'span', id: r2, start: 0, end: 1 }, labelId: hacking }),
    ).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(
      await core.invoke('labels.toggle', { item: { target: 'rollout', id: 99_999 }, labelId: hacking }),
    ).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(
      (
        await core.invoke('labels.toggle', {
          item: { target: 'span', id: r2, start: 0, end: tokens },
          labelId: firstError,
        })
      ).ok,
    ).toBe(true);
    // Bulk on rollouts by id, undone as one batch.
    const all = [...(await rolloutsOf(prompts[0] as number)), r2];
    expect(
      unwrap(
        await core.invoke('labels.bulk', {
          selection: { kind: 'ids', target: 'rollout', ids: all },
          labelId: hacking,
          action: 'add',
          annotator: 'zoe',
        }),
      ),
    ).toMatchObject({ matched: 3, willChange: 3 });
    expect(await idsOf(core, { labels: [{ op: 'rolloutHas', labelIds: [hacking], annotator: 'zoe' }] })).toEqual([
      prompts[0],
      prompts[2],
    ]);
    expect(unwrap(await core.invoke('history.undo', { annotator: 'zoe' })).reverted).toBe(3);
    expect(await idsOf(core, { labels: [{ op: 'rolloutHas', labelIds: [hacking], annotator: 'zoe' }] })).toEqual([]);
  });
});
