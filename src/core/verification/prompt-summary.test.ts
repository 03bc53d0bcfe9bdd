// verify.promptSummary: the majority answer of a prompt's rollouts with vote counts, from stored
// verdicts or extracted on the spot, per run or across runs, against the current gold answer.
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempDir } from '../../../test/temp-workspace';
import { createCore } from '../index';
import type { Core } from '../index';
import { LIVE_EXTRACTION_LIMIT } from './prompt-summary';
import { call, finished, loadSmallWorkspace, promptIdOf, writeRolloutLog } from './verification-test-helpers';

describe('verify.promptSummary', () => {
  let tmp: ReturnType<typeof tempDir>;
  let core: Core;
  let ids: { datasetId: number; runId: number };
  beforeEach(async () => {
    tmp = tempDir();
    core = createCore({ dbPath: path.join(tmp.dir, 'ws.db') });
    ids = await loadSmallWorkspace(core, tmp.dir);
  });
  afterEach(async () => {
    await core.close();
    tmp.cleanup();
  });

  it('clusters equivalent answers with their votes; matches are judged against the gold answer', async () => {
    await finished(core, await core.invoke('verify.start', { runId: ids.runId }));
    const s = await call(core, 'verify.promptSummary', { promptId: await promptIdOf(core, 'half') });
    expect(s).toMatchObject({
      goldAnswer: '\\frac{1}{2}',
      goldSource: 'prompt',
      rollouts: 4,
      verified: 4,
      live: 0,
      unverified: 0,
      answered: 3,
      matchingGold: 2,
      tie: false,
      suspectGold: false,
      moreClusters: 0,
    });
    expect(s.clusters.map((c) => [c.answer, c.votes, c.share, c.matchingGold, c.loggedCorrect])).toEqual([
      ['0.5', 2, 0.5, 2, 1],
      ['3', 1, 0.25, 0, 1],
    ]);
    expect(s.majority?.answer).toBe('0.5');
  });

  it('shows the majority answer of a suspect gold answer, and follows a gold correction at once', async () => {
    await finished(core, await core.invoke('verify.start', { runId: ids.runId }));
    const twelve = await promptIdOf(core, 'twelve');
    expect(await call(core, 'verify.promptSummary', { promptId: twelve })).toMatchObject({
      suspectGold: true,
      matchingGold: 0,
      majority: { answer: '15', votes: 5, share: 1 },
    });
    await call(core, 'prompts.setGoldAnswer', { promptId: twelve, goldAnswer: '15', annotator: 'ann' });
    expect(await call(core, 'verify.promptSummary', { promptId: twelve })).toMatchObject({
      goldAnswer: '15',
      goldSource: 'correction',
      suspectGold: false,
      matchingGold: 5,
    });
  });

  it('extracts answers of unverified rollouts on the spot, and counts one run or all', async () => {
    const seven = await promptIdOf(core, 'seven');
    const before = await call(core, 'verify.promptSummary', { promptId: seven });
    // The truncated "7" still counts as an answer 7 for voting.
    expect(before).toMatchObject({
      rollouts: 2,
      verified: 0,
      live: 2,
      unverified: 0,
      majority: { answer: '7', votes: 2, matchingGold: 2 },
    });
    const other = [{ question: 'What is three plus four?', gold: '7', response: 'It is \\boxed{8}.', reward: 1 }];
    await finished(
      core,
      await core.invoke('import.rollouts', { path: writeRolloutLog(tmp.dir, other, 'other.jsonl', 'other-run') }),
    );
    const otherRunId = (await call(core, 'runs.list', {})).find((r) => r.name === 'other-run')?.id as number;
    expect(
      (await call(core, 'verify.promptSummary', { promptId: seven })).clusters.map((c) => [c.answer, c.votes]),
    ).toEqual([
      ['7', 2],
      ['8', 1],
    ]);
    expect(await call(core, 'verify.promptSummary', { promptId: seven, runId: otherRunId })).toMatchObject({
      rollouts: 1,
      majority: { answer: '8', votes: 1, matchingGold: 0 },
    });
  });

  it('leaves many unverified rollouts to the job instead of extracting them on the UI thread', async () => {
    const many = Array.from({ length: LIVE_EXTRACTION_LIMIT + 1 }, (_, i) => ({
      question: 'What is three plus four?',
      gold: '7',
      response: `\\boxed{${i % 3 === 0 ? 8 : 7}}`,
      reward: 1,
    }));
    await finished(
      core,
      await core.invoke('import.rollouts', { path: writeRolloutLog(tmp.dir, many, 'many.jsonl', 'many-run') }),
    );
    const seven = await promptIdOf(core, 'seven');
    await finished(core, await core.invoke('verify.start', { runId: ids.runId }));
    const s = await call(core, 'verify.promptSummary', { promptId: seven });
    expect(s).toMatchObject({
      rollouts: LIVE_EXTRACTION_LIMIT + 3,
      verified: 2,
      live: 0,
      unverified: LIVE_EXTRACTION_LIMIT + 1,
      answered: 2,
    });
  });

  it('fails with NOT_FOUND for an unknown prompt', async () => {
    expect(await core.invoke('verify.promptSummary', { promptId: 424242 })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
  });
});
