// Two-thread reads of large text exports (parallel-pass.ts): the same bytes and manifest as the one-thread
// read, fallbacks where the second thread would change the result or cannot start, and a clean cancel.
// The helper thread is the built out/node/export-read-worker.mjs (`npm run build:node`); from source,
// the job reads alone, which the fallback tests cover.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../../../test/temp-workspace';
import type { ExportRequestInput } from '../../shared/exports';
import { ExportRequest } from '../../shared/exports';
import { openDatabase } from '../db/open';
import type { Db } from '../db/open';
import { importFile } from '../import/import-test-helpers';
import { createCore } from '../index';
import type { Core } from '../index';
import type { JobContext } from '../jobs/types';
import { idsOf, labelId, loadDemo, unwrap } from '../curation/curation-test-kit';
import { defaultReadHelperOptions } from './read-helper';
import type { ReadHelperOptions } from './read-helper';
import { READ_HELPER_FILE } from './read-protocol';
import { runExport } from './run-export';

const ROOT = path.resolve(__dirname, '../../..');
const HELPER = path.join(ROOT, 'out', 'node', READ_HELPER_FILE);
const BUILT = fs.existsSync(HELPER);
const NOT_BUILT = `built read helper not found at ${HELPER}: run \`npm run build:node\` first`;
if (!BUILT) console.warn(`parallel-read two-thread tests skipped: ${NOT_BUILT}`);

const ONE_THREAD: ReadHelperOptions = { script: null, minPrompts: 0, blockIds: 8192 };
const twoThreads = (blockIds: number, script = HELPER): ReadHelperOptions => ({ script, minPrompts: 0, blockIds });
const ALL_COLUMNS = [
  'id',
  'dataset',
  'source_id',
  'question',
  'gold_answer',
  'original_gold_answer',
  'pass_rate',
  'dataset_pass_rate',
  'empirical_pass_rate',
  'graded_rollouts',
  'source',
  'subject',
  'level',
  'split',
  'labels',
] as const;

/** Prompts that stress the formatting: non-ASCII (accents, CJK, emoji), quotes, newlines, and missing fields. */
function oddPrompts(n: number): string {
  const lines: string[] = [];
  for (let i = 0; i < n; i++) {
    const record: Record<string, unknown> = {
      question: `Q${i} «é» 中文 🎉 "quoted" \\ back\nslash, comma; ${'x'.repeat(i % 50)}`,
      answer: i % 3 === 0 ? `\\frac{${i}}{2} ✓` : `${i}`,
    };
    if (i % 4 !== 0) record.source = i % 8 === 1 ? 'Ünïcode source' : `src-${i % 5}`;
    if (i % 5 !== 0) record.subject = i % 2 ? 'Algebra' : 'Géométrie';
    if (i % 6 !== 0) record.level = i % 5;
    if (i % 7 !== 0) record.pass_rate = (i % 9) / 8;
    if (i % 3 !== 0) record.id = `odd-${i}`;
    lines.push(JSON.stringify(record));
  }
  return `${lines.join('\n')}\n`;
}

describe('exports read on two threads', () => {
  let tmp: ReturnType<typeof tempDir>;
  let core: Core;
  let db: Db;
  let jobId: number;
  let drop: number;

  beforeAll(async () => {
    tmp = tempDir();
    const dbPath = path.join(tmp.dir, 'ws.db');
    core = createCore({ dbPath });
    await loadDemo(core, 2500, 11);
    const odd = path.join(tmp.dir, 'odd.jsonl');
    fs.writeFileSync(odd, oddPrompts(1500));
    const job = await importFile(core, { path: odd, datasetName: 'odd ünïcode' });
    expect(job.status).toBe('done');
    jobId = job.id;
    drop = await labelId(core, 'prompt', 'drop');
    const ids = await idsOf(core, {}, 400);
    for (const id of ids.filter((_, k) => k % 37 === 0))
      unwrap(await core.invoke('labels.toggle', { item: { target: 'prompt', id }, labelId: drop }));
    unwrap(
      await core.invoke('prompts.setGoldAnswer', { promptId: ids[12] as number, goldAnswer: 'corrected «answer»' }),
    );
    db = openDatabase(dbPath, { migrate: false });
  });
  afterAll(async () => {
    db.close();
    await core.close();
    tmp.cleanup();
  });

  const context = (
    signal = new AbortController().signal,
    progress: JobContext['progress'] = () => undefined,
  ): JobContext => ({
    db,
    jobId,
    signal,
    progress,
    issue: () => undefined,
    giveWay: async () => undefined,
    hostWaiting: () => false,
  });

  async function exportWith(name: string, input: Omit<ExportRequestInput, 'outDir'>, options: ReadHelperOptions) {
    const outDir = path.join(tmp.dir, 'out', name);
    const request = ExportRequest.parse({ ...input, outDir, overwrite: true });
    const result = await runExport({ request, appVersion: 'test' }, context(), options);
    const manifestText = fs.readFileSync(path.join(outDir, String(result.manifest)), 'utf8');
    const manifest = JSON.parse(manifestText) as { createdAt?: string; files: { name: string }[] };
    delete manifest.createdAt;
    const files = Object.fromEntries(manifest.files.map((f) => [f.name, fs.readFileSync(path.join(outDir, f.name))]));
    return { result, manifest, files };
  }

  // The label to exclude is only known once the workspace exists.
  const requests: [string, (drop: number) => Omit<ExportRequestInput, 'outDir'>][] = [
    [
      'jsonl, every column, excluded label',
      (label) => ({ format: 'jsonl', columns: [...ALL_COLUMNS], excludeLabelIds: [label] }),
    ],
    [
      'oreal-jsonl, pass-rate range',
      () => ({
        format: 'oreal-jsonl',
        passRate: { min: 0, max: 1, minInclusive: false, maxInclusive: true, keepUnknown: true, source: 'auto' },
      }),
    ],
    ['csv, every column', () => ({ format: 'csv', columns: [...ALL_COLUMNS] })],
  ];

  it.skipIf(!BUILT).each(requests)(
    `%s: same bytes and manifest as one thread, for several block sizes${BUILT ? '' : ` (${NOT_BUILT})`}`,
    async (name, input) => {
      const req = input(drop);
      const one = await exportWith(`${name}-one`, req, ONE_THREAD);
      expect(one.result.readThreads).toBe(1);
      expect(Number(one.result.rows)).toBeGreaterThan(3000);
      // The data has what the formatting must get right.
      const text = Object.values(one.files)
        .map((b) => b.toString('utf8'))
        .join('');
      for (const needle of ['«é» 中文 🎉', '✓']) expect(text).toContain(needle);
      for (const blockIds of [1, 97, 1000, 100_000]) {
        const two = await exportWith(`${name}-two-${blockIds}`, req, twoThreads(blockIds));
        expect(two.result.readThreads).toBe(2);
        expect(two.manifest).toEqual(one.manifest);
        for (const [file, bytes] of Object.entries(one.files))
          expect((two.files[file] as Buffer).equals(bytes), `${file} with blocks of ${blockIds} ids`).toBe(true);
        expect(two.result.rows).toBe(one.result.rows);
        expect(two.manifest).toMatchObject({ counts: { exported: one.result.rows } });
      }
    },
  );

  it.skipIf(!BUILT)(`records the same prompt ids as one thread${BUILT ? '' : ` (${NOT_BUILT})`}`, async () => {
    const idsOfExport = () => {
      const record = db
        .prepare(`SELECT prompt_ids FROM exports WHERE job_id = ? ORDER BY id DESC LIMIT 1`)
        .pluck()
        .get(jobId) as Buffer;
      return Array.from(new Uint32Array(record.buffer, record.byteOffset, record.byteLength / 4));
    };
    await exportWith('ids-one', { format: 'jsonl', excludeLabelIds: [drop] }, ONE_THREAD);
    const one = idsOfExport();
    await exportWith('ids-two', { format: 'jsonl', excludeLabelIds: [drop] }, twoThreads(61));
    expect(idsOfExport()).toEqual(one);
    expect(one.length).toBeGreaterThan(3000);
  });

  it('reads on one thread where two could change the result, and from source', async () => {
    const script = BUILT ? HELPER : path.join(tmp.dir, 'missing.mjs');
    const cases: [string, Omit<ExportRequestInput, 'outDir'>][] = [
      ['dedup', { format: 'jsonl', dedup: true }],
      [
        'splits',
        {
          format: 'jsonl',
          splits: [
            { name: 'train', ratio: 0.9 },
            { name: 'val', ratio: 0.1 },
          ],
          seed: 1,
        },
      ],
      ['cap', { format: 'oreal-jsonl', capPerSource: 100, seed: 1 }],
      ['parquet', { format: 'parquet' }],
    ];
    for (const [name, input] of cases)
      expect((await exportWith(`fallback-${name}`, input, twoThreads(97, script))).result.readThreads, name).toBe(1);
    // Below the size threshold, and with the defaults when running from source (no built helper beside this module).
    expect(
      (await exportWith('fallback-small', { format: 'jsonl' }, { ...twoThreads(97, script), minPrompts: 1_000_000 }))
        .result.readThreads,
    ).toBe(1);
    expect(
      (await exportWith('fallback-default', { format: 'jsonl' }, defaultReadHelperOptions())).result.readThreads,
    ).toBe(1);
  });

  it('reads on one thread, with the same bytes, when the helper cannot start', async () => {
    const one = await exportWith('nostart-one', { format: 'oreal-jsonl' }, ONE_THREAD);
    const broken = await exportWith(
      'nostart-broken',
      { format: 'oreal-jsonl' },
      twoThreads(97, path.join(tmp.dir, 'missing-helper.mjs')),
    );
    expect(broken.result.readThreads).toBe(1);
    expect(broken.manifest).toEqual(one.manifest);
  });

  it.skipIf(!BUILT)(
    `a cancel during a two-thread read leaves no file and no record${BUILT ? '' : ` (${NOT_BUILT})`}`,
    async () => {
      const outDir = path.join(tmp.dir, 'out', 'cancelled');
      const before = db.prepare(`SELECT count(*) FROM exports`).pluck().get() as number;
      const controller = new AbortController();
      let writing = 0;
      const ctx = context(controller.signal, (p) => {
        if (p.phase === 'Writing' && ++writing === 1) controller.abort();
      });
      const request = ExportRequest.parse({ format: 'jsonl', columns: [...ALL_COLUMNS], outDir, overwrite: true });
      await expect(runExport({ request, appVersion: 'test' }, ctx, twoThreads(97))).rejects.toMatchObject({
        code: 'CANCELLED',
      });
      expect(writing).toBe(1);
      expect(fs.readdirSync(outDir)).toEqual([]);
      expect(db.prepare(`SELECT count(*) FROM exports`).pluck().get()).toBe(before);
      expect(db.inTransaction).toBe(false);
      // The helper's snapshot is gone with it: a writer can take the lock and a fresh export sees its commit.
      const after = await exportWith('after-cancel', { format: 'jsonl' }, twoThreads(97));
      expect(after.result.readThreads).toBe(2);
    },
  );
});
