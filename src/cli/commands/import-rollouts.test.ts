// The built CLI killed with SIGKILL in the middle of a ~200 MB rollout import, at a random point after
// some chunks were committed (found from its progress output, no sleeps): nothing of the unfinished
// import is visible, the same command resumes it, the database passes integrity_check and holds exactly
// the file's rollouts. Needs `npm run build:node` (the test is skipped with a note otherwise).
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempDir } from '../../../test/temp-workspace';
import { writeSyntheticFile } from '../../core/rollouts/synthetic';

const ROOT = path.resolve(__dirname, '../../..');
const CLI = path.join(ROOT, 'bin', 'rl-curator.cjs');
const BUILT = ['cli.mjs', 'job-worker.mjs', 'rollout-parse-worker.mjs'].every((f) =>
  fs.existsSync(path.join(ROOT, 'out', 'node', f)),
);
const NOT_BUILT = 'built CLI not found in out/node: run `npm run build:node` first';
if (!BUILT) console.warn(`import-rollouts kill test skipped: ${NOT_BUILT}`);

/** 4,200 rollouts × 2,000 tokens with two signals: about 200 MB. */
const ROLLOUTS = 4200;

function run(args: string[]): ChildProcess {
  return spawn(process.execPath, [CLI, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
}

function exited(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => child.once('exit', (code) => resolve(code)));
}

/** Resolves with the committed row counts seen, once `commits` increases have been reported. */
function afterCommits(child: ChildProcess, commits: number): Promise<number[]> {
  return new Promise((resolve, reject) => {
    const seen: number[] = [];
    const lines = createInterface({ input: child.stderr as NodeJS.ReadableStream });
    lines.on('line', (line) => {
      if (!line.startsWith('progress ')) return;
      const rows = (JSON.parse(line.slice('progress '.length)) as { rows: number }).rows;
      if (rows > (seen[seen.length - 1] ?? 0)) seen.push(rows);
      if (seen.length === commits) resolve(seen);
    });
    child.once('exit', (code) =>
      reject(new Error(`the import ended (code ${code}) after ${seen.length} commits, before ${commits}`)),
    );
  });
}

describe('rl-curator import rollouts (built CLI)', () => {
  let tmp: ReturnType<typeof tempDir>;
  let child: ChildProcess | null = null;
  beforeEach(() => {
    tmp = tempDir();
  });
  afterEach(() => {
    if (child && child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    tmp.cleanup();
  });

  it.skipIf(!BUILT)(
    `resumes after kill -9 without duplicates or corruption${BUILT ? '' : ` (${NOT_BUILT})`}`,
    { timeout: 240_000 },
    async () => {
      const file = path.join(tmp.dir, 'rollouts.jsonl');
      const db = path.join(tmp.dir, 'ws.db');
      const bytes = writeSyntheticFile(file, {
        rollouts: ROLLOUTS,
        tokensPerRollout: 2000,
        groupSize: 8,
        rolloutsPerStep: 1000,
        seed: Date.now() % 1000,
      });
      expect(bytes).toBeGreaterThan(190e6);

      const commits = 1 + Math.floor(Math.random() * 3);
      child = run(['import', 'rollouts', file, '--db', db, '--progress']);
      const ended = exited(child);
      const seen = await afterCommits(child, commits);
      child.kill('SIGKILL');
      expect(await ended).toBeNull();
      expect(seen[seen.length - 1]).toBeLessThan(ROLLOUTS);

      const killed = new Database(db, { readonly: true });
      const before = killed
        .prepare(
          `SELECT (SELECT count(*) FROM runs WHERE status = 'ready') AS visible, (SELECT ` +
            `count(*) FROM rollouts) AS rows`,
        )
        .get() as { visible: number; rows: number };
      killed.close();
      expect(before.visible).toBe(0);
      expect(before.rows).toBeGreaterThanOrEqual(seen[seen.length - 1] as number);

      child = run(['import', 'rollouts', file, '--db', db, '--json']);
      let out = '';
      child.stdout?.on('data', (d: Buffer) => (out += d.toString()));
      expect(await exited(child)).toBe(0);
      const result = JSON.parse(out) as {
        status: string;
        result: { rollouts: number; resumedFromLine: number | null };
      };
      expect(result.status).toBe('done');
      expect(result.result.rollouts).toBe(ROLLOUTS);
      expect(result.result.resumedFromLine).toBeGreaterThanOrEqual(seen[seen.length - 1] as number);

      const check = new Database(db, { readonly: true });
      expect(check.pragma('integrity_check', { simple: true })).toBe('ok');
      expect(
        check.prepare(`SELECT count(*) AS rows, count(DISTINCT source_line) AS lines FROM rollouts`).get(),
      ).toEqual({ rows: ROLLOUTS, lines: ROLLOUTS });
      expect(check.prepare(`SELECT status, rollout_count AS n FROM runs`).all()).toEqual([
        { status: 'ready', n: ROLLOUTS },
      ]);
      expect(check.prepare(`SELECT sum(rollout_count) AS n FROM run_steps`).get()).toEqual({ n: ROLLOUTS });
      expect(check.prepare(`SELECT count(*) AS n FROM rollout_signals`).get()).toEqual({ n: 2 * ROLLOUTS });
      check.close();
    },
  );
});
