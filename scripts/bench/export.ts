// Benchmark driver for exports (issue 5): our export job against DuckDB's COPY from an equivalent table.
// One measurement per process so peak RSS is that measurement's alone.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { DuckDBInstance } from '@duckdb/node-api';
import { openDatabase } from '../../src/core/db/open';
import { createCore } from '../../src/core/index';
import type { ExportFormat } from '../../src/shared/exports';

const here = path.dirname(fileURLToPath(import.meta.url));
const workerScript = path.resolve(here, '../node/job-worker.mjs');
const COLUMNS = ['question', 'gold_answer', 'pass_rate', 'source', 'subject', 'level'] as const;

function usage(): { cpuSeconds: number; maxRssMB: number } {
  const u = process.resourceUsage();
  return { cpuSeconds: (u.userCPUTime + u.systemCPUTime) / 1e6, maxRssMB: u.maxRSS / 1024 };
}

async function ours(dbPath: string, format: ExportFormat, outDir: string): Promise<void> {
  const core = createCore({ dbPath, workerScript });
  const before = usage().cpuSeconds;
  const started = performance.now();
  const res = await core.invoke('exports.start', {
    format,
    outDir,
    overwrite: true,
    ...(format === 'jsonl' || format === 'parquet' ? { columns: [...COLUMNS] } : {}),
  });
  if (!res.ok) throw new Error(res.error.message);
  const job = await core.waitForJob(res.value.jobId);
  const seconds = (performance.now() - started) / 1000;
  await core.close();
  if (job.status !== 'done') throw new Error(`export ${job.status}: ${job.error?.message}`);
  const rows = Number(job.result?.rows ?? 0);
  const bytes = fs
    .readdirSync(outDir)
    .filter((f) => !f.endsWith('.json'))
    .reduce((a, f) => a + fs.statSync(path.join(outDir, f)).size, 0);
  const u = usage();
  console.log(
    JSON.stringify({
      rows,
      seconds,
      rowsPerSecond: rows / seconds,
      cpuSeconds: u.cpuSeconds - before,
      maxRssMB: u.maxRssMB,
      bytes,
    }),
  );
}

async function duckdb(jsonl: string, outDir: string): Promise<void> {
  const instance = await DuckDBInstance.create(':memory:');
  const db = await instance.connect();
  // The equivalent table, loaded untimed: the same prompts with the same columns.
  await db.run(
    `CREATE TABLE prompts AS ` +
      `SELECT ${COLUMNS.join(', ')} FROM read_json('${jsonl.replace(/'/g, "''")}', format = 'newline_delimited')`,
  );
  const rows = Number((await (await db.runAndReadAll('SELECT count(*) FROM prompts')).getRows())[0]?.[0] ?? 0);
  fs.mkdirSync(outDir, { recursive: true });
  const time = async (sql: string) => {
    const t = performance.now();
    await db.run(sql);
    return (performance.now() - t) / 1000;
  };
  const parquetSeconds = await time(
    `COPY (SELECT ${COLUMNS.join(', ')} FROM prompts) TO '${path.join(outDir, 'x.parquet')}' (FORMAT parquet)`,
  );
  const jsonSeconds = await time(
    `COPY (SELECT ${COLUMNS.join(', ')} FROM prompts) TO '${path.join(outDir, 'x.jsonl')}' (FORMAT json)`,
  );
  console.log(JSON.stringify({ rows, parquetSeconds, jsonSeconds, ...usage() }));
}

/**
 * The floor under any export from SQLite: reading the exported columns of every prompt through better-sqlite3,
 * one thread, nothing else (no formatting, no file). Our Parquet export cannot be faster than this read.
 */
function readCeiling(dbPath: string): void {
  const db = openDatabase(dbPath, { migrate: false, readonly: true });
  const started = performance.now();
  let rows = 0;
  for (const row of db
    .prepare(`SELECT ${COLUMNS.join(', ')} FROM prompts ORDER BY id`)
    .raw()
    .iterate())
    if (row) rows++;
  const seconds = (performance.now() - started) / 1000;
  db.close();
  console.log(JSON.stringify({ rows, seconds }));
}

const [command, ...args] = process.argv.slice(2);
if (command === 'export') await ours(args[0] as string, args[1] as ExportFormat, args[2] as string);
else if (command === 'read-ceiling') readCeiling(args[0] as string);
else if (command === 'duckdb') await duckdb(args[0] as string, args[1] as string);
else throw new Error(`export bench: unknown command ${command}`);
