// The label transaction runs with synchronous = FULL (the WAL is fsynced at commit) and the connection
// returns to NORMAL afterwards, also when the transaction fails.
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempDir } from '../../../test/temp-workspace';
import { openDatabase } from '../db/open';
import type { Db } from '../db/open';
import { durableTransaction } from './durable';

const FULL = 2;
const NORMAL = 1;

describe('durableTransaction', () => {
  let tmp: ReturnType<typeof tempDir>;
  let db: Db;
  beforeEach(() => {
    tmp = tempDir();
    db = openDatabase(path.join(tmp.dir, 'ws.db'));
  });
  afterEach(() => {
    db.close();
    tmp.cleanup();
  });

  it('commits with synchronous = FULL and restores NORMAL', () => {
    expect(db.pragma('synchronous', { simple: true })).toBe(NORMAL);
    const seen = durableTransaction(db, () => {
      db.prepare(`INSERT INTO settings (key, value) VALUES ('k', 'v')`).run();
      return { level: db.pragma('synchronous', { simple: true }), inTransaction: db.inTransaction };
    });
    expect(seen).toEqual({ level: FULL, inTransaction: true });
    expect(db.pragma('synchronous', { simple: true })).toBe(NORMAL);
    expect(db.prepare(`SELECT value FROM settings WHERE key = 'k'`).pluck().get()).toBe('v');
  });

  it('rolls back and restores NORMAL when the work throws', () => {
    expect(() =>
      durableTransaction(db, () => {
        db.prepare(`INSERT INTO settings (key, value) VALUES ('k', 'v')`).run();
        throw new Error('boom');
      }),
    ).toThrow('boom');
    expect(db.pragma('synchronous', { simple: true })).toBe(NORMAL);
    expect(db.prepare(`SELECT count(*) FROM settings`).pluck().get()).toBe(0);
  });
});
