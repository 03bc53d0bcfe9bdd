// Jobs write in long transactions on their own threads (a prompt import holds the write lock most of the
// time), while the host thread's writes (a label, a job's progress) wait in SQLite's busy handler, which
// polls at up to 100 ms intervals and can miss every short gap between a job's transactions until its
// timeout expires ("database is locked"). So the host raises a counter shared with the job threads while
// it works, and a job gives way between two transactions until the host is done.
import { setTimeout as sleep } from 'node:timers/promises';

/** How long a job waits for the host at most per turn: a long read (a facet count) must not stall it. */
export const MAX_GIVE_WAY_MS = 500;
const POLL_MS = 1;

export class HostTurn {
  private readonly count: Int32Array;

  constructor(readonly buffer: SharedArrayBuffer = new SharedArrayBuffer(4)) {
    this.count = new Int32Array(buffer);
  }

  /** Host side: runs `work` synchronously with the counter raised. */
  run<T>(work: () => T): T {
    Atomics.add(this.count, 0, 1);
    try {
      return work();
    } finally {
      Atomics.sub(this.count, 0, 1);
    }
  }

  busy(): boolean {
    return Atomics.load(this.count, 0) > 0;
  }

  /** Job side (call with no transaction open): returns once the host has no work in hand, or after `maxMs`. */
  async giveWay(maxMs = MAX_GIVE_WAY_MS): Promise<void> {
    const until = performance.now() + maxMs;
    while (this.busy() && performance.now() < until) await sleep(POLL_MS);
  }
}
