// `rl-curator export` run in-process (the same entry the built CLI calls): files, manifest, exit codes.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { tempDir } from '../../../test/temp-workspace';
import type { ExportManifest } from '../../shared/exports';
import { createCore } from '../../core/index';
import { jsonlRows, parquetRows } from '../../core/export/export-test-kit';
import { labelId, loadDemo, unwrap } from '../../core/curation/curation-test-kit';
import { runCli } from '../main';

async function cli(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const out = vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => ((stdout += String(chunk)), true));
  const err = vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => ((stderr += String(chunk)), true));
  try {
    const code = await runCli(args, { version: '9.9.9-test', staticDir: '' });
    return { code, stdout, stderr };
  } finally {
    out.mockRestore();
    err.mockRestore();
  }
}

describe('rl-curator export', () => {
  let tmp: ReturnType<typeof tempDir>;
  let dbPath: string;
  let geometryHard: number;
  beforeAll(async () => {
    tmp = tempDir();
    dbPath = path.join(tmp.dir, 'ws.db');
    const core = createCore({ dbPath });
    await loadDemo(core, 800, 12);
    const drop = await labelId(core, 'prompt', 'drop');
    const page = unwrap(await core.invoke('prompts.page', { filter: { subjects: ['Geometry'] }, limit: 3 }));
    for (const row of page.rows)
      unwrap(await core.invoke('labels.toggle', { item: { target: 'prompt', id: row.id }, labelId: drop }));
    unwrap(
      await core.invoke('views.save', { name: 'geometry', state: { filter: { subjects: ['Geometry'] }, sort: [] } }),
    );
    // What the documented example selects, counted through the contract.
    const columns = { level: { kind: 'number' as const, op: 'greaterThanOrEqual' as const, value: 3 } };
    const preview = unwrap(
      await core.invoke('exports.preview', {
        format: 'jsonl',
        filter: { subjects: ['Geometry'], columns, labels: [{ op: 'hasNot', labelIds: [drop] }] },
        passRate: { min: 0, minInclusive: false, max: 1, maxInclusive: false },
      }),
    );
    geometryHard = preview.exported;
    await core.close();
  });
  afterAll(() => tmp.cleanup());

  it('exports the documented filter example to OREAL JSONL with splits and a manifest', async () => {
    const out = path.join(tmp.dir, 'oreal');
    const r = await cli(
      'export',
      '--filter',
      'subject=Geometry,level>=3,pass_rate>0,pass_rate<1,label!=drop',
      '--format',
      'oreal-jsonl',
      '--split',
      'train=0.9,val=0.1',
      '--seed',
      '7',
      '--out',
      out,
      '--db',
      dbPath,
    );
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(geometryHard).toBeGreaterThan(10);
    expect(r.stdout).toMatch(
      new RegExp(`^Exported ${geometryHard} rows to ${out.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} in `),
    );
    expect(r.stdout).toMatch(/^ {2}train\.jsonl: \d+ rows, sha256 [0-9a-f]{64}$/m);
    const manifest = JSON.parse(fs.readFileSync(path.join(out, 'manifest.json'), 'utf8')) as ExportManifest;
    expect(manifest).toMatchObject({ app: { version: '9.9.9-test' }, seed: 7, format: 'oreal-jsonl' });
    expect(manifest.options.passRate).toMatchObject({ min: 0, minInclusive: false, max: 1, maxInclusive: false });
    const rows = [
      ...jsonlRows<{ pass_rate: number }>(path.join(out, 'train.jsonl')),
      ...jsonlRows<{ pass_rate: number }>(path.join(out, 'val.jsonl')),
    ];
    expect(rows).toHaveLength(geometryHard);
    expect(rows.every((row) => row.pass_rate > 0 && row.pass_rate < 1)).toBe(true);
  });

  it('exports a saved view to verl Parquet and prints JSON with --json', async () => {
    const out = path.join(tmp.dir, 'verl');
    const r = await cli(
      'export',
      '--view',
      'geometry',
      '--format',
      'verl-parquet',
      '--out',
      out,
      '--db',
      dbPath,
      '--json',
      '--exclude-label',
      'drop',
      '--system-prompt',
      'Reason step by step.',
    );
    expect(r.code).toBe(0);
    const printed = JSON.parse(r.stdout) as { status: string; result: { rows: number; files: { name: string }[] } };
    expect(printed.status).toBe('done');
    expect(printed.result.files.map((f) => f.name)).toEqual(['prompts.parquet']);
    const rows = await parquetRows(path.join(out, 'prompts.parquet'));
    expect(rows).toHaveLength(printed.result.rows);
    expect((rows[0] as { prompt: { role: string }[] }).prompt.map((m) => m.role)).toEqual(['system', 'user']);
    const manifest = JSON.parse(fs.readFileSync(path.join(out, 'manifest.json'), 'utf8')) as ExportManifest;
    expect(manifest.view?.name).toBe('geometry');
    expect(manifest.counts.excludedByLabel).toBe(3);
  });

  it('exits 2 with the usage on a bad command line, 1 on a conflict', async () => {
    const bad = await cli(
      'export',
      '--filter',
      'colour=red',
      '--format',
      'jsonl',
      '--out',
      path.join(tmp.dir, 'x'),
      '--db',
      dbPath,
    );
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/unknown key "colour"[\s\S]*usage: rl-curator export/);
    expect((await cli('export', '--format', 'yaml', '--out', 'x', '--db', dbPath)).code).toBe(2);
    expect((await cli('export', '--format', 'csv', '--db', dbPath)).stderr).toMatch(/--out DIR is required/);
    expect((await cli('export', '--format', 'csv', '--split', 'train=0', '--out', 'x', '--db', dbPath)).code).toBe(2);
    const again = await cli(
      'export',
      '--view',
      'geometry',
      '--format',
      'verl-parquet',
      '--out',
      path.join(tmp.dir, 'verl'),
      '--db',
      dbPath,
    );
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/^error CONFLICT: .*already holds prompts\.parquet, manifest\.json/);
    const missingView = await cli(
      'export',
      '--view',
      'nope',
      '--format',
      'csv',
      '--out',
      path.join(tmp.dir, 'y'),
      '--db',
      dbPath,
    );
    expect(missingView.stderr).toMatch(/^error NOT_FOUND: No saved view "nope"/);
  });
});
