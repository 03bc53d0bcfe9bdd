import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempDir } from '../../test/temp-workspace';
import { createCore } from './index';
import type { Core } from './index';

describe('createCore', () => {
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

  it('answers unknown methods and bad input with error values', async () => {
    expect(await core.call('nope.nothing', {})).toMatchObject({ ok: false, error: { code: 'UNKNOWN_METHOD' } });
    const bad = await core.call('prompts.page', { limit: -3 });
    expect(bad).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  });

  it('loads demo data through a job and pages, filters and counts it', async () => {
    const started = await core.invoke('demo.load', { prompts: 3000, seed: 1 });
    if (!started.ok) throw new Error(started.error.message);
    const job = await core.waitForJob(started.value.jobId);
    expect(job.status).toBe('done');
    const page = await core.invoke('prompts.page', { limit: 50, sort: [{ column: 'level', direction: 'desc' }] });
    if (!page.ok) throw new Error(page.error.message);
    expect(page.value.total).toBe(3000);
    expect(page.value.rows).toHaveLength(50);
    expect(page.value.rows[0]?.level).toBe(5);
    const facets = await core.invoke('prompts.facets', { filter: { subjects: ['Geometry'] } });
    if (!facets.ok) throw new Error(facets.error.message);
    const geometry = facets.value.subjects.find((s) => s.value === 'Geometry')?.count ?? -1;
    expect(facets.value.total).toBe(geometry);
    // Facet counts of the filtered dimension ignore its own selection.
    expect(facets.value.subjects.reduce((a, s) => a + s.count, 0)).toBe(3000);
    const search = await core.invoke('prompts.page', { filter: { search: '\\sqrt' } });
    if (!search.ok) throw new Error(search.error.message);
    expect(search.value.total).toBeGreaterThan(0);
    for (const row of search.value.rows) expect(`${row.question} ${row.goldAnswer}`).toContain('\\sqrt');
  });
});
