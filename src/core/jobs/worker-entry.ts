// Worker-thread entry for long jobs: opens its own connection to the workspace and runs one job,
// so the thread that answers the UI stays free. Built to out/node/job-worker.mjs.
import { parentPort, workerData } from 'node:worker_threads';
import { openDatabase } from '../db/open';
import { executeJob } from './execute';
import { HostTurn } from './host-turn';
import type { RunnerMessage, WorkerData, WorkerMessage } from './types';

async function main(): Promise<void> {
  const data = workerData as WorkerData;
  const port = parentPort;
  if (!port) throw new Error('job-worker: must run as a worker thread');
  const controller = new AbortController();
  port.on('message', (message: RunnerMessage) => {
    if (message.type === 'cancel') controller.abort();
  });
  const db = openDatabase(data.dbPath, {
    migrate: false,
    ...(data.nativeBinding ? { nativeBinding: data.nativeBinding } : {}),
  });
  try {
    const hostTurn = new HostTurn(data.hostTurn);
    await executeJob(
      db,
      data.jobId,
      data.kind,
      data.params,
      controller.signal,
      (m: WorkerMessage) => port.postMessage(m),
      {
        giveWay: () => hostTurn.giveWay(),
        hostWaiting: () => hostTurn.busy(),
      },
    );
  } finally {
    db.close();
    port.close();
  }
}

void main();
