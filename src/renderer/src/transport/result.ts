// Whatever arrives over a transport is untrusted until it looks like a Result: a broken proxy page or a
// crashed host must become a readable error banner, not an exception deep inside a component.
import type { Result, RpcError } from '../../../shared/errors';
import { isErrorCode } from '../../../shared/errors';

export function asResult<T>(raw: unknown, context: string): Result<T> {
  if (typeof raw === 'object' && raw !== null && 'ok' in raw) {
    const candidate = raw as { ok: unknown; value?: unknown; error?: unknown };
    if (candidate.ok === true) return { ok: true, value: candidate.value as T };
    if (candidate.ok === false) return { ok: false, error: asRpcError(candidate.error, context) };
  }
  return { ok: false, error: { code: 'INTERNAL', message: `${context}: the host sent an unexpected reply.` } };
}

function asRpcError(raw: unknown, context: string): RpcError {
  if (typeof raw === 'object' && raw !== null) {
    const e = raw as { code?: unknown; message?: unknown; details?: unknown };
    const message = typeof e.message === 'string' && e.message !== '' ? e.message : `${context} failed.`;
    const error: RpcError = { code: isErrorCode(e.code) ? e.code : 'INTERNAL', message };
    if (e.details !== undefined) error.details = e.details;
    return error;
  }
  return { code: 'INTERNAL', message: `${context} failed.` };
}

export function transportFailure(context: string, err: unknown): { ok: false; error: RpcError } {
  const reason = err instanceof Error ? err.message : String(err);
  return { ok: false, error: { code: 'INTERNAL', message: `${context}: ${reason}` } };
}
