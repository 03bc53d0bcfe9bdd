// Worker-thread entry that reads and formats every other key range of a large text export, so SQLite's
// row reading (about half of the job thread's time) runs on both cores. It opens a read-only connection,
// begins its read transaction while the job holds the writers off (read-helper.ts), says 'ready', then
// answers block requests in order. Built to out/node/export-read-worker.mjs; without it the job reads alone.
import { parentPort, workerData } from 'node:worker_threads';
import { openDatabase } from '../db/open';
import { BlockBuilder } from './read-protocol';
import type { HelperReply, HelperRequest, ReadHelperData } from './read-protocol';
import { createRangeReader } from './read-range';
import { createTextWriter } from './writers';

const port = parentPort;
if (!port) throw new Error('export-read-worker: must run as a worker thread');
const data = workerData as ReadHelperData;
const post = (reply: HelperReply, transfer: ArrayBuffer[] = []) => port.postMessage(reply, transfer);

try {
  const db = openDatabase(data.dbPath, {
    readonly: true,
    migrate: false,
    ...(data.nativeBinding ? { nativeBinding: data.nativeBinding } : {}),
  });
  // A scan reads each page once: a small page cache keeps the thread's memory (and cache misses) down.
  db.pragma('cache_size = -4096');
  // The read transaction stays open for the thread's life; its first read fixes the snapshot.
  db.exec('BEGIN');
  db.prepare('SELECT count(*) FROM datasets').get();
  post({ type: 'ready' });

  const reader = createRangeReader(db, data.ex);
  const block = new BlockBuilder();
  const writer = createTextWriter(data.ex, block);
  if (!writer?.flush) throw new Error(`export-read-worker: ${data.ex.request.format} is not a text format`);
  // What a writer writes before its first row (the CSV header) is the job thread's to write: drop it.
  writer.flush();
  block.take({ matched: 0, excludedByLabel: 0, excludedByPassRate: 0 });
  port.on('message', (request: HelperRequest) => {
    try {
      const { matched, excludedByLabel, excludedByPassRate } = reader.sieve;
      reader.read(request.after, request.last, (row) => {
        writer.add(row, 0, null);
        block.add(row);
      });
      writer.flush?.();
      const s = reader.sieve;
      post(
        ...block.take({
          matched: s.matched - matched,
          excludedByLabel: s.excludedByLabel - excludedByLabel,
          excludedByPassRate: s.excludedByPassRate - excludedByPassRate,
        }),
      );
    } catch (err) {
      post({ type: 'error', message: (err as Error).stack ?? String(err) });
    }
  });
} catch (err) {
  post({ type: 'error', message: (err as Error).stack ?? String(err) });
}
