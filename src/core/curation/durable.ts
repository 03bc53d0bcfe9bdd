// Curation writes are acknowledged only once they are on disk. The workspace runs with synchronous =
// NORMAL (a power loss may drop the last commits, see db/open.ts); a label write switches its connection
// to FULL for its own transaction, so the WAL is fsynced before the call returns. The pragma cannot
// change inside a transaction, hence around it.
import type { Db } from '../db/open';

export function durableTransaction<T>(db: Db, work: () => T): T {
  db.pragma('synchronous = FULL');
  try {
    return db.transaction(work).immediate();
  } finally {
    db.pragma('synchronous = NORMAL');
  }
}
