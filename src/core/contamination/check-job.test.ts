// The contamination check end to end on a real workspace file: job, findings, machine label, filters, clusters,
// "recomputed only for new data", and cancel keeping the earlier findings.
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempDir } from '../../../test/temp-workspace';
import { createCore } from '../index';
import type { Core } from '../index';
import { unwrap } from '../import/import-test-helpers';
import { importContaminationSets, TRAIN_PROBLEMS } from './contamination-test-kit';

describe('contamination check job', () => {
  let tmp: ReturnType<typeof tempDir>;
  let core: Core;
  let ids: { bench: number; train: number };
  beforeEach(async () => {
    tmp = tempDir();
    core = createCore({ dbPath: path.join(tmp.dir, 'ws.db') });
    ids = await importContaminationSets(core, tmp.dir);
  });
  afterEach(async () => {
    await core.close();
    tmp.cleanup();
  });

  const check = async (input: Parameters<Core['invoke']>[1] = {}) => {
    const { jobId } = unwrap(await core.invoke('contamination.start', input as never));
    return core.waitForJob(jobId);
  };
  const trainIds = async () =>
    unwrap(await core.invoke('prompts.page', { filter: { datasetIds: [ids.train] }, limit: 100 })).rows.map(
      (r) => r.id,
    );

  it('flags each training prompt with the class the written data expects, with evidence', async () => {
    const job = await check();
    expect(job.status).toBe('done');
    expect(job.result).toMatchObject({ upToDate: false, checked: ['train'], benchmarks: ['bench'], prompts: 7 });
    const promptIds = await trainIds();
    for (const [i, expected] of TRAIN_PROBLEMS.entries()) {
      const found = unwrap(await core.invoke('contamination.forPrompt', { promptId: promptIds[i] as number }));
      expect({ i, class: found.class, checked: found.checked }).toEqual({ i, class: expected.expect, checked: true });
      if (expected.expect) expect(found.matches.length).toBeGreaterThan(0);
      for (const m of found.matches) expect(m.benchDataset).toBe('bench');
    }
    expect(job.result?.flagged).toBe(TRAIN_PROBLEMS.filter((p) => p.expect).length);
  });

  it('the machine label filters the grid, alone and by class', async () => {
    await check();
    const count = async (contamination: object[]) =>
      unwrap(await core.invoke('prompts.page', { filter: { contamination } as never, limit: 100 })).total;
    expect(await count([{ op: 'is' }])).toBe(4);
    expect(await count([{ op: 'is', classes: ['exact'] }])).toBe(2);
    expect(await count([{ op: 'is', classes: ['templated', 'near'] }])).toBe(2);
    // Everything else: the 3 clean training prompts and the 4 benchmark items.
    expect(await count([{ op: 'isNot' }])).toBe(7);
  });

  it('groups near-duplicate training prompts into a cluster named by its first prompt', async () => {
    const job = await check();
    expect(job.result?.clusters).toBeGreaterThanOrEqual(1);
    const promptIds = await trainIds();
    const sam = unwrap(await core.invoke('contamination.forPrompt', { promptId: promptIds[6] as number }));
    expect(sam.cluster).toEqual({ id: promptIds[5], size: 2, members: [promptIds[5]] });
    const inCluster = unwrap(
      await core.invoke('prompts.page', { filter: { contamination: [{ op: 'inCluster' }] }, limit: 100 }),
    );
    expect(inCluster.rows.map((r) => r.id)).toEqual(expect.arrayContaining([promptIds[5], promptIds[6]]));
  });

  it('a second check with the same benchmarks and settings has nothing new to do; force runs it again', async () => {
    await check();
    expect((await check()).result).toMatchObject({ upToDate: true, flagged: 0 });
    const forced = await check({ force: true });
    expect(forced.result).toMatchObject({ upToDate: false, flagged: 4 });
    const stricter = await check({ thresholds: { jaccard: 0.95, ngramCoverage: 0.95 } });
    expect(stricter.result).toMatchObject({ upToDate: false, flagged: 3 });
  });

  it('refuses to start without a benchmark, naming what to do', async () => {
    unwrap(await core.invoke('datasets.setRole', { id: ids.bench, role: 'train' }));
    const res = await core.invoke('contamination.start', {});
    expect(res.ok).toBe(false);
    if (!res.ok) expect(res.error.message).toMatch(/mark a dataset as a benchmark/);
  });

  it('a cancelled check keeps the earlier findings', async () => {
    await check();
    const before = unwrap(await core.invoke('prompts.page', { filter: { contamination: [{ op: 'is' }] } })).total;
    const { jobId } = unwrap(await core.invoke('contamination.start', { force: true }));
    unwrap(await core.invoke('jobs.cancel', { id: jobId }));
    const job = await core.waitForJob(jobId);
    expect(job.status).toBe('cancelled');
    expect(unwrap(await core.invoke('prompts.page', { filter: { contamination: [{ op: 'is' }] } })).total).toBe(before);
  });
});

describe('contamination facets', () => {
  let tmp: ReturnType<typeof tempDir>;
  let core: Core;
  beforeEach(async () => {
    tmp = tempDir();
    core = createCore({ dbPath: path.join(tmp.dir, 'ws.db') });
    await importContaminationSets(core, tmp.dir);
  });
  afterEach(async () => {
    await core.close();
    tmp.cleanup();
  });

  it('count each class and the clustered prompts under the filter, leaving out their own condition', async () => {
    expect(unwrap(await core.invoke('contamination.facets', {}))).toEqual({
      exact: 0,
      templated: 0,
      near: 0,
      inCluster: 0,
      checked: false,
    });
    const { jobId } = unwrap(await core.invoke('contamination.start', {}));
    await core.waitForJob(jobId);
    const all = unwrap(await core.invoke('contamination.facets', { filter: { contamination: [{ op: 'isNot' }] } }));
    expect(all).toEqual({ exact: 2, templated: 1, near: 1, inCluster: 2, checked: true });
    const searched = unwrap(await core.invoke('contamination.facets', { filter: { search: 'marbles' } }));
    expect(searched).toMatchObject({ exact: 1, templated: 1, near: 0 });
  });
});
