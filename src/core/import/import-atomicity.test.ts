// A cancelled, aborted or killed import leaves the workspace exactly as before (no dataset, no prompts).
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempDir } from '../../../test/temp-workspace';
import type { Job } from '../../shared/domain';
import { createImportingDataset } from '../datasets';
import { openDatabase } from '../db/open';
import { createCore } from '../index';
import type { Core } from '../index';
import { insertJob, markRunning } from '../jobs/store';
import { createPromptWriter } from '../prompts/write';
import { countRows, importFile, jsonl, simplePrompts, unwrap, writeFile } from './import-test-helpers';
import { ROWS_PER_TRANSACTION } from './run-import';
import { promptImportJob } from './prompt-import-job';
import type { PromptImportParams } from './prompt-import-job';
import { EMPTY_MAPPING } from './mapping';

// ~2.4 MB: several 1 MiB reads and several 5k-row transactions.
// Enough rows for several write transactions, so that the failures below come after committed ones.
const MANY = 3 * ROWS_PER_TRANSACTION + 500;

describe('prompt import atomicity', () => {
  let tmp: ReturnType<typeof tempDir>;
  let core: Core;
  let dbPath: string;
  beforeEach(async () => {
    tmp = tempDir();
    dbPath = path.join(tmp.dir, 'ws.db');
    core = createCore({ dbPath });
    // A dataset that exists before: it must survive, and nothing else may appear.
    const job = await importFile(core, { path: writeFile(tmp.dir, 'before.jsonl', jsonl(simplePrompts(3))) });
    expect(job.status).toBe('done');
  });
  afterEach(async () => {
    await core.close();
    tmp.cleanup();
  });

  const expectUnchanged = async () => {
    expect(unwrap(await core.invoke('datasets.list', {})).map((d) => d.name)).toEqual(['before']);
    expect(countRows(dbPath, 'datasets')).toBe(1);
    expect(countRows(dbPath, 'prompts')).toBe(3);
  };

  it('a cancelled import leaves no dataset and no prompts', async () => {
    const file = writeFile(tmp.dir, 'many.jsonl', jsonl(simplePrompts(MANY)));
    let rowsWhenCancelled = 0;
    const off = core.on('job.updated', (job: Job) => {
      // Cancel once a whole transaction's rows are in: committed rows must go too.
      if (
        job.kind === 'import.prompts' &&
        job.status === 'running' &&
        job.progress &&
        job.progress.rows > ROWS_PER_TRANSACTION &&
        rowsWhenCancelled === 0
      ) {
        rowsWhenCancelled = job.progress.rows;
        void core.invoke('jobs.cancel', { id: job.id });
      }
    });
    const job = await importFile(core, { path: file });
    off();
    expect(rowsWhenCancelled).toBeGreaterThan(ROWS_PER_TRANSACTION);
    expect(rowsWhenCancelled).toBeLessThan(MANY);
    expect(job.status).toBe('cancelled');
    expect(job.error?.code).toBe('CANCELLED');
    await expectUnchanged();
  });

  it('an import aborted by a bad record after many written chunks leaves nothing behind', async () => {
    const rows = jsonl(simplePrompts(MANY)).split('\n');
    rows[MANY - 10] = '{"question": "cut off'; // in the last read, after several committed transactions
    const job = await importFile(core, {
      path: writeFile(tmp.dir, 'late-error.jsonl', rows.join('\n')),
      onBadRecord: 'abort',
    });
    expect(job.status).toBe('failed');
    expect(job.error).toMatchObject({
      code: 'PARSE_ERROR',
      message: expect.stringMatching(new RegExp(`^late-error\\.jsonl: line ${MANY - 9} \\(question\\): `)),
    });
    await expectUnchanged();
  });

  it('an import killed mid-way is rolled back when the workspace is opened again', async () => {
    await core.close();
    // What a killed worker leaves: a running job, its invisible dataset and some of its prompts.
    const db = openDatabase(dbPath);
    const params: PromptImportParams = {
      path: '/x.jsonl',
      format: 'jsonl',
      mapping: { ...EMPTY_MAPPING, question: 'question' },
      datasetName: 'killed',
      onBadRecord: 'abort',
    };
    const jobId = insertJob(db, 'import.prompts', 'Import x.jsonl', params);
    markRunning(db, jobId);
    const datasetId = createImportingDataset(db, {
      name: 'killed',
      sourcePath: '/x.jsonl',
      sourceFormat: 'jsonl',
      mapping: params.mapping,
      jobId,
    });
    const write = createPromptWriter(db);
    db.transaction(() =>
      write(
        datasetId,
        simplePrompts(50).map((p, i) => ({
          rowIndex: i,
          sourceId: p.id,
          question: p.question,
          questionHash: `h${i}`,
          goldAnswer: p.answer,
          goldAnswerJson: null,
          goldAnswerNorm: p.answer,
          passRate: null,
          source: null,
          subject: null,
          level: null,
          isDuplicate: false,
          extra: null,
        })),
      ),
    )();
    db.close();
    expect(countRows(dbPath, 'prompts')).toBe(53);

    core = createCore({ dbPath });
    await expectUnchanged();
    expect(unwrap(await core.invoke('jobs.get', { id: jobId })).status).toBe('failed');
  });

  it('rollback is idempotent and removes only unfinished datasets', async () => {
    const [finished] = unwrap(await core.invoke('jobs.list', {}));
    const db = openDatabase(dbPath, { migrate: false });
    try {
      const params = {
        path: '/y.jsonl',
        format: 'jsonl',
        mapping: EMPTY_MAPPING,
        datasetName: 'y',
        onBadRecord: 'skip',
      } satisfies PromptImportParams;
      const jobId = insertJob(db, 'import.prompts', 'Import y.jsonl', params);
      createImportingDataset(db, { name: 'y', sourcePath: '/y.jsonl', sourceFormat: 'jsonl', mapping: null, jobId });
      expect(countRows(dbPath, 'datasets')).toBe(2);
      promptImportJob.rollback(db, jobId, params);
      promptImportJob.rollback(db, jobId, params);
      promptImportJob.rollback(db, finished?.id ?? 0, params);
    } finally {
      db.close();
    }
    await expectUnchanged();
  });
});
