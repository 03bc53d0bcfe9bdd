// Exports honour the contamination findings: contaminated prompts left out by class, one prompt kept per
// near-duplicate cluster, and the manifest says which benchmarks and thresholds were checked and how many went.
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempDir } from '../../../test/temp-workspace';
import { createCore } from '../index';
import type { Core } from '../index';
import { unwrap } from '../import/import-test-helpers';
import { exportTo, jsonlRows } from '../export/export-test-kit';
import { importContaminationSets, TRAIN_PROBLEMS } from './contamination-test-kit';

describe('exports and contamination findings', () => {
  let tmp: ReturnType<typeof tempDir>;
  let core: Core;
  let train: number;
  beforeEach(async () => {
    tmp = tempDir();
    core = createCore({ dbPath: path.join(tmp.dir, 'ws.db') });
    train = (await importContaminationSets(core, tmp.dir)).train;
    const { jobId } = unwrap(await core.invoke('contamination.start', {}));
    expect((await core.waitForJob(jobId)).status).toBe('done');
  });
  afterEach(async () => {
    await core.close();
    tmp.cleanup();
  });

  const questions = (dir: string) =>
    jsonlRows<{ question: string }>(path.join(dir, 'prompts.jsonl')).map((r) => r.question);

  it('leaves out contaminated prompts and records the benchmarks, thresholds and count', async () => {
    const outDir = path.join(tmp.dir, 'clean');
    const { manifest } = await exportTo(core, {
      format: 'jsonl',
      outDir,
      filter: { datasetIds: [train] },
      excludeContaminated: ['exact', 'templated', 'near'],
    });
    const clean = TRAIN_PROBLEMS.filter((p) => p.expect === null).map((p) => p.question);
    expect(questions(outDir)).toEqual(clean);
    expect(manifest.counts.excludedByContamination).toBe(4);
    expect(manifest.counts.matched).toBe(TRAIN_PROBLEMS.length);
    expect(manifest.contamination?.excluded).toBe(4);
    expect(manifest.contamination?.excludedClasses).toEqual(['exact', 'templated', 'near']);
    const check = manifest.contamination?.checks[0];
    expect(check?.benchmarks.map((b) => b.name)).toEqual(['bench']);
    expect(check?.settings).toMatchObject({ ngramLong: 13, jaccard: 0.7 });
  });

  it('can leave out exact copies only', async () => {
    const outDir = path.join(tmp.dir, 'no-exact');
    const { manifest } = await exportTo(core, {
      format: 'jsonl',
      outDir,
      filter: { datasetIds: [train] },
      excludeContaminated: ['exact'],
    });
    expect(manifest.counts.excludedByContamination).toBe(2);
    expect(questions(outDir)).toHaveLength(TRAIN_PROBLEMS.length - 2);
  });

  it('dedupNear keeps the first prompt of each near-duplicate cluster', async () => {
    const outDir = path.join(tmp.dir, 'dedup');
    const { manifest } = await exportTo(core, {
      format: 'jsonl',
      outDir,
      filter: { datasetIds: [train] },
      dedupNear: true,
    });
    const written = questions(outDir);
    expect(written).toContain(TRAIN_PROBLEMS[5]?.question);
    expect(written).not.toContain(TRAIN_PROBLEMS[6]?.question);
    expect(manifest.counts.duplicatesDropped).toBe(1);
    expect(manifest.options).toMatchObject({ dedupNear: true });
  });
});
