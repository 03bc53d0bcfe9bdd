// Errors travel as values ({ ok: false, error }) through every transport; the set of codes is closed
// so that the UI and scripts can branch on them.
export const ERROR_CODES = [
  'INVALID_INPUT',
  'UNKNOWN_METHOD',
  'NOT_FOUND',
  'FILE_NOT_FOUND',
  'FORMAT_UNKNOWN',
  'EMPTY_FILE',
  'PARSE_ERROR',
  'MISSING_FIELD',
  'ENCODING_ERROR',
  'CONFLICT',
  'CANCELLED',
  'DB_BUSY',
  'DB_TOO_NEW',
  'DB_CORRUPT',
  'UNAUTHORIZED',
  'INTERNAL',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

export interface RpcError {
  code: ErrorCode;
  message: string;
  details?: unknown;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: RpcError };

export function ok<T>(value: T): Result<T> {
  return { ok: true, value };
}

export function fail(code: ErrorCode, message: string, details?: unknown): { ok: false; error: RpcError } {
  return { ok: false, error: details === undefined ? { code, message } : { code, message, details } };
}

/** Thrown inside core; converted to an RpcError value at the contract boundary. */
export class CuratorError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'CuratorError';
  }
}

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && (ERROR_CODES as readonly string[]).includes(value);
}
