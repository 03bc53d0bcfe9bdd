import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempDir } from '../../../test/temp-workspace';
import { createCore } from '../index';
import type { Core } from '../index';
import { tokenize } from './solutions';

describe('demo rollouts', () => {
  let tmp: ReturnType<typeof tempDir>;
  let core: Core;
  beforeEach(() => {
    tmp = tempDir();
    core = createCore({ dbPath: path.join(tmp.dir, 'ws.db') });
  });
  afterEach(async () => {
    await core.close();
    tmp.cleanup();
  });

  it('tokenizes text into pieces that spell it exactly', () => {
    const text = 'We get $\\frac{12}{5}$, so \\boxed{x^2 + 1}.\n\nDone';
    const tokens = tokenize(text);
    expect(tokens.join('')).toBe(text);
    expect(tokens).toContain('\\frac');
    expect(tokens).toContain(' so');
    expect(tokens.filter((t) => /\d/.test(t)).every((t) => t.length === 1)).toBe(true);
  });

  it('gives the demo workspace runs of groups of 8 with OREAL token signals', async () => {
    const started = await core.invoke('demo.load', { prompts: 300, seed: 3 });
    if (!started.ok) throw new Error(started.error.message);
    const job = await core.waitForJob(started.value.jobId);
    expect(job.status).toBe('done');
    const runs = await core.invoke('runs.list', {});
    if (!runs.ok) throw new Error(runs.error.message);
    expect(runs.value.map((r) => r.name)).toEqual(['Demo OREAL-7B run', 'Demo evaluation (K=8)']);
    const [oreal, evaluation] = runs.value;
    expect(oreal?.steps.map((s) => s.rollouts)).toEqual([128, 128, 128]);
    expect(evaluation?.rollouts).toBe(256);
    expect(oreal?.unmatchedPromptCount).toBe(0);
    expect(oreal?.systemPrompt).toContain('\\boxed');
    expect(oreal?.signals.map((s) => s.name)).toEqual(['logprob', 'rm_logit']);

    const list = await core.invoke('rollouts.list', { runId: oreal?.id, step: 0, limit: 1000 });
    if (!list.ok) throw new Error(list.error.message);
    const groups = new Map<string, number>();
    for (const r of list.value.rows) groups.set(r.groupId ?? '', (groups.get(r.groupId ?? '') ?? 0) + 1);
    expect([...groups.values()].every((n) => n === 8)).toBe(true);
    expect(list.value.rows.every((r) => r.promptId !== null)).toBe(true);

    // The simulated RM agrees with the verifier most of the time, as a trained token RM would.
    const correct = list.value.rows.filter((r) => r.correct === true);
    const wrong = list.value.rows.filter((r) => r.correct === false && !r.truncated);
    expect(correct.length).toBeGreaterThan(10);
    expect(wrong.length).toBeGreaterThan(10);
    const share = (rows: typeof correct, f: (r: (typeof correct)[number]) => boolean) =>
      rows.filter(f).length / rows.length;
    expect(share(correct, (r) => (r.rmFinalProb ?? 0) > 0.5)).toBeGreaterThan(0.8);
    expect(share(wrong, (r) => (r.rmFinalProb ?? 1) < 0.5)).toBeGreaterThan(0.7);

    const detail = await core.invoke('rollouts.get', { id: (wrong[0] as (typeof wrong)[number]).id });
    if (!detail.ok) throw new Error(detail.error.message);
    const d = detail.value;
    expect(d.response).toMatch(/\\boxed\{/);
    expect(d.extractedAnswer).not.toBe(d.goldAnswer);
    expect(d.tokens?.texts).toBeNull();
    const starts = d.tokens?.starts ?? [];
    expect(starts.length).toBe(d.tokenCount);
    expect(d.signals.map((s) => `${s.name}${s.derived ? '*' : ''}`)).toEqual([
      'logprob',
      'rm_logit',
      'rm_prob*',
      'is_weight*',
    ]);
    for (const s of d.signals) expect(s.values).toHaveLength(starts.length);
    // is_weight of an incorrect rollout is max(1 - 2p, 0) of the derived running probability.
    const prob = d.signals.find((s) => s.name === 'rm_prob')?.values ?? [];
    const weight = d.signals.find((s) => s.name === 'is_weight')?.values ?? [];
    prob.forEach((p, i) => expect(weight[i]).toBeCloseTo(Math.max(1 - 2 * p, 0), 6));
  });
});
