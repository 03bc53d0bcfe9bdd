// Options every `import` command takes, declared and checked once.
import type { BadRecordPolicy } from '../shared/domain';
import { UsageError } from './usage-error';

export const IMPORT_OPTIONS = {
  'on-bad': { type: 'string', default: 'abort' },
  // Import a file that was imported before (same size and content); without it the CLI refuses (CONFLICT).
  again: { type: 'boolean', default: false },
  db: { type: 'string' },
  json: { type: 'boolean', default: false },
} as const;

export function badRecordPolicy(value: string | undefined): BadRecordPolicy {
  if (value === 'skip' || value === 'abort') return value;
  throw new UsageError('--on-bad must be skip or abort.');
}
