import { afterAll, describe, expect, it } from 'vitest';
import path from 'node:path';
import { createCore } from '../core';
import { IPC_CALL_CHANNEL, IPC_PICK_FILE_CHANNEL } from '../shared/bridge';
import type { Result } from '../shared/errors';
import { ok } from '../shared/errors';
import { tempDir } from '../../test/temp-workspace';
import type { InvokeEventLike, IpcMainLike } from './ipc-dispatch';
import { registerIpcHandlers } from './ipc-dispatch';
import type { FrameLike } from './sender';

type Handler = (event: InvokeEventLike, ...args: unknown[]) => unknown;

class FakeIpcMain implements IpcMainLike {
  readonly handlers = new Map<string, Handler>();
  handle(channel: string, listener: Handler): void {
    if (this.handlers.has(channel)) throw new Error(`second handler for ${channel}`);
    this.handlers.set(channel, listener);
  }
  invoke(channel: string, event: InvokeEventLike, ...args: unknown[]): Promise<unknown> {
    const handler = this.handlers.get(channel);
    if (!handler) throw new Error(`no handler for ${channel}`);
    return Promise.resolve().then(() => handler(event, ...args));
  }
}

const ALLOWED = ['app://bundle'];
const appFrame: FrameLike = { url: 'app://bundle/index.html', parent: null, isDestroyed: () => false };
const fromFrame = (senderFrame: FrameLike | null): InvokeEventLike => ({ senderFrame, sender: { id: 1 } });

function setup() {
  const ipc = new FakeIpcMain();
  const calls: Array<[string, unknown]> = [];
  const picks: unknown[] = [];
  const channels = registerIpcHandlers(ipc, {
    allowedOrigins: ALLOWED,
    call: async (method, input) => {
      calls.push([method, input]);
      return ok({ echoed: method });
    },
    pickFile: async (sender) => {
      picks.push(sender);
      return '/data/prompts.jsonl';
    },
  });
  return { ipc, calls, picks, channels };
}

const BAD_SENDERS: Array<[string, FrameLike | null]> = [
  ['a null frame', null],
  ['a destroyed frame', { url: 'app://bundle/index.html', parent: null, isDestroyed: () => true }],
  ['a subframe', { url: 'app://bundle/index.html', parent: appFrame }],
  ['a foreign origin', { url: 'https://app.attacker.com/', parent: null }],
  ['a lookalike origin', { url: 'app://bundle.evil/', parent: null }],
  ['a file page', { url: 'file:///etc/passwd', parent: null }],
];

describe('registerIpcHandlers', () => {
  it('registers exactly the RPC and pick-file channels', () => {
    const { ipc, channels } = setup();
    expect([...ipc.handlers.keys()].sort()).toEqual([IPC_CALL_CHANNEL, IPC_PICK_FILE_CHANNEL].sort());
    expect(channels.sort()).toEqual([IPC_CALL_CHANNEL, IPC_PICK_FILE_CHANNEL].sort());
  });

  it('registers no pick-file channel when the host has no dialog', () => {
    const ipc = new FakeIpcMain();
    registerIpcHandlers(ipc, { allowedOrigins: ALLOWED, call: async () => ok(null) });
    expect([...ipc.handlers.keys()]).toEqual([IPC_CALL_CHANNEL]);
  });

  it('forwards a valid call from the app frame', async () => {
    const { ipc, calls } = setup();
    const result = await ipc.invoke(IPC_CALL_CHANNEL, fromFrame(appFrame), 'prompts.page', { limit: 5 });
    expect(result).toEqual({ ok: true, value: { echoed: 'prompts.page' } });
    expect(calls).toEqual([['prompts.page', { limit: 5 }]]);
  });

  it.each(BAD_SENDERS)('refuses RPC from %s without calling core', async (_name, frame) => {
    const { ipc, calls } = setup();
    const result = (await ipc.invoke(IPC_CALL_CHANNEL, fromFrame(frame), 'app.info', {})) as Result<unknown>;
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.code).toBe('UNAUTHORIZED');
    expect(calls).toEqual([]);
  });

  it.each<[string, unknown[], string]>([
    ['an unknown method', ['fs.readFile', {}], 'UNKNOWN_METHOD'],
    ['a prototype key as method', ['__proto__', {}], 'UNKNOWN_METHOD'],
    ['a non-string method', [42, {}], 'UNKNOWN_METHOD'],
    ['a Date input', ['app.info', new Date()], 'INVALID_INPUT'],
    ['a function-bearing input', ['app.info', { f: () => 1 }], 'INVALID_INPUT'],
    ['a typed-array input', ['prompts.get', new Uint8Array(2)], 'INVALID_INPUT'],
    ['no arguments', [], 'INVALID_INPUT'],
    ['extra arguments', ['app.info', {}, 'extra'], 'INVALID_INPUT'],
  ])('refuses %s before core sees it', async (_name, args, code) => {
    const { ipc, calls } = setup();
    const result = (await ipc.invoke(IPC_CALL_CHANNEL, fromFrame(appFrame), ...args)) as Result<unknown>;
    expect(result).toMatchObject({ ok: false, error: { code } });
    expect(calls).toEqual([]);
  });

  it('answers pickFile for the app frame with the dialog result and the sender', async () => {
    const { ipc, picks } = setup();
    const event = fromFrame(appFrame);
    expect(await ipc.invoke(IPC_PICK_FILE_CHANNEL, event)).toBe('/data/prompts.jsonl');
    expect(picks).toEqual([event.sender]);
  });

  it.each(BAD_SENDERS)('rejects pickFile from %s without showing a dialog', async (_name, frame) => {
    const { ipc, picks } = setup();
    await expect(ipc.invoke(IPC_PICK_FILE_CHANNEL, fromFrame(frame))).rejects.toThrow(/pickFile refused/);
    expect(picks).toEqual([]);
  });
});

describe('IPC dispatch against a real core', () => {
  const tmp = tempDir('rl-curator-ipc-');
  const core = createCore({ dbPath: path.join(tmp.dir, 'workspace.db'), host: 'electron', version: '9.9.9' });
  const ipc = new FakeIpcMain();
  registerIpcHandlers(ipc, { allowedOrigins: ALLOWED, call: (m, i) => core.call(m, i) });
  afterAll(async () => {
    await core.close();
    tmp.cleanup();
  });

  it('returns app.info from the workspace', async () => {
    const result = (await ipc.invoke(IPC_CALL_CHANNEL, fromFrame(appFrame), 'app.info', {})) as Result<{
      host: string;
      version: string;
      dbPath: string;
    }>;
    expect(result.ok).toBe(true);
    if (result.ok)
      expect(result.value).toMatchObject({
        host: 'electron',
        version: '9.9.9',
        dbPath: path.join(tmp.dir, 'workspace.db'),
      });
  });

  it('passes contract validation errors through as values', async () => {
    const result = (await ipc.invoke(IPC_CALL_CHANNEL, fromFrame(appFrame), 'prompts.page', {
      limit: 0,
    })) as Result<unknown>;
    expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  });
});
