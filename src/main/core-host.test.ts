import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createCore } from '../core';
import { CuratorError } from '../shared/errors';
import { tempDir } from '../../test/temp-workspace';
import type { CoreToMain } from './core-protocol';
import { serveCore } from './core-host';

/** An in-process stand-in for process.parentPort: records what core posts, lets the test send. */
function fakePort() {
  const posted: CoreToMain[] = [];
  const waiters: Array<{ match(m: CoreToMain): boolean; resolve(m: CoreToMain): void }> = [];
  let listener: ((message: unknown) => void) | undefined;
  return {
    posted,
    port: {
      onMessage: (l: (message: unknown) => void) => (listener = l),
      postMessage: (m: CoreToMain) => {
        posted.push(m);
        for (const w of waiters.splice(0)) {
          if (w.match(m)) w.resolve(m);
          else waiters.push(w);
        }
      },
    },
    send: (message: unknown) => listener?.(message),
    next(match: (m: CoreToMain) => boolean): Promise<CoreToMain> {
      const seen = posted.find(match);
      if (seen) return Promise.resolve(seen);
      return new Promise((resolve) => waiters.push({ match, resolve }));
    },
  };
}

const resultFor = (id: number) => (m: CoreToMain) => m.type === 'result' && m.id === id;

describe('serveCore', () => {
  const temps: Array<{ cleanup(): void }> = [];
  afterEach(() => temps.splice(0).forEach((t) => t.cleanup()));

  it('opens the workspace, answers calls by id, forwards events, and closes on shutdown', async () => {
    const tmp = tempDir('rl-curator-core-host-');
    temps.push(tmp);
    const dbPath = path.join(tmp.dir, 'workspace.db');
    const { port, posted, send, next } = fakePort();
    const exits: number[] = [];
    serveCore({
      openCore: () => createCore({ dbPath, host: 'electron', version: '1.2.3' }),
      port,
      exit: (code) => exits.push(code),
    });
    expect(posted[0]).toEqual({ type: 'ready' });
    expect(fs.existsSync(dbPath)).toBe(true);

    send({ type: 'call', id: 7, method: 'app.info', input: {} });
    send({ type: 'call', id: 8, method: 'no.such', input: {} });
    const info = await next(resultFor(7));
    expect(info).toMatchObject({
      type: 'result',
      id: 7,
      result: { ok: true, value: { host: 'electron', version: '1.2.3', dbPath } },
    });
    expect(await next(resultFor(8))).toMatchObject({ result: { ok: false, error: { code: 'UNKNOWN_METHOD' } } });

    // A small demo job emits job.updated events that must reach main.
    send({ type: 'call', id: 9, method: 'demo.load', input: { prompts: 20, seed: 1 } });
    const started = await next(resultFor(9));
    expect(started).toMatchObject({ result: { ok: true } });
    await next(
      (m) => m.type === 'event' && m.event === 'job.updated' && (m.payload as { status: string }).status === 'done',
    );

    send({ type: 'shutdown' });
    await next((m) => m.type === 'closed');
    expect(exits).toEqual([0]);
  });

  it('ignores malformed messages', async () => {
    const tmp = tempDir('rl-curator-core-host-');
    temps.push(tmp);
    const { port, posted, send, next } = fakePort();
    serveCore({
      openCore: () => createCore({ dbPath: path.join(tmp.dir, 'w.db') }),
      port,
      exit: () => {},
      log: () => {},
    });
    send({ type: 'call', id: 'x', method: 'app.info' });
    send('hello');
    send({ type: 'call', id: 1, method: 'app.info', input: {} });
    await next(resultFor(1));
    expect(posted.filter((m) => m.type === 'result')).toHaveLength(1);
    send({ type: 'shutdown' });
    await next((m) => m.type === 'closed');
  });

  it('reports a workspace that cannot be opened, then answers every call with that error', async () => {
    const { port, posted, send, next } = fakePort();
    const logs: string[] = [];
    serveCore({
      openCore: () => {
        throw new CuratorError('DB_TOO_NEW', 'written by a newer RL Curator');
      },
      port,
      exit: () => {},
      log: (m) => logs.push(m),
    });
    expect(posted.slice(0, 2)).toEqual([
      { type: 'fatal', error: { code: 'DB_TOO_NEW', message: 'written by a newer RL Curator' } },
      { type: 'ready' },
    ]);
    send({ type: 'call', id: 1, method: 'app.info', input: {} });
    expect(await next(resultFor(1))).toEqual({
      type: 'result',
      id: 1,
      result: { ok: false, error: { code: 'DB_TOO_NEW', message: 'written by a newer RL Curator' } },
    });
    expect(logs.join('\n')).toMatch(/newer RL Curator/);
  });

  it('reports a corrupt workspace file as DB_CORRUPT (real file)', async () => {
    const tmp = tempDir('rl-curator-core-host-');
    temps.push(tmp);
    const dbPath = path.join(tmp.dir, 'workspace.db');
    fs.writeFileSync(
      dbPath,
      'this is not a SQLite database, just text that is long enough to have a header'.repeat(20),
    );
    const { port, posted } = fakePort();
    serveCore({ openCore: () => createCore({ dbPath }), port, exit: () => {}, log: () => {} });
    expect(posted[0]).toMatchObject({ type: 'fatal', error: { code: 'DB_CORRUPT' } });
  });
});
