// Facet counts from prompt_facet_cells must equal counts by scanning prompts, for any facet filter.
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../../../test/temp-workspace';
import type { PromptFilter } from '../../shared/domain';
import { PASS_RATE_BUCKETS } from '../../shared/domain';
import { createCore } from '../index';
import type { Core } from '../index';
import { passRateBucket } from './buckets';
import { BUCKET_CASE } from './filter-sql';

describe('facet counts', () => {
  let tmp: ReturnType<typeof tempDir>;
  let core: Core;
  beforeAll(async () => {
    tmp = tempDir();
    core = createCore({ dbPath: path.join(tmp.dir, 'ws.db') });
    for (const seed of [1, 2]) {
      const r = await core.invoke('demo.load', { prompts: 2500, seed });
      if (!r.ok) throw new Error(r.error.message);
      await core.waitForJob(r.value.jobId);
    }
  });
  afterAll(async () => {
    await core.close();
    tmp.cleanup();
  });

  // A column condition that matches every row forces the scanning path; the result must not change.
  const scanning = (filter: PromptFilter): PromptFilter => ({
    ...filter,
    columns: { question: { kind: 'text', op: 'notBlank' } },
  });
  const filters: PromptFilter[] = [
    {},
    { subjects: ['Geometry', 'Algebra'] },
    { levels: [null] },
    { levels: [1, 5], sources: ['MATH'] },
    { passRateBuckets: ['0', '1', 'unknown'] },
    { datasetIds: [1], passRateBuckets: ['[0.25,0.5)'] },
    { sources: [] },
  ];

  it.each(filters)('cells agree with a scan for %j', async (filter) => {
    const fromCells = await core.invoke('prompts.facets', { filter });
    const fromScan = await core.invoke('prompts.facets', { filter: scanning(filter) });
    if (!fromCells.ok || !fromScan.ok) throw new Error('facets failed');
    expect(fromCells.value).toEqual(fromScan.value);
    const page = await core.invoke('prompts.page', { filter, limit: 1 });
    if (!page.ok) throw new Error(page.error.message);
    expect(page.value.total).toBe(fromCells.value.total);
  });

  it(
    'a search with facet conditions counts each facet without its own condition (one scan, ' + 'summed in JS)',
    async () => {
      const filter: PromptFilter = { search: 'the', subjects: ['Geometry', 'Algebra'], levels: [1, 5, null] };
      const res = await core.invoke('prompts.facets', { filter });
      if (!res.ok) throw new Error(res.error.message);
      // The oracle: one SQL count per facet, straight from the prompts table (trigram search = case-blind LIKE).
      const db = new Database(path.join(tmp.dir, 'ws.db'), { readonly: true });
      const base =
        `FROM prompts p JOIN datasets d ON d.id = p.dataset_id AND d.status = 'ready' ` +
        `WHERE (p.question LIKE '%the%' OR p.gold_answer LIKE '%the%')`;
      const subjects = `p.subject IN ('Geometry', 'Algebra')`;
      const levels = `(p.level IN (1, 5) OR p.level IS NULL)`;
      const counts = (key: string, where: string) =>
        Object.fromEntries(
          (
            db.prepare(`SELECT ${key} AS v, count(*) AS n ${base} AND ${where} GROUP BY 1`).all() as {
              v: unknown;
              n: number;
            }[]
          ).map((r) => [String(r.v), r.n]),
        );
      const asMap = (values: { value: unknown; count: number }[]) =>
        Object.fromEntries(values.map((v) => [String(v.value), v.count]));
      expect(asMap(res.value.subjects)).toEqual(counts('p.subject', levels));
      expect(asMap(res.value.levels)).toEqual(counts('p.level', subjects));
      expect(asMap(res.value.sources)).toEqual(counts('p.source', `${subjects} AND ${levels}`));
      expect(asMap(res.value.passRateBuckets)).toEqual(counts(BUCKET_CASE, `${subjects} AND ${levels}`));
      expect(res.value.total).toBe(
        db.prepare(`SELECT count(*) ${base} AND ${subjects} AND ${levels}`).pluck().get() as number,
      );
      expect(res.value.total).toBeGreaterThan(0);
      expect(Object.keys(asMap(res.value.subjects)).length).toBeGreaterThan(2); // its own condition left out
      db.close();
    },
  );

  it('drop a deleted dataset from the counts', async () => {
    const before = await core.invoke('prompts.facets', {});
    const removed = await core.invoke('datasets.delete', { id: 2 });
    const after = await core.invoke('prompts.facets', {});
    if (!before.ok || !removed.ok || !after.ok) throw new Error('call failed');
    expect(after.value.total).toBe(before.value.total - removed.value.deletedPrompts);
    expect(after.value.datasets.map((d) => d.value)).toEqual([1]);
  });

  it('bucket pass rates the same way in JS and SQL', () => {
    const db = new Database(':memory:');
    for (const rate of [null, 0, 1e-9, 0.0625, 0.25, 0.4999, 0.5, 0.74, 0.75, 0.9375, 1]) {
      const sql = db.prepare(`SELECT ${BUCKET_CASE} AS b FROM (SELECT ? AS pass_rate) p`).pluck().get(rate);
      expect(sql).toBe(passRateBucket(rate));
      expect(PASS_RATE_BUCKETS).toContain(sql);
    }
    db.close();
  });
});
