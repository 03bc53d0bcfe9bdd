// The limits every reader applies, and the small text helpers their messages share.

/**
 * 1 MiB reads: few syscalls, and a batch of records small enough that a 1M-row prompt import peaks ~55 MB
 * lower than with 4 MiB reads (measured), at the same speed.
 */
export const READ_CHUNK_BYTES = 1024 * 1024;

/**
 * One record (a line, a JSON value) may not exceed this. Large enough for a 50 MB question or a 128k-token
 * rollout with its signals; small enough that one record cannot exhaust memory (it is held as bytes, then as
 * text, then parsed). A longer record is reported as bad without being held, and reading goes on after it.
 */
export const MAX_RECORD_BYTES = 64 * 1024 * 1024;

/**
 * JSON nested deeper than this is refused: SQLite's JSON functions stop at 1000 levels, and JSON.stringify
 * overflows the stack a few thousand levels down (a 10,000-deep value used to end an import with a RangeError).
 */
export const MAX_JSON_DEPTH = 1000;

const EXCERPT_CHARS = 200;

/** The start of a record's text for an issue report (null stays null). */
export function excerpt(text: string | null | undefined, max = EXCERPT_CHARS): string | null {
  if (text === null || text === undefined) return null;
  return text.length <= max ? text : `${text.slice(0, max)}…`;
}

export function mib(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(bytes < 10 * 1024 * 1024 ? 1 : 0)} MiB`;
}
