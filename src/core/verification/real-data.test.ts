// The job on real rollouts: Qwen2.5-Math's 100 MATH prompts × 8 responses (../shared/fixtures),
// imported through the rollout import and re-verified against the log's gold answers (`gt`). The
// log's verdict is the Python grader's `score`; every difference must be a reviewed one.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURES_SKIP_REASON, fixture, hasFixtures, tempDir } from '../../../test/temp-workspace';
import { createCore } from '../index';
import type { Core } from '../index';
import { QWEN_MANGLED_GOLD_IDX, QWEN_ROLLOUT_DISAGREEMENTS } from '../answer-check/reviewed-disagreements';
import { call, finished } from './verification-test-helpers';

const FILE = 'qwen25math_math_cot_100_rollouts.jsonl';
const skipNote = hasFixtures ? '' : ` (skipped: ${FIXTURES_SKIP_REASON})`;
if (!hasFixtures) console.warn(`verification real-data tests skipped: ${FIXTURES_SKIP_REASON}`);

describe.skipIf(!hasFixtures)(`verification of ${FILE}${skipNote}`, () => {
  let tmp: ReturnType<typeof tempDir>;
  let core: Core;
  let runId: number;
  let result: Record<string, unknown>;
  const lines = hasFixtures
    ? fs
        .readFileSync(fixture(FILE), 'utf8')
        .split('\n')
        .filter((l) => l.trim() !== '')
        .map((l) => JSON.parse(l) as { idx: number; question: string; gt: string; score: boolean[] })
    : [];

  beforeAll(async () => {
    tmp = tempDir();
    core = createCore({ dbPath: path.join(tmp.dir, 'ws.db') });
    await finished(core, await core.invoke('import.rollouts', { path: fixture(FILE), runName: 'qwen' }));
    runId = (await call(core, 'runs.list', {}))[0]?.id as number;
    result = (await finished(core, await core.invoke('verify.start', { runId }))).result ?? {};
  }, 60_000);
  afterAll(async () => {
    await core?.close();
    tmp?.cleanup();
  });

  it('verifies all 800 rollouts; disagreements with the Python grader are exactly the reviewed ones', () => {
    const logged = lines.flatMap((l) => l.score);
    const lwrr = QWEN_ROLLOUT_DISAGREEMENTS.filter((d) => d.ours && !d.file).length;
    const lcrw = QWEN_ROLLOUT_DISAGREEMENTS.filter((d) => !d.ours && d.file).length;
    expect(result).toMatchObject({
      rollouts: 800,
      verified: 800,
      ungraded: 0,
      loggedWrongRecheckRight: lwrr,
      loggedCorrectRecheckWrong: lcrw,
      agree: 800 - lwrr - lcrw,
    });
    expect(result.recheckCorrect).toBe(logged.filter(Boolean).length + lwrr - lcrw);
    // Every response boxes its answer.
    expect(result.byRule).toEqual({ boxed: 800 });
  });

  it('lists the reviewed disagreements by sample', async () => {
    const rows = (await call(core, 'verify.rollouts', { runId, verdict: 'disagree' })).rows;
    const found = rows.map((r) => `${r.groupId}#${r.sampleIndex}:${r.verdict?.equivalent}`).sort();
    expect(found).toEqual(QWEN_ROLLOUT_DISAGREEMENTS.map((d) => `${d.idx}#${d.sample}:${d.ours}`).sort());
  });

  it(
    `flags idx ${QWEN_MANGLED_GOLD_IDX}'s mangled gold answer as suspect, with "4:30 p.m." as ` + `the majority answer`,
    async () => {
      const mangled = lines.find((l) => l.idx === QWEN_MANGLED_GOLD_IDX);
      const suspects = (await call(core, 'verify.suspectGold', { runId })).rows;
      const row = suspects.find((s) => s.goldAnswer === mangled?.gt);
      expect(row).toMatchObject({ majorityVotes: 8, rollouts: 8, promptId: null });
      expect(row?.majorityAnswer).toMatch(/4:30\s*\\text\{\s*p\.m\.\}/);
      expect(mangled?.question.startsWith(row?.question ?? '-')).toBe(true);
      // Each suspect has a majority of more than half of its 8 rollouts, and the log graded none of them right.
      for (const s of suspects) {
        expect(s.majorityVotes).toBeGreaterThan(4);
        const line = lines.find((l) => l.gt === s.goldAnswer && l.question.startsWith(s.question));
        expect(line?.score.filter(Boolean)).toEqual([]);
      }
      expect(result.suspectGold).toBe(suspects.length);
    },
  );
});
