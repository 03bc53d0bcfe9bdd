// The smaller verification methods: one-off checks, scope checks, and a run and a dataset together
// (the run's rollouts that answer the dataset's prompts).
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../../../test/temp-workspace';
import { createCore } from '../index';
import type { Core } from '../index';
import { VERIFIER_VERSION } from '../answer-check/index';
import { call, EXPECTED, finished, loadSmallWorkspace } from './verification-test-helpers';

describe('verification handlers', () => {
  let tmp: ReturnType<typeof tempDir>;
  let core: Core;
  let ids: { datasetId: number; runId: number };
  beforeAll(async () => {
    tmp = tempDir();
    core = createCore({ dbPath: path.join(tmp.dir, 'ws.db') });
    ids = await loadSmallWorkspace(core, tmp.dir);
  });
  afterAll(async () => {
    await core.close();
    tmp.cleanup();
  });

  it('verify.check answers one pair with its stage and reason', async () => {
    expect(await call(core, 'verify.check', { pred: '\\dfrac{3}{4}', gold: '0.75' })).toMatchObject({
      equivalent: true,
      stage: 'numeric',
      verifierVersion: VERIFIER_VERSION,
    });
    expect(await call(core, 'verify.check', { pred: '25', gold: '0.25', percentLeniency: 'always' })).toMatchObject({
      equivalent: true,
    });
    expect(await call(core, 'verify.check', { pred: '25', gold: '0.25', percentLeniency: 'never' })).toMatchObject({
      equivalent: false,
      stage: 'none',
      reason: expect.stringMatching(/^numeric: /),
    });
    expect(await call(core, 'verify.check', { pred: '2, 1', gold: '1', isMultipleAnswer: true })).toMatchObject({
      equivalent: false,
    });
  });

  it('counts nothing as verified before a job ran, and everything after', async () => {
    expect(await call(core, 'verify.summary', {})).toMatchObject({
      rollouts: EXPECTED.rollouts,
      verified: 0,
      agree: 0,
      suspectGold: 0,
      byStage: {},
      byRule: {},
    });
    await finished(core, await core.invoke('verify.start', {}));
    expect(await call(core, 'verify.summary', {})).toMatchObject({
      rollouts: EXPECTED.rollouts,
      verified: EXPECTED.rollouts,
      staleVersion: 0,
    });
  });

  it('a run and a dataset together select the run’s rollouts of the dataset’s prompts', async () => {
    const both = await call(core, 'verify.summary', { runId: ids.runId, datasetId: ids.datasetId });
    expect(both.rollouts).toBe(EXPECTED.rollouts - 1);
    const job = await finished(core, await core.invoke('verify.start', { runId: ids.runId, datasetId: ids.datasetId }));
    expect(job.title).toBe('Verify answers: run "small-run", prompts of dataset "prompts"');
  });

  it('refuses unknown scopes with NOT_FOUND and bad input with INVALID_INPUT', async () => {
    for (const method of ['verify.summary', 'verify.suspectGold', 'verify.rollouts'] as const) {
      expect(await core.invoke(method, { datasetId: 4242 })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    }
    expect(await core.call('verify.rollouts', { verdict: 'maybe' })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT' },
    });
    expect(
      await core.call('prompts.page', { filter: { verification: [{ op: 'suspectGold', extra: 1 }] } }),
    ).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  });
});
