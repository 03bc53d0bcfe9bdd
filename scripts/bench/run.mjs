// `npm run bench [-- SECTION …]`: prints figures and ratios against the baselines the issues name, measured
// side by side in one run (machines are noisy, so only same-run ratios mean much). Not a test.
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensurePromptFile } from './generate.mjs';
import { CONTAMINATION_BENCH, ensureContaminationFiles } from './contamination-data.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const benchDir = path.join(root, '.bench');
const sections = {
  prompts: benchPrompts,
  rollouts: benchRollouts,
  export: benchExport,
  verify: benchVerify,
  viewer: benchViewer,
  contamination: benchContamination,
};

function runJson(cmd, args) {
  const out = execFileSync(cmd, args, {
    cwd: root,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const line = out
    .trim()
    .split('\n')
    .filter((l) => l.startsWith('{'))
    .pop();
  return JSON.parse(line);
}

function freshDb(name) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `rlc-bench-${name}-`));
  return { db: path.join(dir, 'ws.db'), cleanup: () => fs.rmSync(dir, { recursive: true, force: true }) };
}

const fmt = (n, digits = 0) =>
  Number(n).toLocaleString('en', { maximumFractionDigits: digits, minimumFractionDigits: digits });
const verdict = (ok) => (ok ? 'meets goal' : 'MISSES goal');

function table(rows) {
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => String(r[i]).length)));
  for (const r of rows) console.log(`  ${r.map((c, i) => String(c).padEnd(widths[i])).join('  ')}`);
}

/** The trace viewer in Chromium (issue 4); its own script, since it drives a browser against `serve`. */
function benchViewer() {
  execFileSync(process.execPath, ['scripts/bench/viewer.mjs'], { cwd: root, stdio: 'inherit' });
}

function benchPrompts() {
  console.log('\n== Prompt set (issue 2): import 1,000,000 generated ~300-byte JSONL prompts; grid pages; facets');
  const file = ensurePromptFile(benchDir);
  const mb = fs.statSync(file).size / 1e6;
  console.log(`  input: ${path.relative(root, file)} (${fmt(mb, 1)} MB)`);
  warmPageCache(file);

  const ours = freshDb('ours');
  const py = freshDb('python');
  const bare = freshDb('python-bare');
  const ceiling = freshDb('ceiling');
  try {
    const a = runJson(process.execPath, ['out/bench/prompts.mjs', 'import', file, ours.db]);
    // Same rows per transaction as ours (src/core/import/run-import.ts ROWS_PER_TRANSACTION).
    const b = runJson('python3', ['scripts/bench/python_import_prompts.py', file, py.db, '16000']);
    const nb = runJson('python3', ['scripts/bench/python_import_prompts.py', file, bare.db, '5000', '--bare']);
    const w = runJson(process.execPath, ['out/bench/prompts.mjs', 'write-ceiling', file, ceiling.db]);
    const q = runJson(process.execPath, ['out/bench/prompts.mjs', 'queries', ours.db, '200']);
    table([
      ['measure', 'RL Curator', 'baseline', 'ratio', 'goal', ''],
      [
        'import rows/s',
        fmt(a.rowsPerSecond),
        `${fmt(b.rowsPerSecond)} (Python json+sqlite3, equivalent table)`,
        `${fmt(a.rowsPerSecond / b.rowsPerSecond, 2)}x`,
        '>= 300k rows/s and >= 2x',
        verdict(a.rowsPerSecond >= 300_000 && a.rowsPerSecond / b.rowsPerSecond >= 2),
      ],
      [
        '',
        '',
        `${fmt(nb.rowsPerSecond)} (Python, bare table: no indexes)`,
        `${fmt(a.rowsPerSecond / nb.rowsPerSecond, 2)}x`,
        '',
        '',
      ],
      [
        '',
        '',
        `${fmt(w.rowsPerSecond)} (SQLite alone: rows pre-built, our writes)`,
        `${fmt(a.rowsPerSecond / w.rowsPerSecond, 2)}x`,
        '',
        '',
      ],
      ['import seconds (visible)', fmt(a.seconds, 2), fmt(b.seconds, 2), '', '', ''],
      ['+ search index built (s)', fmt(a.searchableSeconds, 2), '', '', '', ''],
      ['import peak RSS MB', fmt(a.maxRssMB), fmt(b.maxRssMB), '', '<= 300 MB', verdict(a.maxRssMB <= 300)],
      ['grid page p95 ms', fmt(q.pageP95Ms, 2), '', '', '<= 20 ms', verdict(q.pageP95Ms <= 20)],
      ['grid page p50 ms', fmt(q.pageP50Ms, 2), '', '', '', ''],
      ['first page (sort) ms', fmt(q.firstPageMs, 0), '', '', '', ''],
      ['facets median ms', fmt(q.facetsMedianMs, 1), '', '', '<= 100 ms', verdict(q.facetsMedianMs <= 100)],
      ['facets max ms', fmt(q.facetsMaxMs, 1), '', '', '', ''],
    ]);
    console.log(
      `  (our import normalises and hashes questions, flags duplicates, keeps facet counts and ` +
        `the three indexes; the trigram search index is built after the dataset is visible.`,
    );
    console.log(
      `   The equivalent Python table has our columns, indexes, pragmas and transaction size; ` +
        `"SQLite alone" writes rows built beforehand, so no import can pass it.)`,
    );
    console.log(
      `  (pages: 200 random 100-row pages ` +
        `over ${fmt(q.total)} rows sorted by question with a pass-rate filter; the first page ` +
        `sorts, later pages reuse the cached order.)`,
    );
    console.log(
      `  (facets: ${q.facetTimes.map((t) => fmt(t, 1)).join(' / ')} ms for no filter, a ` +
        `subject, a pass-rate bucket, a search, two levels.)`,
    );
  } finally {
    ours.cleanup();
    py.cleanup();
    bare.cleanup();
    ceiling.cleanup();
  }
}

function benchRollouts() {
  console.log('\n== Rollout import (issue 3): native JSONL, 20,000 rollouts x 2,000 tokens with 2 signals');
  console.log(
    `  (load average ${os
      .loadavg()
      .map((l) => l.toFixed(1))
      .join(' / ')} on ${os.cpus().length} cores)`,
  );
  const file = path.join(benchDir, 'rollouts-20000x2000.jsonl');
  fs.mkdirSync(benchDir, { recursive: true });
  runJson(process.execPath, ['out/bench/rollouts.mjs', 'generate', file]);
  const mb = fs.statSync(file).size / 1e6;
  console.log(`  input: ${path.relative(root, file)} (${fmt(mb, 0)} MB)`);
  // Whoever reads the file first would otherwise pay the disk (33 MB/s here, cold): read it once, untimed.
  warmPageCache(file);
  const ws = freshDb('rollouts');
  const py = freshDb('rollouts-py');
  const duck = freshDb('rollouts-duck');
  try {
    const ceiling = runJson(process.execPath, ['out/bench/rollouts.mjs', 'ceiling', file]);
    const started = performance.now();
    let rss = NaN;
    try {
      const res = measureCommand(process.execPath, [
        'bin/rl-curator.cjs',
        'import',
        'rollouts',
        file,
        '--db',
        ws.db,
        '--json',
      ]);
      rss = res.maxRssMB;
    } catch (err) {
      console.log(`  our import failed: ${err.message}`);
    }
    const oursSeconds = (performance.now() - started) / 1000;
    const ours = { seconds: oursSeconds, mbPerSecond: mb / oursSeconds, maxRssMB: rss };
    const d = runJson(process.execPath, [
      'out/bench/rollouts.mjs',
      'duckdb',
      file,
      duck.db.replace(/ws\.db$/, 'duck.db'),
    ]);
    const p = runJson('python3', ['scripts/bench/python_import_rollouts.py', file, py.db]);
    table([
      ['measure', 'MB/s', 'seconds', 'peak RSS MB', 'our ratio', 'goal', ''],
      [
        'RL Curator import (CLI)',
        fmt(ours.mbPerSecond, 1),
        fmt(ours.seconds, 1),
        fmt(ours.maxRssMB),
        '',
        '<= 400 MB',
        verdict(ours.maxRssMB <= 400),
      ],
      [
        '(a) JSON.parse ceiling, 1 thread',
        fmt(ceiling.mbPerSecond, 1),
        fmt(ceiling.seconds, 1),
        fmt(ceiling.maxRssMB),
        `${fmt(ours.mbPerSecond / ceiling.mbPerSecond, 2)}x`,
        '>= 1.0x',
        verdict(ours.mbPerSecond >= ceiling.mbPerSecond),
      ],
      [
        '(b) DuckDB read_json into a table',
        fmt(d.mbPerSecond, 1),
        fmt(d.seconds, 1),
        fmt(d.maxRssMB),
        `${fmt(ours.mbPerSecond / d.mbPerSecond, 2)}x`,
        '>= 3x',
        verdict(ours.mbPerSecond >= 3 * d.mbPerSecond),
      ],
      [
        '(c) Python json + sqlite3 BLOBs',
        fmt(p.mbPerSecond, 1),
        fmt(p.seconds, 1),
        fmt(p.maxRssMB),
        `${fmt(ours.mbPerSecond / p.mbPerSecond, 2)}x`,
        '>= 2.5x',
        verdict(ours.mbPerSecond >= 2.5 * p.mbPerSecond),
      ],
    ]);
  } finally {
    ws.cleanup();
    py.cleanup();
    duck.cleanup();
  }
}

function warmPageCache(file) {
  const fd = fs.openSync(file, 'r');
  const buffer = Buffer.allocUnsafe(16 << 20);
  try {
    while (fs.readSync(fd, buffer, 0, buffer.length, null) > 0);
  } finally {
    fs.closeSync(fd);
  }
}

/** Runs a command under GNU time; returns its peak RSS. */
function measureCommand(cmd, args) {
  const res = spawnSync('/usr/bin/time', ['-f', 'RLC_TIME %e %M', cmd, ...args], {
    cwd: root,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  const line = (res.stderr ?? '').split('\n').find((l) => l.startsWith('RLC_TIME'));
  if (res.status !== 0 || !line) throw new Error(`exit ${res.status}: ${(res.stderr ?? '').slice(-500)}`);
  const [, seconds, kb] = line.split(' ');
  return { seconds: Number(seconds), maxRssMB: Number(kb) / 1024 };
}

function benchExport() {
  console.log(
    '\n== Export (issue 5): 1,000,000 prompts to JSONL and Parquet against DuckDB COPY from an equivalent table',
  );
  console.log(
    `  (load average ${os
      .loadavg()
      .map((l) => l.toFixed(1))
      .join(' / ')}; figures are wall-clock, with CPU seconds for ours)`,
  );
  const file = ensurePromptFile(benchDir);
  const ws = freshDb('export');
  const out = fs.mkdtempSync(path.join(os.tmpdir(), 'rlc-bench-export-out-'));
  try {
    runJson(process.execPath, ['out/bench/prompts.mjs', 'import', file, ws.db]);
    const jsonl = runJson(process.execPath, [
      'out/bench/export.mjs',
      'export',
      ws.db,
      'jsonl',
      path.join(out, 'jsonl'),
    ]);
    const oreal = runJson(process.execPath, [
      'out/bench/export.mjs',
      'export',
      ws.db,
      'oreal-jsonl',
      path.join(out, 'oreal'),
    ]);
    const parquet = runJson(process.execPath, [
      'out/bench/export.mjs',
      'export',
      ws.db,
      'parquet',
      path.join(out, 'parquet'),
    ]);
    const duck = runJson(process.execPath, ['out/bench/export.mjs', 'duckdb', file, path.join(out, 'duck')]);
    const read = runJson(process.execPath, ['out/bench/export.mjs', 'read-ceiling', ws.db]);
    table([
      ['measure', 'RL Curator', 'DuckDB COPY', 'ratio', 'goal', ''],
      [
        'JSONL rows/s (6 columns)',
        `${fmt(jsonl.rowsPerSecond)} (${fmt(jsonl.seconds, 2)} s, ${fmt(jsonl.cpuSeconds, 2)} CPU s)`,
        `${fmt(duck.rows / duck.jsonSeconds)} (${fmt(duck.jsonSeconds, 2)} s)`,
        '',
        '>= 500k rows/s',
        verdict(jsonl.rowsPerSecond >= 500_000),
      ],
      ['OREAL JSONL rows/s', `${fmt(oreal.rowsPerSecond)} (${fmt(oreal.seconds, 2)} s)`, '', '', '', ''],
      [
        'Parquet seconds (6 columns)',
        `${fmt(parquet.seconds, 2)} (${fmt(parquet.cpuSeconds, 2)} CPU s)`,
        fmt(duck.parquetSeconds, 2),
        `${fmt(parquet.seconds / duck.parquetSeconds, 2)}x`,
        'within 1.5x of DuckDB',
        verdict(parquet.seconds <= 1.5 * duck.parquetSeconds),
      ],
      [
        '(SQLite read alone, 1 thread)',
        `${fmt(read.seconds, 2)} s`,
        '',
        `${fmt(read.seconds / duck.parquetSeconds, 2)}x`,
        '',
        '',
      ],
      [
        'peak RSS MB (JSONL / Parquet)',
        `${fmt(jsonl.maxRssMB)} / ${fmt(parquet.maxRssMB)}`,
        fmt(duck.maxRssMB),
        '',
        '<= 300 MB',
        verdict(Math.max(jsonl.maxRssMB, parquet.maxRssMB) <= 300),
      ],
    ]);
    console.log(
      '  (DuckDB runs multi-threaded on both cores; its table is loaded untimed. Our exports ' +
        'run as jobs in a worker thread and include the manifest and checksums.)',
    );
  } finally {
    ws.cleanup();
    fs.rmSync(out, { recursive: true, force: true });
  }
}

function benchVerify() {
  console.log(
    '\n== Answer verifier (issue 6): checks per second on one core; whole rollouts from the ' +
      'Qwen2.5-Math fixture when present',
  );
  // Checks per second scale with the free CPU; say how busy the machine was.
  console.log(
    `  (load average ${os
      .loadavg()
      .map((l) => l.toFixed(1))
      .join(' / ')} over 1 / 5 / 15 min ` +
      `on ${os.cpus().length} cores: wall-clock figures drop on a busy machine, per-CPU-second ones much less.)`,
  );
  const fixture = path.resolve(root, '../shared/fixtures/qwen25math_math_cot_100_rollouts.jsonl');
  const r = runJson(process.execPath, ['out/bench/verify.mjs', ...(fs.existsSync(fixture) ? [fixture] : [])]);
  const job = fs.existsSync(fixture) ? runJson(process.execPath, ['out/bench/verify-job.mjs', fixture, '25']) : null;
  const s = r.stringNumeric;
  table([
    ['measure', 'per CPU-second', 'goal', ''],
    [
      `string+numeric, warm (${s.pairs} pairs)`,
      fmt(s.warmPerSecond),
      '>= 50,000/s',
      verdict(s.warmPerSecond >= 50_000),
    ],
    ['string+numeric, cold', fmt(s.coldPerSecond), '', ''],
    [`symbolic stage (${r.symbolic.pairs} pairs)`, fmt(r.symbolic.perSecond), '', ''],
    ...(r.rollouts
      ? [[`rollouts: extract + check (${fmt(r.rollouts.responses)} real responses)`, fmt(r.rollouts.perSecond), '', '']]
      : []),
    ...(job
      ? [
          [
            `verification job, ${fmt(job.verified)} rollouts (worker, staged + published)`,
            fmt(job.rolloutsPerCpuSecond),
            '',
            '',
          ],
        ]
      : []),
  ]);
  console.log(
    `  (warm: normal forms memoised, as in a job where gold answers and common answers repeat; ` +
      `cold: every answer normalised afresh.)`,
  );
  console.log(
    `  (per CPU-second = what one core does, whatever else runs; by the wall clock here: ` +
      `warm ${fmt(s.warmPerWallSecond)}/s, symbolic ${fmt(r.symbolic.perWallSecond)}/s.)`,
  );
  console.log(
    `  (string+numeric pairs never loaded ` +
      `mathjs: ${s.mathjsLoaded ? 'NO, it was loaded' : 'yes'}; loading it for the symbolic ` +
      `stage took ${fmt(r.symbolic.mathjsLoadMs)} ms, not counted; mean symbolic ` +
      `check ${fmt(r.symbolic.meanMs, 3)} ms.)`,
  );
  if (job)
    console.log(
      `  (job: the fixture's 800 responses as 25 steps of one run, in the built job worker, ` +
        `including its start and loading ` +
        `mathjs; ${fmt(job.wallSeconds, 1)} s from start to ` +
        `done, ${fmt(job.cpuSeconds, 1)} CPU-seconds over all threads.)`,
    );
  if (!r.rollouts) console.log(`  (rollout and job figures skipped: ${path.relative(root, fixture)} not found.)`);
}

/** Contamination (issue 12): the whole check in the job worker against Python MinHash + LSH on the same files. */
function benchContamination() {
  const { bench: items, train: prompts } = CONTAMINATION_BENCH;
  console.log(
    `\n== Contamination (issue 12): ${fmt(prompts)} training prompts against ${fmt(items)} benchmark items, ` +
      'every method and near-duplicate clusters',
  );
  const { bench, train } = ensureContaminationFiles(benchDir);
  const dbPath = path.join(benchDir, 'contamination', `ws-${items}-${prompts}.db`);
  if (!fs.existsSync(`${dbPath}.prepared`)) {
    for (const f of [dbPath, `${dbPath}-wal`, `${dbPath}-shm`]) fs.rmSync(f, { force: true });
    runJson(process.execPath, ['out/bench/contamination.mjs', 'prepare', bench, train, dbPath]);
    fs.writeFileSync(`${dbPath}.prepared`, '');
  }
  const load = os.loadavg()[0];
  const ours = runJson(process.execPath, ['out/bench/contamination.mjs', 'check', dbPath]);
  const py = runJson('python3', ['scripts/bench/python_minhash_lsh.py', bench, train]);
  const r = ours.result;
  table([
    ['measure', 'ours', 'Python', 'ratio', 'goal', ''],
    [
      'whole check, wall s',
      fmt(ours.seconds, 1),
      fmt(py.seconds, 1),
      `${fmt(py.seconds / ours.seconds, 2)}x`,
      '<= 60 s, >= 5x',
      verdict(ours.seconds <= 60 && py.seconds / ours.seconds >= 5),
    ],
    ['peak RSS, MB', fmt(ours.maxRssMb), fmt(py.maxRssMb), '', '<= 600 MB', verdict(ours.maxRssMb <= 600)],
    [
      "a prompt's findings, p95 ms",
      fmt(ours.forPromptP95Ms, 1),
      '',
      '',
      '<= 50 ms',
      verdict(ours.forPromptP95Ms <= 50),
    ],
    ['side panel counts, ms', fmt(ours.facetsMs, 1), '', '', '', ''],
  ]);
  console.log(
    `  (ours: ${fmt(r.prompts)} prompts, ${fmt(r.flagged)} flagged by ${fmt(r.matches)} matches, ${fmt(r.clusters)} ` +
      `clusters of ${fmt(r.promptsInClusters)} prompts; ${fmt(ours.cpuSeconds, 1)} CPU-s in this process's threads. ` +
      `Python: ${py.implementation}, MinHash + LSH queries only (no exact, template or n-gram check, no clusters, ` +
      `nothing stored), ${fmt(py.candidates)} candidates. Load average ${load.toFixed(1)} at the start.)`,
  );
}

const wanted = process.argv.slice(2);
const chosen = wanted.length ? wanted : Object.keys(sections);
console.log(`RL Curator benchmarks on ${os.cpus().length} cores, Node ${process.version}, ${new Date().toISOString()}`);
for (const name of chosen) {
  if (!sections[name]) {
    console.error(`unknown section ${name}; known: ${Object.keys(sections).join(', ')}`);
    process.exit(2);
  }
  sections[name]();
}
