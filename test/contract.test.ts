// One contract suite, run against core directly and through the HTTP host.
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { contract } from '../src/shared/contract';
import type { Method } from '../src/shared/contract';
import type { Result } from '../src/shared/errors';
import type { ContractClient } from './contract-clients';
import { directClient, httpClient } from './contract-clients';
import { tempDir } from './temp-workspace';

const transports: [string, (dbPath: string) => Promise<ContractClient>][] = [
  ['core (in-process)', async (p) => directClient(p)],
  ['HTTP host', (p) => httpClient(p)],
];

describe.each(transports)('contract over %s', (_name, connect) => {
  let tmp: ReturnType<typeof tempDir>;
  let client: ContractClient;
  beforeEach(async () => {
    tmp = tempDir();
    client = await connect(path.join(tmp.dir, 'ws.db'));
  });
  afterEach(async () => {
    await client.close();
    tmp.cleanup();
  });

  /** Calls and checks the value against the contract's output schema. */
  async function call<M extends Method>(method: M, input: unknown): Promise<unknown> {
    const result = await client.call(method, input);
    if (!result.ok) throw new Error(`${method} failed: ${result.error.code} ${result.error.message}`);
    return contract[method].output.parse(result.value);
  }

  it('reports errors as values with closed codes', async () => {
    expect(await client.call('no.such', {})).toMatchObject({ ok: false, error: { code: 'UNKNOWN_METHOD' } });
    const invalid = (await client.call('prompts.page', { limit: 'ten' })) as Result<unknown>;
    expect(invalid).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(!invalid.ok && invalid.error.message).toMatch(/limit/);
    expect(await client.call('prompts.get', { id: 424242 })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await client.call('import.preview', { path: path.join(tmp.dir, 'missing.jsonl') })).toMatchObject({
      ok: false,
    });
  });

  it('serves a workspace end to end: demo data, paging, facets, views, datasets', async () => {
    const info = (await call('app.info', {})) as { schemaVersion: number };
    expect(info.schemaVersion).toBeGreaterThan(0);
    expect(await call('datasets.list', {})).toEqual([]);

    const { jobId } = (await call('demo.load', { prompts: 1500, seed: 3 })) as { jobId: number };
    const job = await client.waitForJob(jobId);
    expect(job.status).toBe('done');
    expect(job.result).toMatchObject({ prompts: 1500 });

    const datasets = (await call('datasets.list', {})) as { id: number; promptCount: number }[];
    expect(datasets).toHaveLength(1);
    expect(datasets[0]?.promptCount).toBe(1500);

    const sorted = (await call('prompts.page', { sort: [{ column: 'passRate', direction: 'asc' }], limit: 200 })) as {
      rows: { passRate: number | null }[];
      total: number;
    };
    expect(sorted.total).toBe(1500);
    const rates = sorted.rows.map((r) => r.passRate).filter((r): r is number => r !== null);
    expect(rates).toEqual([...rates].sort((a, b) => a - b));

    const facets = (await call('prompts.facets', { filter: { passRateBuckets: ['1'] } })) as {
      total: number;
      passRateBuckets: { value: unknown; count: number }[];
    };
    expect(facets.total).toBe(facets.passRateBuckets.find((b) => b.value === '1')?.count);

    const filtered = (await call('prompts.page', {
      filter: { columns: { passRate: { kind: 'number', op: 'equals', value: 1 } } },
    })) as { total: number };
    expect(filtered.total).toBe(facets.total);

    const view = (await call('views.save', {
      name: 'easy',
      state: { filter: { passRateBuckets: ['1'] }, sort: [] },
    })) as { id: number };
    expect(((await call('views.list', {})) as { name: string }[]).map((v) => v.name)).toEqual(['easy']);
    expect(await call('views.delete', { id: view.id })).toEqual({ deleted: true });

    const datasetId = datasets[0]?.id as number;
    expect(await call('datasets.rename', { id: datasetId, name: 'Renamed' })).toMatchObject({ name: 'Renamed' });
    expect(await call('datasets.delete', { id: datasetId })).toEqual({ deletedPrompts: 1500 });
    expect(((await call('prompts.page', {})) as { total: number }).total).toBe(0);
    // The FTS index forgets deleted prompts too.
    expect(((await call('prompts.page', { filter: { search: 'Compute' } })) as { total: number }).total).toBe(0);
  });
});
