// `check-answer`: argument parsing, and the built CLI (node bin/rl-curator.cjs, from
// `npm run build:node`) for its output and exit codes (0 equivalent, 1 not, 2 bad usage).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCheckArgs } from './check-answer';

const ROOT = path.resolve(__dirname, '../../..');
const BUILT = fs.existsSync(path.join(ROOT, 'out/node/cli.mjs'));
const SKIP_REASON = 'the CLI is not built (run `npm run build:node`; `npm test` does)';
if (!BUILT) console.warn(`CLI check-answer tests skipped: ${SKIP_REASON}`);
const skipNote = BUILT ? '' : ` (skipped: ${SKIP_REASON})`;

function cli(...args: string[]): { code: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [path.join(ROOT, 'bin/rl-curator.cjs'), ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('parseCheckArgs', () => {
  it('takes answers that start with a minus sign as answers, and flags anywhere', () => {
    expect(parseCheckArgs(['-2', '--json', '-\\frac{4}{2}'])).toEqual({
      pred: '-2',
      gold: '-\\frac{4}{2}',
      options: {},
      json: true,
    });
    expect(parseCheckArgs(['--percent', 'never', '25', '0.25', '--multiple'])).toMatchObject({
      pred: '25',
      gold: '0.25',
      options: { percentLeniency: 'never', isMultipleAnswer: true },
    });
    expect(parseCheckArgs(['--', '--json', 'x'])).toMatchObject({ pred: '--json', gold: 'x', json: false });
    expect(() => parseCheckArgs(['1'])).toThrow(/exactly two answers/);
    expect(() => parseCheckArgs(['1', '2', '--percent=sometimes'])).toThrow(/--percent must be one of/);
  });
});

describe.skipIf(!BUILT)(`rl-curator check-answer (built CLI)${skipNote}`, () => {
  it('exits 0 and prints the stage and reason when the answers are equivalent', () => {
    const r = cli('check-answer', '\\dfrac{1}{2}', '0.5');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(
      /^equivalent\n {2}stage: numeric\n {2}reason: .+\n {2}normalised: "\\frac\{1\}\{2\}" vs "0.5"\n$/,
    );
  });

  it('exits 1 when they are not, and reads a leading minus as part of an answer', () => {
    const r = cli('check-answer', '-2', '2');
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^not equivalent\n {2}stage: none\n {2}reason: numeric: /);
  });

  it('prints JSON with --json and honours --percent', () => {
    const always = cli('check-answer', '25', '0.25', '--percent', 'always', '--json');
    expect(always.code).toBe(0);
    expect(JSON.parse(always.stdout)).toMatchObject({
      equivalent: true,
      stage: 'numeric',
      verifierVersion: expect.any(String),
    });
    expect(cli('check-answer', '25', '0.25', '--percent', 'never').code).toBe(1);
  });

  it('exits 2 with the usage on a bad command line', () => {
    const r = cli('check-answer', 'only-one');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/usage: rl-curator check-answer PRED GOLD/);
  });
});
