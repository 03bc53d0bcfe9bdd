import type { PassRateBucket } from '../../shared/domain';

/** JS twin of BUCKET_CASE (filter-sql.ts); a test keeps the two in step. */
export function passRateBucket(rate: number | null): PassRateBucket {
  if (rate === null) return 'unknown';
  if (rate === 0) return '0';
  if (rate < 0.25) return '(0,0.25)';
  if (rate < 0.5) return '[0.25,0.5)';
  if (rate < 0.75) return '[0.5,0.75)';
  if (rate < 1) return '[0.75,1)';
  return '1';
}
