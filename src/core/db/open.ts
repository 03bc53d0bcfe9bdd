// Opening a workspace database: the pragmas are chosen deliberately, see the comments.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { CuratorError } from '../../shared/errors';
import { migrate } from './migrate';

export type Db = Database.Database;

export interface OpenOptions {
  /** Path of an Electron-ABI better_sqlite3.node; the Node build in node_modules is used otherwise. */
  nativeBinding?: string;
  readonly?: boolean;
  /** Run pending migrations (the writer does; a reader trusts the writer to have done it). */
  migrate?: boolean;
}

export function openDatabase(dbPath: string, options: OpenOptions = {}): Db {
  if (dbPath !== ':memory:') fs.mkdirSync(path.dirname(dbPath), { recursive: true });
  let db: Db;
  try {
    db = new Database(dbPath, {
      readonly: options.readonly ?? false,
      // busy timeout: another connection (an import worker) may hold the write lock for one chunk.
      timeout: 10_000,
      ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
    });
  } catch (err) {
    throw new CuratorError('DB_CORRUPT', `Cannot open workspace ${dbPath}: ${(err as Error).message}`);
  }
  try {
    applyPragmas(db, options.readonly ?? false);
    if (options.migrate ?? !options.readonly) migrate(db);
  } catch (err) {
    db.close();
    if (err instanceof CuratorError) throw err;
    const message = (err as Error).message;
    if (/not a database|malformed/i.test(message)) {
      throw new CuratorError(
        'DB_CORRUPT',
        `${dbPath} is not a valid workspace database ` +
          `(${message}). Move it aside (with its -wal and -shm files) and start again, or restore a backup.`,
      );
    }
    throw err;
  }
  return db;
}

function applyPragmas(db: Db, readonly: boolean): void {
  if (!readonly) {
    // 16 KiB pages for new workspaces (ignored once the file has content): rollouts are mostly large text
    // and BLOB rows, and bigger pages cut the write CPU of a rollout import by about a third for ~13% more
    // disk. Must come before WAL is enabled, which fixes the page size.
    db.pragma('page_size = 16384');
    // WAL: readers (the UI's queries) never block the writer (an import), and the writer never blocks them.
    db.pragma('journal_mode = WAL');
    // Cap the WAL file after checkpoints so a big import does not leave a huge -wal behind.
    db.pragma('journal_size_limit = 67108864');
  }
  // NORMAL under WAL: a power loss may drop the last transactions but never corrupts the file. Label
  // writes that must survive power loss switch to FULL for their own transaction (see labels, later).
  db.pragma('synchronous = NORMAL');
  // Enforce the schema's references (datasets -> prompts cascade, job issues).
  db.pragma('foreign_keys = ON');
  // 64 MiB page cache and in-memory temp b-trees: sorting and facet GROUP BYs over 10^6 rows stay in RAM.
  db.pragma('cache_size = -65536');
  db.pragma('temp_store = MEMORY');
}
