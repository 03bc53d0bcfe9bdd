// Two ways to reach the same contract: core in-process, and the HTTP host. The contract suite runs on both
// so serialization drift between transports shows up as a failing test.
import path from 'node:path';
import type { EventName, EventPayload } from '../src/shared/contract';
import type { Job } from '../src/shared/domain';
import type { Result } from '../src/shared/errors';
import { createCore } from '../src/core/index';
import type { Core } from '../src/core/index';
import { startServer } from '../src/server/http-server';
import type { RunningServer } from '../src/server/http-server';

export interface ContractClient {
  call(method: string, input: unknown): Promise<Result<unknown>>;
  /** Resolves with the job once an event reports it finished. */
  waitForJob(id: number): Promise<Job>;
  close(): Promise<void>;
}

const FINAL = new Set(['done', 'failed', 'cancelled']);

export function directClient(dbPath: string): ContractClient & { core: Core } {
  const core = createCore({ dbPath });
  return {
    core,
    call: (method, input) => core.call(method, input),
    waitForJob: (id) => core.waitForJob(id),
    close: () => core.close(),
  };
}

export async function httpClient(dbPath: string): Promise<ContractClient & { server: RunningServer }> {
  const core = createCore({ dbPath, host: 'server' });
  const server = await startServer({
    core,
    staticDir: path.join(path.dirname(dbPath), 'no-web'),
    uploadDir: path.join(path.dirname(dbPath), 'uploads'),
  });
  const headers = { Authorization: `Bearer ${server.token}`, 'Content-Type': 'application/json' };
  const call = async (method: string, input: unknown): Promise<Result<unknown>> => {
    const res = await fetch(`${server.url}api/call`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ method, input }),
    });
    return (await res.json()) as Result<unknown>;
  };
  return {
    server,
    call,
    async waitForJob(id) {
      const controller = new AbortController();
      const res = await fetch(`${server.url}api/events`, { headers, signal: controller.signal });
      try {
        // Subscribed; a job that finished before the subscription is read directly.
        const current = (await call('jobs.get', { id })) as Result<Job>;
        if (current.ok && FINAL.has(current.value.status)) return current.value;
        for await (const event of readSse(res)) {
          if (event.name !== 'job.updated') continue;
          const job = event.data as EventPayload<'job.updated'>;
          if (job.id === id && FINAL.has(job.status)) return job;
        }
        throw new Error('event stream ended before the job finished');
      } finally {
        controller.abort();
      }
    },
    async close() {
      await server.close();
      await core.close();
    },
  };
}

export async function* readSse(res: Response): AsyncGenerator<{ name: EventName; data: unknown }> {
  if (!res.body) return;
  const decoder = new TextDecoder();
  let buffer = '';
  const reader = res.body.getReader();
  for (;;) {
    const { value, done } = await reader.read();
    if (done) return;
    buffer += decoder.decode(value, { stream: true });
    let sep: number;
    while ((sep = buffer.indexOf('\n\n')) >= 0) {
      const block = buffer.slice(0, sep);
      buffer = buffer.slice(sep + 2);
      const name = /^event: (.*)$/m.exec(block)?.[1];
      const data = /^data: (.*)$/m.exec(block)?.[1];
      if (name && data) yield { name: name as EventName, data: JSON.parse(data) as unknown };
    }
  }
}
