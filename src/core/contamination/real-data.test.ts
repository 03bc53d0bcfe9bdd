// The real benchmark files (../shared/fixtures). MATH-500 against AIME 2024 and AMC 2023 (newer contests: no shared
// problem is expected, and none is found); a training set that is GSM8K plus every MATH-500 problem rewritten the
// ways other copies write it must flag every MATH-500 item as an exact copy and no GSM8K problem.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixture, FIXTURES_SKIP_REASON, hasFixtures, tempDir } from '../../../test/temp-workspace';
import { createCore } from '../index';
import type { Core } from '../index';
import { importFile, jsonl, unwrap, writeFile } from '../import/import-test-helpers';

const lines = (file: string) =>
  fs
    .readFileSync(fixture(file), 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as Record<string, unknown>);

/**
 * How other copies of MATH write the same problem: \( \) delimiters (where the problem has no escaped dollar or
 * display math to confuse a simple rewrite), \dfrac, extra spaces and line breaks.
 */
function rewritten(problem: string): string {
  let inline = false;
  const delimiters = /\\\$|\$\$/.test(problem)
    ? problem
    : problem.replace(/\$/g, () => {
        inline = !inline;
        return inline ? '\\(' : '\\)';
      });
  return delimiters
    .replace(/\\frac/g, '\\dfrac')
    .replace(/ /g, '  ')
    .replace(/\. /g, '.\n');
}

const title = `contamination on real benchmarks${hasFixtures ? '' : ` (${FIXTURES_SKIP_REASON})`}`;
describe.skipIf(!hasFixtures)(title, () => {
  let tmp: ReturnType<typeof tempDir>;
  let core: Core;
  const ids: Record<string, number> = {};
  const load = async (name: string, file: string) => {
    const job = await importFile(core, { path: file, datasetName: name });
    expect(job.status).toBe('done');
    ids[name] = job.result?.datasetId as number;
  };
  beforeAll(async () => {
    tmp = tempDir();
    core = createCore({ dbPath: path.join(tmp.dir, 'ws.db') });
    await load('MATH-500', fixture('math500_test.jsonl'));
    await load('AIME-2024', fixture('aime2024_test.jsonl'));
    await load('AMC-2023', fixture('amc2023_test.jsonl'));
    const superset = [
      ...lines('gsm8k_test.jsonl').map((l) => ({ question: l.question, answer: l.answer })),
      ...lines('math500_test.jsonl').map((l) => ({ question: rewritten(String(l.problem)), answer: l.answer })),
    ];
    await load('superset', writeFile(tmp.dir, 'superset.jsonl', jsonl(superset)));
  }, 120_000);
  afterAll(async () => {
    await core.close();
    tmp.cleanup();
  });

  const check = async (datasetIds: number[], benchmarkIds: number[]) => {
    const { jobId } = unwrap(await core.invoke('contamination.start', { datasetIds, benchmarkIds, force: true }));
    const job = await core.waitForJob(jobId);
    expect(job.status).toBe('done');
    return job;
  };
  const flaggedIn = async (datasetId: number, classes?: ('exact' | 'templated' | 'near')[]) =>
    unwrap(
      await core.invoke('prompts.page', {
        filter: { datasetIds: [datasetId], contamination: [{ op: 'is', ...(classes ? { classes } : {}) }] },
        limit: 1000,
      }),
    );

  it('MATH-500 shares no problem with AIME 2024 or AMC 2023', async () => {
    await check([ids['MATH-500'] as number], [ids['AIME-2024'] as number, ids['AMC-2023'] as number]);
    expect((await flaggedIn(ids['MATH-500'] as number)).total).toBe(0);
  }, 120_000);

  it('a superset of MATH-500 flags every MATH-500 item as an exact copy, and nothing else', async () => {
    const job = await check([ids.superset as number], [ids['MATH-500'] as number]);
    const exact = await flaggedIn(ids.superset as number, ['exact']);
    expect(exact.total).toBe(500);
    expect((await flaggedIn(ids.superset as number)).total).toBe(500);
    const gsm8k = new Set(lines('gsm8k_test.jsonl').map((l) => String(l.question)));
    expect(exact.rows.filter((r) => gsm8k.has(r.question))).toEqual([]);
    // Every benchmark item is matched by some training prompt.
    const bench = unwrap(
      await core.invoke('prompts.page', { filter: { datasetIds: [ids['MATH-500'] as number] }, limit: 1000 }),
    );
    const matched = new Set<number>();
    for (const row of exact.rows)
      for (const m of unwrap(await core.invoke('contamination.forPrompt', { promptId: row.id })).matches)
        matched.add(m.benchPromptId);
    expect(bench.rows.filter((r) => !matched.has(r.id)).map((r) => r.id)).toEqual([]);
    expect(job.result).toMatchObject({ flagged: 500 });
  }, 120_000);
});
