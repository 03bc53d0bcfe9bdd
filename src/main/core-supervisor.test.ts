import { describe, expect, it, vi } from 'vitest';
import type { Result } from '../shared/errors';
import type { MainToCore } from './core-protocol';
import type { CoreChild } from './core-supervisor';
import { CoreSupervisor } from './core-supervisor';

/** A scripted core process: records what main sends; the test plays core's replies. */
class FakeChild implements CoreChild {
  readonly received: MainToCore[] = [];
  killed = false;
  private messageListener: ((m: unknown) => void) | undefined;
  private exitListener: ((code: number) => void) | undefined;
  constructor(private readonly onShutdown?: (child: FakeChild) => void) {}
  postMessage(message: MainToCore): void {
    this.received.push(message);
    if (message.type === 'shutdown') this.onShutdown?.(this);
  }
  onMessage(listener: (m: unknown) => void): void {
    this.messageListener = listener;
  }
  onExit(listener: (code: number) => void): void {
    this.exitListener = listener;
  }
  kill(): void {
    this.killed = true;
    this.exit(137);
  }
  reply(message: unknown): void {
    this.messageListener?.(message);
  }
  exit(code: number): void {
    this.exitListener?.(code);
  }
  calls(): Array<Extract<MainToCore, { type: 'call' }>> {
    return this.received.filter((m): m is Extract<MainToCore, { type: 'call' }> => m.type === 'call');
  }
}

function setup(options: { maxRestarts?: number; onShutdown?: (c: FakeChild) => void; stopTimeoutMs?: number } = {}) {
  const children: FakeChild[] = [];
  const events: Array<[string, unknown]> = [];
  const fatals: unknown[] = [];
  const supervisor = new CoreSupervisor({
    spawn: () => {
      const child = new FakeChild(options.onShutdown);
      children.push(child);
      return child;
    },
    onEvent: (event, payload) => events.push([event, payload]),
    onFatal: (error) => fatals.push(error),
    ...(options.maxRestarts !== undefined ? { maxRestarts: options.maxRestarts } : {}),
    ...(options.stopTimeoutMs !== undefined ? { stopTimeoutMs: options.stopTimeoutMs } : {}),
    log: () => {},
  });
  supervisor.start();
  const child = (i: number) => {
    const c = children[i];
    if (!c) throw new Error(`no child ${i}`);
    return c;
  };
  return { supervisor, children, child, events, fatals };
}

const errorCode = (r: Result<unknown>) => (r.ok ? null : r.error.code);

describe('CoreSupervisor', () => {
  it('queues calls until core is ready, then matches results by id', async () => {
    const { supervisor, child } = setup();
    const a = supervisor.call('app.info', {});
    const b = supervisor.call('stats.get', {});
    expect(child(0).calls()).toEqual([]);
    child(0).reply({ type: 'ready' });
    const [first, second] = child(0).calls();
    expect([first?.method, second?.method]).toEqual(['app.info', 'stats.get']);
    // Replies may come back in any order.
    child(0).reply({ type: 'result', id: second?.id, result: { ok: true, value: 'stats' } });
    child(0).reply({ type: 'result', id: first?.id, result: { ok: true, value: 'info' } });
    expect(await a).toEqual({ ok: true, value: 'info' });
    expect(await b).toEqual({ ok: true, value: 'stats' });
    expect(supervisor.status).toBe('ready');
  });

  it('forwards events and fatal errors, and ignores malformed messages', () => {
    const { child, events, fatals } = setup();
    child(0).reply({ type: 'fatal', error: { code: 'DB_TOO_NEW', message: 'newer' } });
    child(0).reply({ type: 'ready' });
    child(0).reply({ type: 'event', event: 'data.changed', payload: { scope: 'prompts' } });
    child(0).reply({ type: 'bogus' });
    child(0).reply(null);
    expect(events).toEqual([['data.changed', { scope: 'prompts' }]]);
    expect(fatals).toEqual([{ code: 'DB_TOO_NEW', message: 'newer' }]);
  });

  it('fails in-flight calls when core crashes, restarts it, and serves new calls from the new process', async () => {
    const { supervisor, children, child } = setup();
    child(0).reply({ type: 'ready' });
    const inFlight = supervisor.call('prompts.page', {});
    child(0).exit(9);
    const result = await inFlight;
    expect(errorCode(result)).toBe('INTERNAL');
    expect(result.ok ? '' : result.error.message).toMatch(/stopped unexpectedly \(exit code 9\)/);
    expect(children).toHaveLength(2);
    const next = supervisor.call('app.info', {});
    child(1).reply({ type: 'ready' });
    const call = child(1).calls()[0];
    child(1).reply({ type: 'result', id: call?.id, result: { ok: true, value: 'again' } });
    expect(await next).toEqual({ ok: true, value: 'again' });
    // A late message from the dead process is ignored.
    child(0).reply({ type: 'event', event: 'job.updated', payload: {} });
  });

  it('gives up after maxRestarts and fails queued and later calls', async () => {
    const { supervisor, children, child } = setup({ maxRestarts: 2 });
    const queued = supervisor.call('app.info', {});
    child(0).exit(1);
    child(1).exit(1);
    child(2).exit(1);
    expect(children).toHaveLength(3);
    expect(supervisor.status).toBe('dead');
    expect(errorCode(await queued)).toBe('INTERNAL');
    const later = await supervisor.call('app.info', {});
    expect(later.ok ? '' : later.error.message).toMatch(/crashed repeatedly/);
  });

  it('stops cleanly: sends shutdown, resolves on exit, refuses new calls', async () => {
    const { supervisor, child } = setup({ onShutdown: (c) => c.exit(0) });
    child(0).reply({ type: 'ready' });
    await supervisor.stop();
    expect(child(0).received.at(-1)).toEqual({ type: 'shutdown' });
    expect(child(0).killed).toBe(false);
    expect(supervisor.status).toBe('stopped');
    expect(errorCode(await supervisor.call('app.info', {}))).toBe('INTERNAL');
    await supervisor.stop(); // idempotent
  });

  it('kills core if it does not exit after shutdown, without restarting it', async () => {
    vi.useFakeTimers();
    try {
      const { supervisor, children, child } = setup({ stopTimeoutMs: 5_000 });
      child(0).reply({ type: 'ready' });
      const pending = supervisor.call('app.info', {});
      const stopped = supervisor.stop();
      vi.advanceTimersByTime(4_999);
      expect(child(0).killed).toBe(false);
      vi.advanceTimersByTime(1);
      await stopped;
      expect(child(0).killed).toBe(true);
      expect(children).toHaveLength(1);
      expect(errorCode(await pending)).toBe('INTERNAL');
    } finally {
      vi.useRealTimers();
    }
  });

  it('reports an input that cannot be sent as INVALID_INPUT', async () => {
    const { supervisor, child } = setup();
    child(0).reply({ type: 'ready' });
    child(0).postMessage = () => {
      throw new Error('could not be cloned');
    };
    const result = await supervisor.call('app.info', {});
    expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  });
});
