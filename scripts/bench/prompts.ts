// Benchmark driver for the prompt set: import a JSONL file, then time grid pages and facet counts.
// Run by scripts/bench/run.mjs in a child process so peak RSS is this process's alone.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createImportingDataset } from '../../src/core/datasets';
import { openDatabase } from '../../src/core/db/open';
import { previewFile } from '../../src/core/import/preview';
import { producePromptBatches } from '../../src/core/import/produce';
import { ROWS_PER_TRANSACTION } from '../../src/core/import/run-import';
import { createCore } from '../../src/core/index';
import { insertJob } from '../../src/core/jobs/store';
import type { PromptRecord } from '../../src/core/prompts/write';
import { createPromptWriter } from '../../src/core/prompts/write';
import type { PromptFilter, SortSpec } from '../../src/shared/domain';

const here = path.dirname(fileURLToPath(import.meta.url));
const workerScript = path.resolve(here, '../node/job-worker.mjs');

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] as number;
}

/** Waits for the background search-index jobs an import starts. */
async function searchIndexBuilt(core: ReturnType<typeof createCore>): Promise<void> {
  const jobs = await core.invoke('jobs.list', { limit: 20 });
  if (!jobs.ok) throw new Error(jobs.error.message);
  for (const job of jobs.value.filter((j) => j.kind === 'index.search')) await core.waitForJob(job.id);
}

async function importFile(file: string, dbPath: string): Promise<void> {
  const core = createCore({ dbPath, workerScript });
  const started = performance.now();
  const res = await core.invoke('import.prompts', { path: file, onBadRecord: 'abort' });
  if (!res.ok) throw new Error(res.error.message);
  const job = await core.waitForJob(res.value.jobId);
  const seconds = (performance.now() - started) / 1000;
  if (job.status !== 'done') throw new Error(`import ${job.status}: ${job.error?.message}`);
  // The dataset is visible (and browsable) now; search catches up in the background.
  await searchIndexBuilt(core);
  const searchableSeconds = (performance.now() - started) / 1000;
  await core.close();
  const rows = Number(job.result?.prompts ?? 0);
  const usage = process.resourceUsage();
  const cpuSeconds = (usage.userCPUTime + usage.systemCPUTime) / 1e6;
  console.log(
    JSON.stringify({
      rows,
      seconds,
      rowsPerSecond: rows / seconds,
      searchableSeconds,
      cpuSeconds,
      maxRssMB: usage.maxRSS / 1024,
    }),
  );
}

async function queries(dbPath: string, pages: number): Promise<void> {
  const core = createCore({ dbPath, workerScript });
  const must = async <T>(
    p: Promise<{ ok: true; value: T } | { ok: false; error: { message: string } }>,
  ): Promise<T> => {
    const r = await p;
    if (!r.ok) throw new Error(r.error.message);
    return r.value;
  };
  // A 100-row page sorted by a text column (the question) with a filter, at random depths.
  const filter: PromptFilter = { passRateBuckets: ['(0,0.25)', '[0.25,0.5)', '[0.5,0.75)', '[0.75,1)'] };
  const sort: SortSpec[] = [{ column: 'question', direction: 'asc' }];
  const first = performance.now();
  const { total } = await must(core.invoke('prompts.page', { filter, sort, offset: 0, limit: 100 }));
  const firstMs = performance.now() - first;
  const times: number[] = [];
  let seed = 12345;
  const rand = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  for (let i = 0; i < pages; i++) {
    const offset = Math.floor(rand() * Math.max(1, total - 100));
    const t = performance.now();
    await must(core.invoke('prompts.page', { filter, sort, offset, limit: 100 }));
    times.push(performance.now() - t);
  }
  // Facet counts for a few typical filters (each call counts all five dimensions).
  const facetFilters: PromptFilter[] = [
    {},
    { subjects: ['Geometry'] },
    { passRateBuckets: ['0'] },
    { search: 'triangle' },
    { levels: [3, 4] },
  ];
  const facetTimes: number[] = [];
  for (const f of facetFilters) {
    const t = performance.now();
    await must(core.invoke('prompts.facets', { filter: f }));
    facetTimes.push(performance.now() - t);
  }
  await core.close();
  console.log(
    JSON.stringify({
      total,
      firstPageMs: firstMs,
      pageP50Ms: percentile(times, 50),
      pageP95Ms: percentile(times, 95),
      facetsMedianMs: percentile(facetTimes, 50),
      facetsMaxMs: Math.max(...facetTimes),
      facetTimes,
    }),
  );
}

/**
 * What SQLite alone can take: the file's rows built in memory first (untimed), then written with our statement,
 * schema, indexes and transaction size, as the import writes them. No import can beat this figure.
 */
async function writeCeiling(file: string, dbPath: string): Promise<void> {
  const { mapping } = await previewFile(file);
  const records: PromptRecord[] = [];
  for await (const batch of producePromptBatches({ path: file, format: 'jsonl', mapping }))
    for (const r of batch.records) records.push(r);
  await createCore({ dbPath }).close(); // a migrated, empty workspace
  const db = openDatabase(dbPath, { migrate: false });
  const datasetId = createImportingDataset(db, {
    name: 'ceiling',
    sourcePath: file,
    sourceFormat: 'jsonl',
    mapping,
    jobId: insertJob(db, 'import.prompts', 'ceiling', {}),
  });
  const write = createPromptWriter(db);
  const writeChunk = db.transaction((chunk: PromptRecord[]) => write(datasetId, chunk)).immediate;
  const started = performance.now();
  for (let i = 0; i < records.length; i += ROWS_PER_TRANSACTION) writeChunk(records.slice(i, i + ROWS_PER_TRANSACTION));
  const seconds = (performance.now() - started) / 1000;
  db.close();
  console.log(JSON.stringify({ rows: records.length, seconds, rowsPerSecond: records.length / seconds }));
}

const [command, ...args] = process.argv.slice(2);
if (command === 'import') await importFile(args[0] as string, args[1] as string);
else if (command === 'write-ceiling') await writeCeiling(args[0] as string, args[1] as string);
else if (command === 'queries') await queries(args[0] as string, Number(args[1] ?? 200));
else throw new Error(`prompts bench: unknown command ${command}`);
