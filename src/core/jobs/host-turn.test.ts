// The host thread raises a shared counter while it works; a job gives way until it drops (or a cap passes).
import { setImmediate as nextTurn } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { HostTurn } from './host-turn';

describe('HostTurn', () => {
  it('is raised only while the host works, also when the work throws', () => {
    const turn = new HostTurn();
    const seen = turn.run(() => turn.busy());
    expect(seen).toBe(true);
    expect(turn.busy()).toBe(false);
    expect(() =>
      turn.run(() => {
        throw new Error('boom');
      }),
    ).toThrow('boom');
    expect(turn.busy()).toBe(false);
  });

  it('shares its counter through the buffer (as a job thread sees it)', () => {
    const host = new HostTurn();
    const job = new HostTurn(host.buffer);
    host.run(() => expect(job.busy()).toBe(true));
    expect(job.busy()).toBe(false);
  });

  it('makes a job wait while the host is busy and go on once it is done', async () => {
    const job = new HostTurn();
    const hostCounter = new Int32Array(job.buffer); // the host thread's view of the same memory
    Atomics.add(hostCounter, 0, 1);
    let gaveWay = false;
    const waiting = job.giveWay(60_000).then(() => (gaveWay = true));
    await nextTurn();
    await nextTurn();
    expect(gaveWay).toBe(false);
    Atomics.sub(hostCounter, 0, 1);
    await waiting;
    expect(gaveWay).toBe(true);
  });

  it('stops waiting after its cap, so a long host read cannot stall a job', async () => {
    const job = new HostTurn();
    Atomics.add(new Int32Array(job.buffer), 0, 1);
    const started = performance.now();
    await job.giveWay(25);
    expect(performance.now() - started).toBeGreaterThanOrEqual(24);
    expect(job.busy()).toBe(true);
  });
});
