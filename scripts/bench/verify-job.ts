// Benchmark driver for the verification job end to end: the Qwen2.5-Math fixture's 800 real responses
// written as a native rollout log of STEPS steps, imported, then re-verified by the job in the built job
// worker (reading responses, checking, staging, publishing, refreshing per-question statistics).
// Usage: node out/bench/verify-job.mjs FIXTURE [STEPS]. Prints one JSON line for scripts/bench/run.mjs.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createCore } from '../../src/core/index';

const here = path.dirname(fileURLToPath(import.meta.url));
const workerScript = path.resolve(here, '../node/job-worker.mjs');

function writeLog(fixture: string, steps: number, file: string): number {
  const groups = fs
    .readFileSync(fixture, 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as { idx: number; question: string; gt: string; response: string[]; score: boolean[] });
  const out = fs.openSync(file, 'w');
  let rows = 0;
  for (let step = 0; step < steps; step++) {
    const lines = groups.flatMap((g) =>
      g.response.map((response, i) =>
        JSON.stringify({
          format: 'rl-curator.rollout.v1',
          run: 'bench',
          step,
          question: g.question,
          gold_answer: g.gt,
          group_id: `${step}:${g.idx}`,
          sample_index: i,
          response,
          reward: g.score[i] ? 1 : 0,
        }),
      ),
    );
    fs.writeSync(out, `${lines.join('\n')}\n`);
    rows += lines.length;
  }
  fs.closeSync(out);
  return rows;
}

async function main(): Promise<void> {
  const [fixture, stepsArg] = process.argv.slice(2);
  if (!fixture) throw new Error('usage: verify-job.mjs FIXTURE [STEPS]');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rlc-bench-verify-'));
  try {
    const rows = writeLog(fixture, Number(stepsArg ?? 25), path.join(dir, 'log.jsonl'));
    const core = createCore({ dbPath: path.join(dir, 'ws.db'), workerScript });
    const must = async <T>(
      p: Promise<{ ok: true; value: T } | { ok: false; error: { message: string } }>,
    ): Promise<T> => {
      const r = await p;
      if (!r.ok) throw new Error(r.error.message);
      return r.value;
    };
    const imported = await core.waitForJob(
      (await must(core.invoke('import.rollouts', { path: path.join(dir, 'log.jsonl') }))).jobId,
    );
    if (imported.status !== 'done') throw new Error(`import ${imported.status}: ${imported.error?.message}`);
    const started = performance.now();
    const cpuBefore = process.cpuUsage();
    const job = await core.waitForJob((await must(core.invoke('verify.start', {}))).jobId);
    const wallSeconds = (performance.now() - started) / 1000;
    // CPU time of every thread of this process (the job runs in a worker thread of it).
    const cpu = process.cpuUsage(cpuBefore);
    const cpuSeconds = (cpu.user + cpu.system) / 1e6;
    await core.close();
    if (job.status !== 'done') throw new Error(`verify ${job.status}: ${job.error?.message}`);
    const r = job.result as { verified: number; seconds: number; agree: number };
    console.log(
      JSON.stringify({
        rows,
        verified: r.verified,
        agree: r.agree,
        jobSeconds: r.seconds,
        wallSeconds,
        cpuSeconds,
        rolloutsPerSecond: r.verified / wallSeconds,
        rolloutsPerCpuSecond: r.verified / cpuSeconds,
      }),
    );
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

void main();
