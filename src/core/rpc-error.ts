import type { RpcError } from '../shared/errors';
import { CuratorError } from '../shared/errors';

/** Maps anything thrown inside core to a contract error value. */
export function toRpcError(err: unknown): RpcError {
  if (err instanceof CuratorError)
    return err.details === undefined
      ? { code: err.code, message: err.message }
      : { code: err.code, message: err.message, details: err.details };
  const e = err as { code?: string; message?: string };
  if (e?.code === 'SQLITE_BUSY' || e?.code === 'SQLITE_LOCKED')
    return { code: 'DB_BUSY', message: 'The workspace is busy (another write is in progress). Try again in a moment.' };
  if (e?.code === 'SQLITE_CORRUPT' || e?.code === 'SQLITE_NOTADB')
    return { code: 'DB_CORRUPT', message: `The workspace database is damaged: ${e.message}` };
  if (e?.code === 'ENOENT') return { code: 'FILE_NOT_FOUND', message: e.message ?? 'File not found.' };
  console.error('core: unexpected error', err);
  return { code: 'INTERNAL', message: e?.message ?? String(err) };
}
