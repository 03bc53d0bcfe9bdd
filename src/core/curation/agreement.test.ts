// The agreement report over real labels in a workspace: Cohen for two annotators, Fleiss for three,
// counted over the prompts every compared annotator labelled.
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../../../test/temp-workspace';
import { createCore } from '../index';
import type { Core } from '../index';
import { idsOf, labelId, loadDemo, unwrap } from './curation-test-kit';

describe('agreement report', () => {
  let tmp: ReturnType<typeof tempDir>;
  let core: Core;
  let ids: number[];
  let keep: number;
  let drop: number;
  beforeAll(async () => {
    tmp = tempDir();
    core = createCore({ dbPath: path.join(tmp.dir, 'ws.db') });
    await loadDemo(core, 100, 5);
    ids = await idsOf(core, {}, 7);
    keep = await labelId(core, 'prompt', 'keep');
    drop = await labelId(core, 'prompt', 'drop');
    // Each annotator marks each of the first 6 prompts keep (k) or drop (d); prompt 7 only by alice.
    const votes: Record<string, string> = { alice: 'kkkddd', bob: 'kkdddk', carol: 'kdddkk' };
    for (const [annotator, row] of Object.entries(votes)) {
      for (let i = 0; i < row.length; i++) {
        unwrap(
          await core.invoke('labels.toggle', {
            item: { target: 'prompt', id: ids[i] as number },
            labelId: row[i] === 'k' ? keep : drop,
            annotator,
          }),
        );
      }
    }
    unwrap(
      await core.invoke('labels.toggle', {
        item: { target: 'prompt', id: ids[6] as number },
        labelId: keep,
        annotator: 'alice',
      }),
    );
  });
  afterAll(async () => {
    await core.close();
    tmp.cleanup();
  });

  it("uses Cohen's kappa for two annotators", async () => {
    const report = unwrap(
      await core.invoke('agreement.report', { annotators: ['alice', 'bob'], labelIds: [keep, drop] }),
    );
    expect(report).toMatchObject({ method: 'cohen', items: 6, annotators: ['alice', 'bob'] });
    // keep: alice kkkddd, bob kkdddk -> agree on items 1,2,4,5 = 4/6; each says keep 3 of 6 -> p_e = 0.5;
    // kappa = (2/3 - 1/2) / (1/2) = 1/3. drop is the complement here, so the same.
    for (const l of report.labels) {
      expect(l.observedAgreement).toBeCloseTo(2 / 3, 12);
      expect(l.kappa).toBeCloseTo(1 / 3, 12);
      expect(l.positives).toEqual([3, 3]);
    }
  });

  it("uses Fleiss' kappa for three annotators", async () => {
    const report = unwrap(await core.invoke('agreement.report', { labelIds: [keep] }));
    expect(report).toMatchObject({ method: 'fleiss', items: 6, annotators: ['alice', 'bob', 'carol'] });
    // keep counts per item (of 3): k,k,k / k,k,d / k,d,d / d,d,d / d,d,k / d,k,k -> 3,2,1,0,1,2.
    // P_i = (sum of squares - 3) / 6 = 1, 1/3, 1/3, 1, 1/3, 1/3 -> P-bar = (10/3) / 6 = 5/9;
    // p_keep = 9/18 -> Pe = 1/2; kappa = (5/9 - 1/2) / (1/2) = 1/9.
    const [only] = report.labels;
    expect(only?.observedAgreement).toBeCloseTo(5 / 9, 12);
    expect(only?.kappa).toBeCloseTo(1 / 9, 12);
    expect(only?.positives).toEqual([3, 3, 3]);
  });

  it('lists annotators and finds the prompts they disagree on', async () => {
    expect(unwrap(await core.invoke('labels.annotators', {})).map((a) => [a.annotator, a.promptLabels])).toEqual([
      ['alice', 7],
      ['bob', 6],
      ['carol', 6],
    ]);
    // Unanimous: items 1 (all keep) and 4 (all drop); the other four split.
    const disagree = await idsOf(core, { labels: [{ op: 'disagree' }] });
    expect(disagree).toEqual([ids[1], ids[2], ids[4], ids[5]]);
    expect(await idsOf(core, { labels: [{ op: 'has', labelIds: [keep], annotator: 'carol' }] })).toEqual([
      ids[0],
      ids[4],
      ids[5],
    ]);
    expect(await idsOf(core, { labels: [{ op: 'hasNot' }] }, 5)).not.toContain(ids[0]);
    expect(await core.invoke('agreement.report', { annotators: ['alice'] })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT' },
    });
  });
});
