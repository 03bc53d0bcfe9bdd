// The built CLI (node bin/rl-curator.cjs, from `npm run build:node`) for `verify`: exit codes and
// output, with the verification job running in the built job worker.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../../../test/temp-workspace';
import { createCore } from '../../core/index';
import { EXPECTED, loadSmallWorkspace } from '../../core/verification/verification-test-helpers';

const ROOT = path.resolve(__dirname, '../../..');
const BUILT =
  fs.existsSync(path.join(ROOT, 'out/node/cli.mjs')) && fs.existsSync(path.join(ROOT, 'out/node/job-worker.mjs'));
const SKIP_REASON = 'the CLI is not built (run `npm run build:node`; `npm test` does)';
if (!BUILT) console.warn(`CLI verify/check-answer tests skipped: ${SKIP_REASON}`);
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

describe.skipIf(!BUILT)(`rl-curator verify (built CLI)${skipNote}`, () => {
  let tmp: ReturnType<typeof tempDir>;
  let dbPath: string;
  beforeAll(async () => {
    tmp = tempDir();
    dbPath = path.join(tmp.dir, 'ws.db');
    const core = createCore({ dbPath });
    await loadSmallWorkspace(core, tmp.dir);
    await core.close();
  });
  afterAll(() => tmp.cleanup());

  it('verifies a run and prints agreement in each direction and the suspect gold answers', () => {
    const r = cli('verify', '--run', 'small-run', '--db', dbPath);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const line = (label: string) => new RegExp(`^ {2}${label}: +(\\d+)$`, 'm').exec(r.stdout)?.[1];
    expect(r.stdout).toMatch(
      new RegExp(`^Verified ${EXPECTED.rollouts} of ${EXPECTED.rollouts} rollouts of run "small-run" in `),
    );
    expect(line('agree with the log')).toBe(String(EXPECTED.agree));
    expect(line('logged correct, re-check wrong')).toBe(String(EXPECTED.loggedCorrectRecheckWrong));
    expect(line('logged wrong, re-check right')).toBe(String(EXPECTED.loggedWrongRecheckRight));
    expect(line('no extractable answer')).toBe(String(EXPECTED.noAnswer));
    expect(line('suspect gold answers \\(prompts\\)')).toBe('1');
    expect(r.stdout).toMatch(/^ {4}prompt \d+: gold "12", majority "15" \(5 of 5\): What is three times five\?$/m);
  });

  it('prints the job result as JSON with --json, for a dataset', () => {
    const r = cli('verify', '--dataset', 'prompts', '--db', dbPath, '--json');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as { status: string; result: Record<string, unknown> };
    expect(out.status).toBe('done');
    expect(out.result).toMatchObject({
      rollouts: EXPECTED.rollouts - 1,
      suspectGold: 1,
      scope: { label: 'dataset "prompts"' },
    });
  });

  it('fails with NOT_FOUND for an unknown name and with the usage for a stray argument', () => {
    const unknown = cli('verify', '--dataset', 'nope', '--db', dbPath);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toBe('error NOT_FOUND: No dataset named "nope" (datasets: "prompts").\n');
    const stray = cli('verify', 'small-run', '--db', dbPath);
    expect(stray.code).toBe(2);
    expect(stray.stderr).toMatch(/usage: rl-curator verify/);
  });
});
