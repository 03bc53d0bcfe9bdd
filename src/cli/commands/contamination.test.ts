// The built CLI (node bin/rl-curator.cjs, from `npm run build:node`) for `contamination` and `import prompts --role`:
// exit 0 when clean, 1 when found, the evidence printed, JSON with --json.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../../../test/temp-workspace';
import { jsonl, writeFile } from '../../core/import/import-test-helpers';
import { BENCH_PROBLEMS, TRAIN_PROBLEMS } from '../../core/contamination/contamination-test-kit';

const ROOT = path.resolve(__dirname, '../../..');
const BUILT =
  fs.existsSync(path.join(ROOT, 'out/node/cli.mjs')) && fs.existsSync(path.join(ROOT, 'out/node/job-worker.mjs'));
const SKIP_REASON = 'the CLI is not built (run `npm run build:node`; `npm test` does)';
const skipNote = BUILT ? '' : ` (skipped: ${SKIP_REASON})`;

function cli(...args: string[]): { code: number | null; stdout: string; stderr: string } {
  const env = { ...process.env };
  delete env.RL_CURATOR_DB;
  const r = spawnSync(process.execPath, [path.join(ROOT, 'bin/rl-curator.cjs'), ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    env,
    timeout: 60_000,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe.skipIf(!BUILT)(`rl-curator contamination (built CLI)${skipNote}`, () => {
  let tmp: ReturnType<typeof tempDir>;
  let dbPath: string;
  beforeAll(() => {
    tmp = tempDir();
    dbPath = path.join(tmp.dir, 'ws.db');
    const bench = writeFile(tmp.dir, 'bench.jsonl', jsonl(BENCH_PROBLEMS.map((problem) => ({ problem }))));
    const train = writeFile(tmp.dir, 'train.jsonl', jsonl(TRAIN_PROBLEMS.map((p) => ({ question: p.question }))));
    const clean = writeFile(tmp.dir, 'clean.jsonl', jsonl([{ question: 'What is the smallest prime above 100?' }]));
    expect(cli('import', 'prompts', bench, '--dataset', 'bench', '--role', 'benchmark', '--db', dbPath).stdout).toMatch(
      /into benchmark "bench"/,
    );
    expect(cli('import', 'prompts', train, '--dataset', 'train', '--db', dbPath).code).toBe(0);
    expect(cli('import', 'prompts', clean, '--dataset', 'clean', '--db', dbPath).code).toBe(0);
  });
  afterAll(() => tmp.cleanup());

  it('exits 1 and lists the evidence when a dataset is contaminated', () => {
    const r = cli('contamination', '--dataset', 'train', '--db', dbPath);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^Checked train against bench in [\d.]+ s; 1 near-duplicate clusters \(2 prompts\)\.$/m);
    expect(r.stdout).toMatch(/^4 prompts flagged:$/m);
    expect(r.stdout).toMatch(/^ {2}prompt \d+: exact copy$/m);
    expect(r.stdout).toMatch(/^ {2}prompt \d+: templated$/m);
    expect(r.stdout).toMatch(/^ {4}bench #\d+ \(exact 1\.00, [a-z]+ 1\.00, [a-z]+ 1\.00\): A bag contains 5 red/m);
  });

  it('exits 0 for a clean dataset, and says when nothing changed since the last check', () => {
    const r = cli('contamination', '--dataset', 'clean', '--against', 'bench', '--db', dbPath);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^No contamination found\.$/m);
    const again = cli('contamination', '--dataset', 'clean', '--db', dbPath);
    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(/^Already checked against the same benchmarks and settings/);
  });

  it('prints every finding as JSON with --json', () => {
    const r = cli('contamination', '--dataset', 'train', '--db', dbPath, '--json', '--force');
    expect(r.code).toBe(1);
    const out = JSON.parse(r.stdout) as { flagged: number; prompts: { class: string; matches: unknown[] }[] };
    expect(out.flagged).toBe(4);
    expect(out.prompts.map((p) => p.class).sort()).toEqual(['exact', 'exact', 'near', 'templated']);
  });

  it('refuses a bad threshold with the usage exit code', () => {
    const r = cli('contamination', '--jaccard', '2', '--db', dbPath);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--jaccard takes a number in \(0, 1\]/);
  });
});
