// Labels, notes and gold-answer corrections through the contract: taxonomy, per-annotator labels,
// history with old -> new values, undo/redo per annotator, and the label and note filters.
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempDir } from '../../../test/temp-workspace';
import { createCore } from '../index';
import type { Core } from '../index';
import { osUserName } from './settings';
import { idsOf, labelId, loadDemo, unwrap } from './curation-test-kit';

describe('curation: labels, notes, gold answers, history', () => {
  let tmp: ReturnType<typeof tempDir>;
  let core: Core;
  beforeEach(async () => {
    tmp = tempDir();
    core = createCore({ dbPath: path.join(tmp.dir, 'ws.db') });
    await loadDemo(core, 300, 11);
  });
  afterEach(async () => {
    await core.close();
    tmp.cleanup();
  });

  it('seeds the math-RL taxonomy with a shortcut and a colour per label', async () => {
    const defs = unwrap(await core.invoke('labels.defs', {}));
    const names = (target: string) => defs.filter((d) => d.target === target).map((d) => d.name);
    expect(names('prompt')).toEqual([
      'keep',
      'drop',
      'wrong gold answer',
      'ambiguous',
      'duplicate',
      'not verifiable',
      'too easy',
      'too hard',
    ]);
    expect(names('rollout')).toEqual([
      'verifier false negative',
      'verifier false positive',
      'reward hacking',
      'truncated',
      'exemplar',
    ]);
    expect(names('span')).toEqual(['first error']);
    for (const d of defs) {
      expect(d.color).toMatch(/^#[0-9a-f]{6}$/);
      expect(d.shortcut).toMatch(/^[a-z]$/);
    }
    // Shortcuts are unique per target.
    for (const target of ['prompt', 'rollout', 'span']) {
      const keys = defs.filter((d) => d.target === target).map((d) => d.shortcut);
      expect(new Set(keys).size).toBe(keys.length);
    }
  });

  it('edits the taxonomy: new labels, name and shortcut clashes, archiving', async () => {
    const created = unwrap(
      await core.invoke('labels.saveDef', { target: 'prompt', name: 'needs figure', shortcut: 'f', color: '#123456' }),
    );
    expect(created).toMatchObject({ target: 'prompt', name: 'needs figure', shortcut: 'f', archived: false });
    expect(await core.invoke('labels.saveDef', { target: 'prompt', name: 'Needs Figure' })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT' },
    });
    expect(await core.invoke('labels.saveDef', { target: 'prompt', name: 'other', shortcut: 'k' })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT' },
    });
    // The same key is free on another target.
    expect((await core.invoke('labels.saveDef', { target: 'span', name: 'nice step', shortcut: 'k' })).ok).toBe(true);
    const renamed = unwrap(
      await core.invoke('labels.saveDef', {
        id: created.id,
        target: 'prompt',
        name: 'needs a figure',
        shortcut: null,
        color: '#654321',
      }),
    );
    expect(renamed).toMatchObject({
      id: created.id,
      name: 'needs a figure',
      shortcut: null,
      position: created.position,
    });
    expect(await core.invoke('labels.saveDef', { id: created.id, target: 'rollout', name: 'moved' })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT' },
    });

    const [promptId] = await idsOf(core, {}, 1);
    unwrap(await core.invoke('labels.archiveDef', { id: created.id }));
    expect(unwrap(await core.invoke('labels.defs', {})).some((d) => d.id === created.id)).toBe(false);
    expect(
      unwrap(await core.invoke('labels.defs', { includeArchived: true })).find((d) => d.id === created.id)?.archived,
    ).toBe(true);
    expect(
      await core.invoke('labels.toggle', { item: { target: 'prompt', id: promptId as number }, labelId: created.id }),
    ).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    unwrap(await core.invoke('labels.archiveDef', { id: created.id, archived: false }));
    expect(
      (await core.invoke('labels.toggle', { item: { target: 'prompt', id: promptId as number }, labelId: created.id }))
        .ok,
    ).toBe(true);
  });

  it('toggles labels per annotator, stamped with the settings annotator (the OS user by default)', async () => {
    const [id] = (await idsOf(core, {}, 1)) as [number];
    const drop = await labelId(core, 'prompt', 'drop');
    expect(unwrap(await core.invoke('settings.get', {}))).toEqual({
      annotator: osUserName(),
      annotatorIsDefault: true,
    });

    const first = unwrap(await core.invoke('labels.toggle', { item: { target: 'prompt', id }, labelId: drop }));
    expect(first.changed).toBe(1);
    expect(first.annotations.labels).toEqual([
      expect.objectContaining({ labelId: drop, name: 'drop', annotator: osUserName() }),
    ]);

    unwrap(await core.invoke('settings.set', { annotator: 'alice' }));
    expect(unwrap(await core.invoke('settings.get', {}))).toEqual({ annotator: 'alice', annotatorIsDefault: false });
    const second = unwrap(await core.invoke('labels.toggle', { item: { target: 'prompt', id }, labelId: drop }));
    expect(second.annotations.labels.map((l) => l.annotator).sort()).toEqual(['alice', osUserName()].sort());
    // Setting the label explicitly to what it is changes nothing and records nothing.
    const same = unwrap(
      await core.invoke('labels.toggle', { item: { target: 'prompt', id }, labelId: drop, on: true }),
    );
    expect(same).toMatchObject({ batchId: null, changed: 0 });
    // alice's toggle removes only her label.
    const third = unwrap(await core.invoke('labels.toggle', { item: { target: 'prompt', id }, labelId: drop }));
    expect(third.annotations.labels.map((l) => l.annotator)).toEqual([osUserName()]);

    const history = unwrap(await core.invoke('history.forItem', { target: 'prompt', id }));
    expect(history.map((h) => [h.annotator, h.labelName, h.oldValue, h.newValue])).toEqual([
      ['alice', 'drop', 'on', 'off'],
      ['alice', 'drop', 'off', 'on'],
      [osUserName(), 'drop', 'off', 'on'],
    ]);
    expect(new Set(history.map((h) => h.batchId)).size).toBe(3);

    unwrap(await core.invoke('settings.set', { annotator: null }));
    expect(unwrap(await core.invoke('settings.get', {})).annotatorIsDefault).toBe(true);
    const wrongTarget = await core.invoke('labels.toggle', {
      item: { target: 'prompt', id },
      labelId: await labelId(core, 'rollout', 'exemplar'),
    });
    expect(wrongTarget).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(
      await core.invoke('labels.toggle', { item: { target: 'prompt', id: 999_999 }, labelId: drop }),
    ).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  it('keeps the original gold answer beside a correction, with history and undo', async () => {
    const [id] = (await idsOf(core, {}, 1)) as [number];
    const before = unwrap(await core.invoke('prompts.get', { id }));
    expect(before.goldCorrection).toBeNull();
    const corrected = unwrap(
      await core.invoke('prompts.setGoldAnswer', { promptId: id, goldAnswer: ' \\frac{1}{2} ', annotator: 'bob' }),
    );
    expect(corrected.goldAnswer).toBe(before.goldAnswer);
    expect(corrected.goldCorrection).toMatchObject({
      answer: '\\frac{1}{2}',
      normalized: '\\frac{1}{2}',
      annotator: 'bob',
    });
    expect(unwrap(await core.invoke('prompts.get', { id })).goldCorrection?.answer).toBe('\\frac{1}{2}');
    const [entry] = unwrap(await core.invoke('history.forItem', { target: 'prompt', id }));
    expect(entry).toMatchObject({ field: 'gold_answer', oldValue: null, newValue: '\\frac{1}{2}', annotator: 'bob' });

    const undone = unwrap(await core.invoke('history.undo', { annotator: 'bob' }));
    expect(undone).toMatchObject({ reverted: 1, skipped: 0, batch: { kind: 'undo', reverts: entry?.batchId } });
    expect(unwrap(await core.invoke('prompts.get', { id })).goldCorrection).toBeNull();
    unwrap(await core.invoke('history.redo', { annotator: 'bob' }));
    expect(unwrap(await core.invoke('prompts.get', { id })).goldCorrection?.answer).toBe('\\frac{1}{2}');
    // The correction is shared: if someone changed it since, bob's undo leaves theirs alone.
    unwrap(await core.invoke('prompts.setGoldAnswer', { promptId: id, goldAnswer: '0.5', annotator: 'carol' }));
    expect(unwrap(await core.invoke('history.undo', { annotator: 'bob' }))).toMatchObject({ reverted: 0, skipped: 1 });
    expect(unwrap(await core.invoke('prompts.get', { id })).goldCorrection?.answer).toBe('0.5');
  });

  it('sets, replaces and clears notes, and filters on them', async () => {
    const [a, b] = (await idsOf(core, {}, 2)) as [number, number];
    unwrap(
      await core.invoke('notes.set', {
        item: { target: 'prompt', id: a },
        text: 'Figure missing from the statement',
        annotator: 'alice',
      }),
    );
    unwrap(await core.invoke('notes.set', { item: { target: 'prompt', id: b }, text: 'fine', annotator: 'alice' }));
    const replaced = unwrap(
      await core.invoke('notes.set', {
        item: { target: 'prompt', id: b },
        text: 'ambiguous wording',
        annotator: 'alice',
      }),
    );
    expect(replaced.annotations.notes).toEqual([
      expect.objectContaining({ annotator: 'alice', text: 'ambiguous wording' }),
    ]);
    expect(await idsOf(core, { notes: { op: 'has' } })).toEqual([a, b]);
    expect(await idsOf(core, { notes: { op: 'contains', text: 'FIGURE' } })).toEqual([a]);
    const total = unwrap(await core.invoke('prompts.page', {})).total;
    expect(unwrap(await core.invoke('prompts.page', { filter: { notes: { op: 'hasNot' } } })).total).toBe(total - 2);

    const cleared = unwrap(
      await core.invoke('notes.set', { item: { target: 'prompt', id: b }, text: '  ', annotator: 'alice' }),
    );
    expect(cleared.annotations.notes).toEqual([]);
    expect(
      unwrap(await core.invoke('history.forItem', { target: 'prompt', id: b })).map((h) => [h.oldValue, h.newValue]),
    ).toEqual([
      ['ambiguous wording', null],
      ['fine', 'ambiguous wording'],
      [null, 'fine'],
    ]);
  });

  it('undoes and redoes per annotator, in editor order', async () => {
    const [p1, p2, p3] = (await idsOf(core, {}, 3)) as [number, number, number];
    const keep = await labelId(core, 'prompt', 'keep');
    const labelled = async (id: number) =>
      unwrap(await core.invoke('annotations.get', { target: 'prompt', ids: [id] }))[0]?.labels.map(
        (l) => l.annotator,
      ) ?? [];
    unwrap(
      await core.invoke('labels.toggle', { item: { target: 'prompt', id: p1 }, labelId: keep, annotator: 'alice' }),
    );
    unwrap(
      await core.invoke('labels.toggle', { item: { target: 'prompt', id: p2 }, labelId: keep, annotator: 'alice' }),
    );
    unwrap(await core.invoke('labels.toggle', { item: { target: 'prompt', id: p3 }, labelId: keep, annotator: 'bob' }));

    expect(unwrap(await core.invoke('history.undo', { annotator: 'alice' })).reverted).toBe(1);
    expect(await labelled(p2)).toEqual([]);
    expect(await labelled(p3)).toEqual(['bob']);
    expect(unwrap(await core.invoke('history.undo', { annotator: 'alice' })).reverted).toBe(1);
    expect(await labelled(p1)).toEqual([]);
    expect(unwrap(await core.invoke('history.undo', { annotator: 'alice' })).batch).toBeNull();

    const status = unwrap(await core.invoke('history.status', { annotator: 'alice' }));
    expect(status.undo).toBeNull();
    expect(status.redo?.description).toMatch(/^Undo: Add "keep" on prompt/);
    unwrap(await core.invoke('history.redo', { annotator: 'alice' }));
    expect(await labelled(p1)).toEqual(['alice']);
    // A new edit clears the redo stack.
    unwrap(await core.invoke('notes.set', { item: { target: 'prompt', id: p3 }, text: 'x', annotator: 'alice' }));
    expect(unwrap(await core.invoke('history.redo', { annotator: 'alice' })).batch).toBeNull();
    expect(await labelled(p2)).toEqual([]);
    // bob's stack is his own.
    expect(unwrap(await core.invoke('history.undo', { annotator: 'bob' })).reverted).toBe(1);
    expect(await labelled(p3)).toEqual([]);
    // History only grows.
    const batches = unwrap(await core.invoke('history.batches', { limit: 100 }));
    expect(batches.map((b) => b.kind)).toEqual(['undo', 'edit', 'redo', 'undo', 'undo', 'edit', 'edit', 'edit']);
  });
});
