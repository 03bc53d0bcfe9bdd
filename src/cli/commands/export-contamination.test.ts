// `rl-curator export --exclude-contaminated … --dedup-near` run in-process after `rl-curator contamination`: the
// flagged prompts are left out, one prompt per near-duplicate cluster is kept, and the manifest says so.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { tempDir } from '../../../test/temp-workspace';
import type { ExportManifest } from '../../shared/exports';
import { createCore } from '../../core/index';
import { importContaminationSets, TRAIN_PROBLEMS } from '../../core/contamination/contamination-test-kit';
import { runCli } from '../main';

async function cli(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const out = vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => ((stdout += String(chunk)), true));
  const err = vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => ((stderr += String(chunk)), true));
  try {
    return { code: await runCli(args, { version: '9.9.9-test', staticDir: '' }), stdout, stderr };
  } finally {
    out.mockRestore();
    err.mockRestore();
  }
}

describe('rl-curator export with contamination findings', () => {
  let tmp: ReturnType<typeof tempDir>;
  let dbPath: string;
  beforeAll(async () => {
    tmp = tempDir();
    dbPath = path.join(tmp.dir, 'ws.db');
    const core = createCore({ dbPath });
    await importContaminationSets(core, tmp.dir);
    await core.close();
    expect((await cli('contamination', '--dataset', 'train', '--db', dbPath)).code).toBe(1);
  });
  afterAll(() => tmp.cleanup());

  it('leaves out every contaminated prompt and keeps one per cluster', async () => {
    const out = path.join(tmp.dir, 'clean');
    const r = await cli(
      'export',
      '--filter',
      'dataset=train',
      '--format',
      'jsonl',
      '--out',
      out,
      '--exclude-contaminated',
      'all',
      '--dedup-near',
      '--db',
      dbPath,
    );
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const manifest = JSON.parse(fs.readFileSync(path.join(out, 'manifest.json'), 'utf8')) as ExportManifest;
    const clean = TRAIN_PROBLEMS.filter((p) => p.expect === null).length;
    // The two near-duplicate "Sam" problems are one cluster: one of them goes.
    expect(manifest.counts).toMatchObject({ excludedByContamination: 4, duplicatesDropped: 1, exported: clean - 1 });
    expect(manifest.contamination?.excludedClasses).toEqual(['exact', 'templated', 'near']);
  });

  it('takes a list of classes, and refuses an unknown one', async () => {
    const out = path.join(tmp.dir, 'no-exact');
    const ok = await cli(
      'export',
      '--filter',
      'dataset=train',
      '--format',
      'jsonl',
      '--out',
      out,
      '--exclude-contaminated',
      'exact',
      '--db',
      dbPath,
    );
    expect(ok.code).toBe(0);
    const manifest = JSON.parse(fs.readFileSync(path.join(out, 'manifest.json'), 'utf8')) as ExportManifest;
    expect(manifest.counts.excludedByContamination).toBe(2);
    const bad = await cli(
      'export',
      '--format',
      'jsonl',
      '--out',
      out,
      '--exclude-contaminated',
      'copies',
      '--db',
      dbPath,
    );
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--exclude-contaminated takes all or exact, templated, near; got "copies"/);
  });
});
