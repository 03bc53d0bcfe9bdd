// Exports are atomic: a cancelled, failed or killed export leaves no file (and no history record)
// behind, and existing files are never overwritten unless asked.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempDir } from '../../../test/temp-workspace';
import type { Job } from '../../shared/domain';
import { ExportRequest } from '../../shared/exports';
import { openDatabase } from '../db/open';
import { createCore } from '../index';
import type { Core } from '../index';
import { insertJob, markRunning } from '../jobs/store';
import { loadDemo, unwrap } from '../curation/curation-test-kit';
import { tempName } from './atomic-file';
import { exportTo, listDir } from './export-test-kit';
import { insertExportRecord } from './history';
import { EXPORT_JOB_KIND } from './job';

describe('export atomicity', () => {
  let tmp: ReturnType<typeof tempDir>;
  let core: Core;
  let dbPath: string;
  beforeEach(async () => {
    tmp = tempDir();
    dbPath = path.join(tmp.dir, 'ws.db');
    core = createCore({ dbPath });
  });
  afterEach(async () => {
    await core.close();
    tmp.cleanup();
  });

  it('a cancelled export leaves nothing behind', async () => {
    await loadDemo(core, 30_000, 4);
    const outDir = path.join(tmp.dir, 'cancelled');
    let seenWriting: { rows: number; files: string[] } | null = null;
    const off = core.on('job.updated', (job: Job) => {
      if (
        job.kind === EXPORT_JOB_KIND &&
        job.status === 'running' &&
        job.progress?.phase.startsWith('Writing') &&
        !seenWriting
      ) {
        seenWriting = { rows: job.progress.rows, files: listDir(outDir) };
        void core.invoke('jobs.cancel', { id: job.id });
      }
    });
    const { jobId } = unwrap(
      await core.invoke('exports.start', {
        format: 'verl-parquet',
        outDir,
        splits: [
          { name: 'train', ratio: 0.9 },
          { name: 'test', ratio: 0.1 },
        ],
      }),
    );
    const job = await core.waitForJob(jobId);
    off();
    expect(job.status).toBe('cancelled');
    expect(job.error?.code).toBe('CANCELLED');
    // It was cancelled while writing: its temporary files existed and part of the rows were written.
    const writing = seenWriting as { rows: number; files: string[] } | null;
    expect(writing?.files.some((f) => f.endsWith('.tmp'))).toBe(true);
    expect(writing?.rows).toBeLessThan(30_000);
    expect(listDir(outDir)).toEqual([]);
    expect(unwrap(await core.invoke('exports.list', {}))).toEqual([]);
  });

  it('refuses to overwrite unless asked, and a failed rename removes the files already renamed', async () => {
    await loadDemo(core, 200, 4);
    const outDir = path.join(tmp.dir, 'exists');
    const request = {
      format: 'oreal-jsonl' as const,
      outDir,
      splits: [
        { name: 'train', ratio: 0.5 },
        { name: 'val', ratio: 0.5 },
      ],
    };
    await exportTo(core, request);
    const before = Object.fromEntries(listDir(outDir).map((f) => [f, fs.readFileSync(path.join(outDir, f), 'utf8')]));
    expect(await core.invoke('exports.start', request)).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });

    // val.jsonl is now a folder of the user's: renaming onto it fails after train.jsonl was renamed.
    fs.rmSync(path.join(outDir, 'val.jsonl'));
    fs.mkdirSync(path.join(outDir, 'val.jsonl'));
    fs.writeFileSync(path.join(outDir, 'val.jsonl', 'keep.txt'), 'mine');
    fs.rmSync(path.join(outDir, 'train.jsonl'));
    fs.rmSync(path.join(outDir, 'manifest.json'));
    const { jobId } = unwrap(await core.invoke('exports.start', { ...request, overwrite: true, seed: 9 }));
    const job = await core.waitForJob(jobId);
    expect(job.status).toBe('failed');
    expect(listDir(outDir)).toEqual(['val.jsonl']);
    expect(fs.readFileSync(path.join(outDir, 'val.jsonl', 'keep.txt'), 'utf8')).toBe('mine');
    expect(unwrap(await core.invoke('exports.list', {}))).toHaveLength(1);

    // Overwriting files is allowed when asked.
    fs.rmSync(path.join(outDir, 'val.jsonl'), { recursive: true });
    for (const [f, text] of Object.entries(before)) fs.writeFileSync(path.join(outDir, f), `${text}old`);
    const again = await exportTo(core, { ...request, overwrite: true });
    expect(
      again.manifest.files.every((f) => fs.readFileSync(path.join(outDir, f.name), 'utf8') === before[f.name]),
    ).toBe(true);
  });

  it('an export killed mid-way is rolled back when the workspace is opened again', async () => {
    await core.close();
    const outDir = path.join(tmp.dir, 'killed');
    fs.mkdirSync(outDir);
    const sha = (text: string) => createHash('sha256').update(text).digest('hex');
    const db = openDatabase(dbPath);
    const request = ExportRequest.parse({
      format: 'jsonl',
      outDir,
      splits: [
        { name: 'train', ratio: 0.5 },
        { name: 'val', ratio: 0.5 },
      ],
    });
    // Killed while writing: only temporary files.
    const writing = insertJob(db, EXPORT_JOB_KIND, 'Export', { request, appVersion: 'test' });
    markRunning(db, writing);
    fs.writeFileSync(path.join(outDir, tempName(writing, 'train.jsonl')), '{"half":');
    // Killed while renaming: recorded, train.jsonl renamed, val.jsonl still temporary; an unrelated file
    // named like the manifest (a user's) must survive.
    const renaming = insertJob(db, EXPORT_JOB_KIND, 'Export', { request, appVersion: 'test' });
    markRunning(db, renaming);
    fs.writeFileSync(path.join(outDir, 'train.jsonl'), 'train rows\n');
    fs.writeFileSync(path.join(outDir, tempName(renaming, 'val.jsonl')), 'val rows\n');
    fs.writeFileSync(path.join(outDir, 'manifest.json'), '{"files": "not an export of ours"}');
    const files = [
      { name: 'train.jsonl', split: 'train', rows: 1, bytes: 11, sha256: sha('train rows\n') },
      { name: 'val.jsonl', split: 'val', rows: 1, bytes: 9, sha256: sha('val rows\n') },
    ];
    const counts = {
      matched: 2,
      excludedByLabel: 0,
      excludedByContamination: 0,
      excludedByPassRate: 0,
      duplicatesDropped: 0,
      cappedBySource: 0,
      exported: 2,
      perSplit: {},
      perSource: {},
      passRateHistogram: {},
      correctedGoldAnswers: 0,
      withoutCorrectRollout: 0,
    };
    const manifest = {
      app: { name: 'RL Curator', version: 'test' },
      workspaceId: 'w',
      createdAt: '',
      format: 'jsonl' as const,
      view: null,
      filter: {},
      options: {},
      seed: 0,
      usedCorrectedGoldAnswers: false,
      counts,
      labels: { taxonomy: [], onExportedPrompts: {}, excluded: [] },
      files,
    };
    insertExportRecord(db, {
      jobId: renaming,
      outDir,
      request,
      manifest,
      manifestFile: 'manifest.json',
      promptIds: [1, 2],
    });
    db.close();

    core = createCore({ dbPath });
    expect(listDir(outDir)).toEqual(['manifest.json']);
    expect(fs.readFileSync(path.join(outDir, 'manifest.json'), 'utf8')).toContain('not an export of ours');
    expect(unwrap(await core.invoke('exports.list', {}))).toEqual([]);
    for (const id of [writing, renaming]) expect(unwrap(await core.invoke('jobs.get', { id })).status).toBe('failed');
  });
});
