import { describe, expect, it } from 'vitest';
import { IPC_CALL_CHANNEL, IPC_EVENT_CHANNEL, IPC_PICK_FILE_CHANNEL } from '../shared/bridge';
import type { IpcRendererLike } from './bridge';
import { createCuratorBridge } from './bridge';

type IpcListener = (event: unknown, message: unknown) => void;

/** ipcRenderer stand-in: records invokes, lets the test push messages as main would. */
class FakeIpcRenderer implements IpcRendererLike {
  readonly invoked: unknown[][] = [];
  readonly listeners = new Map<string, IpcListener[]>();
  answer: unknown = { ok: true, value: 1 };
  invoke(channel: string, ...args: unknown[]): Promise<unknown> {
    this.invoked.push([channel, ...args]);
    return Promise.resolve(this.answer);
  }
  on(channel: string, listener: IpcListener): this {
    this.listeners.set(channel, [...(this.listeners.get(channel) ?? []), listener]);
    return this;
  }
  removeListener(channel: string, listener: IpcListener): this {
    this.listeners.set(
      channel,
      (this.listeners.get(channel) ?? []).filter((l) => l !== listener),
    );
    return this;
  }
  push(message: unknown): void {
    const rawEvent = { sender: 'ipcRenderer', ports: [] };
    for (const l of this.listeners.get(IPC_EVENT_CHANNEL) ?? []) l(rawEvent, message);
  }
  count(): number {
    return (this.listeners.get(IPC_EVENT_CHANNEL) ?? []).length;
  }
}

describe('createCuratorBridge', () => {
  it('exposes exactly call, on, pickFile and platform, frozen, with no ipcRenderer', () => {
    const ipc = new FakeIpcRenderer();
    const bridge = createCuratorBridge(ipc, 'linux');
    expect(Object.keys(bridge).sort()).toEqual(['call', 'on', 'pickFile', 'platform']);
    expect(bridge.platform).toBe('linux');
    expect(Object.isFrozen(bridge)).toBe(true);
    expect(Object.values(bridge)).not.toContain(ipc);
    for (const key of ['call', 'on', 'pickFile'] as const) expect(typeof bridge[key]).toBe('function');
  });

  it("call() invokes the RPC channel with (method, input) and returns main's answer", async () => {
    const ipc = new FakeIpcRenderer();
    const bridge = createCuratorBridge(ipc, 'linux');
    ipc.answer = { ok: true, value: { rows: [] } };
    expect(await bridge.call('prompts.page', { limit: 5 })).toEqual({ ok: true, value: { rows: [] } });
    expect(ipc.invoked).toEqual([[IPC_CALL_CHANNEL, 'prompts.page', { limit: 5 }]]);
  });

  it('call() rejects a non-string method without touching IPC', async () => {
    const ipc = new FakeIpcRenderer();
    const bridge = createCuratorBridge(ipc, 'linux');
    await expect(bridge.call(42 as unknown as string, {})).rejects.toThrow(TypeError);
    expect(ipc.invoked).toEqual([]);
  });

  it('on() delivers only the payload, only for the named event', () => {
    const ipc = new FakeIpcRenderer();
    const bridge = createCuratorBridge(ipc, 'linux');
    const jobs: unknown[][] = [];
    const data: unknown[][] = [];
    bridge.on('job.updated', (...args) => jobs.push(args));
    bridge.on('data.changed', (...args) => data.push(args));
    ipc.push({ event: 'job.updated', payload: { id: 1, status: 'running' } });
    ipc.push({ event: 'data.changed', payload: { scope: 'prompts' } });
    ipc.push({ event: 'other', payload: 1 });
    ipc.push('garbage');
    ipc.push(null);
    expect(jobs).toEqual([[{ id: 1, status: 'running' }]]);
    expect(data).toEqual([[{ scope: 'prompts' }]]);
  });

  it('uses one ipcRenderer listener while anyone listens and removes it after the last unsubscribe', () => {
    const ipc = new FakeIpcRenderer();
    const bridge = createCuratorBridge(ipc, 'linux');
    const seen: unknown[] = [];
    const listener = (p: unknown) => seen.push(p);
    const offA = bridge.on('job.updated', listener);
    const offB = bridge.on('job.updated', listener);
    const offC = bridge.on('data.changed', listener);
    expect(ipc.count()).toBe(1);
    ipc.push({ event: 'job.updated', payload: 'x' });
    expect(seen).toEqual(['x', 'x']);
    offA();
    offA(); // idempotent: must not remove B's subscription
    ipc.push({ event: 'job.updated', payload: 'y' });
    expect(seen).toEqual(['x', 'x', 'y']);
    offB();
    expect(ipc.count()).toBe(1);
    offC();
    expect(ipc.count()).toBe(0);
    ipc.push({ event: 'job.updated', payload: 'z' });
    expect(seen).toEqual(['x', 'x', 'y']);
  });

  it('keeps delivering to other listeners when one throws', () => {
    const ipc = new FakeIpcRenderer();
    const bridge = createCuratorBridge(ipc, 'linux');
    const seen: unknown[] = [];
    const originalError = console.error;
    const errors: unknown[] = [];
    console.error = (...args: unknown[]) => errors.push(args);
    try {
      bridge.on('job.updated', () => {
        throw new Error('boom');
      });
      bridge.on('job.updated', (p) => seen.push(p));
      ipc.push({ event: 'job.updated', payload: 1 });
    } finally {
      console.error = originalError;
    }
    expect(seen).toEqual([1]);
    expect(errors).toHaveLength(1);
  });

  it.each<[string, unknown, unknown]>([
    ['non-string event', 1, () => {}],
    ['non-function listener', 'job.updated', 'not a function'],
  ])('on() rejects a %s', (_name, event, listener) => {
    const bridge = createCuratorBridge(new FakeIpcRenderer(), 'linux');
    expect(() => bridge.on(event as string, listener as () => void)).toThrow(TypeError);
  });

  it.each<[unknown, string | null]>([
    ['/data/prompts.parquet', '/data/prompts.parquet'],
    [null, null],
    [{ path: '/x' }, null],
  ])('pickFile() invokes the pick-file channel with no arguments; %j -> %j', async (answer, expected) => {
    const ipc = new FakeIpcRenderer();
    ipc.answer = answer;
    expect(await createCuratorBridge(ipc, 'darwin').pickFile()).toBe(expected);
    expect(ipc.invoked).toEqual([[IPC_PICK_FILE_CHANNEL]]);
  });
});
