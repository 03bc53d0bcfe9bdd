// Benchmark driver for the contamination check (issue 12), in two processes so that the check's peak RSS is its own:
//   contamination.mjs prepare BENCH.jsonl TRAIN.jsonl DB   imports both files, marks the benchmark (untimed);
//   contamination.mjs check DB [JSON]                      times the whole check in the built job worker, as the
//                                                          app runs it (every method, clusters, publishing).
// Prints one JSON line for scripts/bench/run.mjs.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createCore } from '../../src/core/index';
import type { Core } from '../../src/core/index';

const here = path.dirname(fileURLToPath(import.meta.url));
const workerScript = path.resolve(here, '../node/job-worker.mjs');

async function must<T>(r: Promise<{ ok: true; value: T } | { ok: false; error: { message: string } }>): Promise<T> {
  const v = await r;
  if (!v.ok) throw new Error(v.error.message);
  return v.value;
}

async function settle(core: Core): Promise<void> {
  for (const job of await must(core.invoke('jobs.list', { limit: 20 })))
    if (job.status === 'queued' || job.status === 'running') await core.waitForJob(job.id);
}

async function prepare(benchFile: string, trainFile: string, dbPath: string): Promise<void> {
  const core = createCore({ dbPath, workerScript });
  const load = async (file: string, name: string) => {
    const { jobId } = await must(core.invoke('import.prompts', { path: file, datasetName: name }));
    const job = await core.waitForJob(jobId);
    if (job.status !== 'done') throw new Error(`import ${name}: ${job.error?.message}`);
    return job.result?.datasetId as number;
  };
  const bench = await load(benchFile, 'bench');
  await load(trainFile, 'train');
  await must(core.invoke('datasets.setRole', { id: bench, role: 'benchmark' }));
  // The search-index job the imports queued is not part of the check.
  await settle(core);
  await core.close();
  console.log(JSON.stringify({ prepared: true }));
}

/** `options`: JSON of contamination.start fields to try variants (e.g. '{"clusters":false}'). */
async function check(dbPath: string, options = '{}'): Promise<void> {
  const core = createCore({ dbPath, workerScript });
  const started = performance.now();
  const cpu = process.cpuUsage();
  const request = { force: true, ...(JSON.parse(options) as object) };
  const { jobId } = await must(core.invoke('contamination.start', request));
  const job = await core.waitForJob(jobId);
  const seconds = (performance.now() - started) / 1000;
  const used = process.cpuUsage(cpu);
  if (job.status !== 'done') throw new Error(`check: ${job.error?.message}`);
  // The detail pane's read once the findings are kept: a flagged prompt's evidence (goal <= 50 ms).
  const flagged = await must(core.invoke('prompts.page', { filter: { contamination: [{ op: 'is' }] }, limit: 200 }));
  const times: number[] = [];
  for (const row of flagged.rows) {
    const t = performance.now();
    await must(core.invoke('contamination.forPrompt', { promptId: row.id }));
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  const facetsStarted = performance.now();
  await must(core.invoke('contamination.facets', {}));
  const facetsMs = performance.now() - facetsStarted;
  await core.close();
  const maxRssMb = process.resourceUsage().maxRSS / 1024;
  const forPromptP95Ms = times[Math.floor(times.length * 0.95)] ?? 0;
  const cpuSeconds = (used.user + used.system) / 1e6;
  console.log(JSON.stringify({ seconds, cpuSeconds, maxRssMb, forPromptP95Ms, facetsMs, result: job.result }));
}

const [mode, ...args] = process.argv.slice(2);
void (mode === 'prepare' ? prepare(...(args as [string, string, string])) : check(args[0] as string, args[1]));
