// Verdict filters through the contract: prompt-grid conditions (PromptFilter.verification), the
// rollout list's verdict option, verify.rollouts and the suspect-gold list.
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../../../test/temp-workspace';
import type { VerificationCondition } from '../../shared/verification';
import { createCore } from '../index';
import type { Core } from '../index';
import { call, finished, loadSmallWorkspace, promptIdOf, writeRolloutLog } from './verification-test-helpers';

describe('verification filters', () => {
  let tmp: ReturnType<typeof tempDir>;
  let core: Core;
  let ids: { datasetId: number; runId: number };
  let otherRunId: number;
  const prompt: Record<string, number> = {};

  beforeAll(async () => {
    tmp = tempDir();
    core = createCore({ dbPath: path.join(tmp.dir, 'ws.db') });
    ids = await loadSmallWorkspace(core, tmp.dir);
    // A second run in which "seven" is answered wrong but logged right: only that run has it.
    const other = [{ question: 'What is three plus four?', gold: '7', response: 'It is \\boxed{8}.', reward: 1 }];
    await finished(
      core,
      await core.invoke('import.rollouts', { path: writeRolloutLog(tmp.dir, other, 'other.jsonl', 'other-run') }),
    );
    otherRunId = (await call(core, 'runs.list', {})).find((r) => r.name === 'other-run')?.id as number;
    for (const id of ['half', 'twelve', 'seven', 'roots']) prompt[id] = await promptIdOf(core, id);
    await finished(core, await core.invoke('verify.start', {}));
  });
  afterAll(async () => {
    await core.close();
    tmp.cleanup();
  });

  const promptsWhere = async (...verification: VerificationCondition[]) => {
    const page = await call(core, 'prompts.page', {
      filter: { verification },
      sort: [{ column: 'id', direction: 'asc' }],
    });
    const names = Object.entries(prompt);
    return page.rows.map((r) => names.find(([, id]) => id === r.id)?.[0]);
  };

  it('select prompts by the direction of disagreement, optionally in one run', async () => {
    expect(await promptsWhere({ op: 'loggedCorrectRecheckWrong' })).toEqual(['half', 'seven', 'roots']);
    expect(await promptsWhere({ op: 'loggedCorrectRecheckWrong', runId: ids.runId })).toEqual(['half', 'roots']);
    expect(await promptsWhere({ op: 'loggedCorrectRecheckWrong', runId: otherRunId })).toEqual(['seven']);
    expect(await promptsWhere({ op: 'loggedWrongRecheckRight' })).toEqual(['half']);
    expect(await promptsWhere({ op: 'disagree' })).toEqual(['half', 'seven', 'roots']);
    // All conditions must hold.
    expect(await promptsWhere({ op: 'loggedCorrectRecheckWrong' }, { op: 'loggedWrongRecheckRight' })).toEqual([
      'half',
    ]);
  });

  it('select prompts with no extractable answer, truncated rollouts, any verdict, a suspect gold answer', async () => {
    expect(await promptsWhere({ op: 'noAnswer' })).toEqual(['half']);
    expect(await promptsWhere({ op: 'truncated' })).toEqual(['seven']);
    expect(await promptsWhere({ op: 'verified' })).toEqual(['half', 'twelve', 'seven', 'roots']);
    expect(await promptsWhere({ op: 'suspectGold' })).toEqual(['twelve']);
    // Facet counts honour the conditions (they are not facet dimensions, so counts come from a scan).
    expect((await call(core, 'prompts.facets', { filter: { verification: [{ op: 'suspectGold' }] } })).total).toBe(1);
  });

  it('rollouts.list takes a verdict option', async () => {
    const list = async (verdict: 'loggedCorrectRecheckWrong' | 'noAnswer' | 'unverified' | 'agree', runId?: number) =>
      (await call(core, 'rollouts.list', { verdict, ...(runId === undefined ? {} : { runId }) })).rows.map(
        (r) => r.extractedAnswer ?? r.preview,
      );
    expect((await list('loggedCorrectRecheckWrong')).length).toBe(3);
    expect(await list('loggedCorrectRecheckWrong', otherRunId)).toHaveLength(1);
    expect(await list('noAnswer')).toEqual(['I cannot tell.']);
    expect(await list('unverified')).toEqual([]);
    expect((await list('agree')).length).toBe(10);
  });

  it('verify.rollouts lists rollouts with their verdicts by prompt and verdict', async () => {
    const half = await call(core, 'verify.rollouts', { promptId: prompt.half as number });
    expect(half.total).toBe(4);
    expect(half.rows.map((r) => [r.loggedCorrect, r.verdict?.equivalent, r.verdict?.agreement])).toEqual([
      [true, true, 'agree'],
      [false, true, 'loggedWrongRecheckRight'],
      [true, false, 'loggedCorrectRecheckWrong'],
      [false, false, 'agree'],
    ]);
    const wrongInOther = await call(core, 'verify.rollouts', { runId: otherRunId, verdict: 'disagree' });
    expect(wrongInOther.rows.map((r) => [r.runName, r.promptId, r.verdict?.extractedAnswer])).toEqual([
      ['other-run', prompt.seven, '8'],
    ]);
    expect(await core.invoke('verify.rollouts', { promptId: 987654 })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
  });

  it('verify.suspectGold lists the questions with the majority answer, per scope', async () => {
    const all = await call(core, 'verify.suspectGold', {});
    expect(all).toEqual({
      total: 1,
      rows: [
        {
          promptId: prompt.twelve,
          datasetId: ids.datasetId,
          question: 'What is three times five?',
          goldAnswer: '12',
          majorityAnswer: '15',
          majorityVotes: 5,
          rollouts: 5,
        },
      ],
    });
    expect((await call(core, 'verify.suspectGold', { runId: otherRunId })).total).toBe(0);
    expect((await call(core, 'verify.suspectGold', { datasetId: ids.datasetId })).total).toBe(1);
  });
});
