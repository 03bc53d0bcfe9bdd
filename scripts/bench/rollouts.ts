// Benchmark driver for rollout import (issue 3): input generation, the one-thread JSON.parse ceiling and
// DuckDB's read_json. Our import runs through the built CLI (see run.mjs) so its peak RSS is measured whole.
import fs from 'node:fs';
import { DuckDBInstance } from '@duckdb/node-api';
import { writeSyntheticFile } from '../../src/core/rollouts/synthetic';

function usage(): { cpuSeconds: number; maxRssMB: number } {
  const u = process.resourceUsage();
  return { cpuSeconds: (u.userCPUTime + u.systemCPUTime) / 1e6, maxRssMB: u.maxRSS / 1024 };
}

function generate(file: string): void {
  if (fs.existsSync(`${file}.done`)) {
    console.log(JSON.stringify({ bytes: fs.statSync(file).size, reused: true }));
    return;
  }
  const bytes = writeSyntheticFile(file, {
    rollouts: 20_000,
    tokensPerRollout: 2_000,
    groupSize: 8,
    rolloutsPerStep: 2_000,
    seed: 2502,
    run: 'bench',
  });
  fs.writeFileSync(`${file}.done`, '');
  console.log(JSON.stringify({ bytes, reused: false }));
}

/** Reading and JSON.parse of every line, nothing else, one thread: what a parser-bound import could reach. */
function ceiling(file: string): void {
  const started = performance.now();
  const fd = fs.openSync(file, 'r');
  const chunk = Buffer.allocUnsafe(8 << 20);
  let carry = '';
  let lines = 0;
  let bytes = 0;
  for (;;) {
    const n = fs.readSync(fd, chunk, 0, chunk.length, null);
    if (n === 0) break;
    bytes += n;
    const text = carry + chunk.toString('utf8', 0, n);
    let start = 0;
    let nl: number;
    while ((nl = text.indexOf('\n', start)) >= 0) {
      if (nl > start) {
        JSON.parse(text.slice(start, nl));
        lines++;
      }
      start = nl + 1;
    }
    carry = text.slice(start);
  }
  fs.closeSync(fd);
  const seconds = (performance.now() - started) / 1000;
  console.log(JSON.stringify({ lines, seconds, mbPerSecond: bytes / 1e6 / seconds, ...usage() }));
}

async function duckdb(file: string, dbFile: string): Promise<void> {
  const started = performance.now();
  const instance = await DuckDBInstance.create(dbFile);
  const db = await instance.connect();
  await db.run(
    `CREATE TABLE rollouts AS SELECT * FROM ` +
      `read_json('${file.replace(/'/g, "''")}', format = 'newline_delimited', maximum_object_size = 268435456)`,
  );
  const rows = Number((await (await db.runAndReadAll('SELECT count(*) FROM rollouts')).getRows())[0]?.[0] ?? 0);
  db.closeSync();
  const seconds = (performance.now() - started) / 1000;
  console.log(JSON.stringify({ rows, seconds, mbPerSecond: fs.statSync(file).size / 1e6 / seconds, ...usage() }));
}

const [command, ...args] = process.argv.slice(2);
if (command === 'generate') generate(args[0] as string);
else if (command === 'ceiling') ceiling(args[0] as string);
else if (command === 'duckdb') await duckdb(args[0] as string, args[1] as string);
else throw new Error(`rollouts bench: unknown command ${command}`);
