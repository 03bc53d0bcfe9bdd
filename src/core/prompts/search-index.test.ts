// Imports become visible first; index.search builds the trigram index afterwards. Search gives the same
// answers before (scanning) and after (the index), and a restart finishes an interrupted index.
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempDir } from '../../../test/temp-workspace';
import { openDatabase } from '../db/open';
import { createCore } from '../index';
import type { Core } from '../index';
import { searchIndexJob } from './search-index-job';

async function indexJobsDone(core: Core): Promise<void> {
  const jobs = await core.invoke('jobs.list', { limit: 50 });
  if (!jobs.ok) throw new Error(jobs.error.message);
  for (const job of jobs.value.filter((j) => j.kind === 'index.search')) await core.waitForJob(job.id);
}

async function searchTotal(core: Core, search: string): Promise<number> {
  const page = await core.invoke('prompts.page', { filter: { search }, limit: 1 });
  if (!page.ok) throw new Error(page.error.message);
  return page.value.total;
}

describe('search index', () => {
  let tmp: ReturnType<typeof tempDir>;
  let dbPath: string;
  let core: Core;
  beforeEach(async () => {
    tmp = tempDir();
    dbPath = path.join(tmp.dir, 'ws.db');
    core = createCore({ dbPath });
    const demo = await core.invoke('demo.load', { prompts: 3000, seed: 5 });
    if (!demo.ok) throw new Error(demo.error.message);
    await core.waitForJob(demo.value.jobId);
    await indexJobsDone(core);
  });
  afterEach(async () => {
    await core.close();
    tmp.cleanup();
  });

  const expected = (term: string) => {
    const raw = new Database(dbPath, { readonly: true });
    const n = raw
      .prepare(
        `SELECT count(*) FROM prompts WHERE instr(lower(question), lower(?)) OR ` +
          `instr(lower(coalesce(gold_answer, '')), lower(?))`,
      )
      .pluck()
      .get(term, term) as number;
    raw.close();
    return n;
  };

  it('is built after the import and finds what a scan finds', async () => {
    const raw = new Database(dbPath, { readonly: true });
    expect(raw.prepare(`SELECT search_indexed FROM datasets`).pluck().all()).toEqual([1]);
    raw.close();
    for (const term of ['\\sqrt', 'remainder', 'PI', 'frac{']) {
      expect(await searchTotal(core, term)).toBe(expected(term));
      expect(expected(term)).toBeGreaterThan(0);
    }
  });

  it('falls back to scanning a dataset whose index is missing, and a restart rebuilds it', async () => {
    const raw = new Database(dbPath);
    raw.prepare(`DELETE FROM prompts_fts`).run();
    raw.prepare(`UPDATE datasets SET search_indexed = 0`).run();
    raw.close();
    // Any data change clears cached query orders.
    await core.invoke('datasets.rename', { id: 1, name: 'renamed' });
    expect(await searchTotal(core, 'remainder')).toBe(expected('remainder'));

    await core.close();
    core = createCore({ dbPath });
    await indexJobsDone(core);
    const check = new Database(dbPath, { readonly: true });
    expect(check.prepare(`SELECT search_indexed FROM datasets`).pluck().all()).toEqual([1]);
    expect(check.prepare(`SELECT count(*) FROM prompts_fts WHERE prompts_fts MATCH '"remainder"'`).pluck().get()).toBe(
      expected('remainder'),
    );
    check.close();
    expect(await searchTotal(core, 'remainder')).toBe(expected('remainder'));
  });

  it('ends each transaction at its next step while the host waits to write, and still indexes every row', async () => {
    await core.close();
    const db = openDatabase(dbPath, { migrate: false });
    let transactions = 0;
    let gaveWay = 0;
    const progressRows: number[] = [];
    const result = await searchIndexJob.run(
      { datasetId: 1 },
      {
        db,
        jobId: 0,
        signal: new AbortController().signal,
        progress: (p) => progressRows.push(p.rows),
        issue: () => undefined,
        giveWay: async () => void gaveWay++,
        hostWaiting: () => (transactions++, true),
      },
    );
    const indexed = db.prepare(`SELECT count(*) FROM prompts_fts WHERE prompts_fts MATCH '"remainder"'`).pluck().get();
    db.close();
    core = createCore({ dbPath });
    expect(result).toEqual({ datasetId: 1, indexed: 3000 });
    // One 500-row step per transaction, the host given its turn after each.
    expect(progressRows).toEqual(Array.from({ length: 6 }, (_, i) => (i + 1) * 500));
    expect(gaveWay).toBe(6);
    expect(transactions).toBe(6);
    expect(indexed).toBe(expected('remainder'));
  });
});
