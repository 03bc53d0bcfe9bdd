/** Exit codes scripts can rely on (documented in the README). */
export const EXIT = {
  OK: 0,
  /** The operation failed; stderr has `error CODE: message`. */
  FAILED: 1,
  /** `contamination`: the check ran and found contaminated prompts (stderr stays empty). */
  FOUND: 1,
  /** Bad command line; stderr has the usage. */
  USAGE: 2,
  /** The input had bad records (with --on-bad skip the import still completed). */
  PARTIAL: 3,
  /** Interrupted (Ctrl+C); nothing of the interrupted job was kept. */
  INTERRUPTED: 130,
} as const;
