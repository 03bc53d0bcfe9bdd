// What a rollout import reads: one file, or a folder of step files (step.12.jsonl, 12.jsonl,
// completions_00012.parquet, train_rollout_12.jsonl …) imported as one run with its steps. Each file is
// fingerprinted (size, mtime, hash of its head) so that a resume can tell it has not changed.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { CuratorError } from '../../shared/errors';

export interface SourceFile {
  path: string;
  size: number;
  mtimeMs: number;
  /** SHA-1 of the first 64 KiB. */
  head: string;
  /** Step taken from the file name in a folder import; null for a single file. */
  step: number | null;
  /** Content hash (../io/fingerprint.ts), to recognise a re-import once this import is done. */
  content?: string;
}

const HEAD_BYTES = 64 * 1024;
const ROLLOUT_EXTENSIONS = /\.(jsonl|json|parquet)$/i;

/** The step in a step file's name: the last number in it (step.12.jsonl, completions_00012.parquet). */
export function stepFromFileName(name: string): number | null {
  const numbers = path.basename(name).replace(ROLLOUT_EXTENSIONS, '').match(/\d+/g);
  return numbers ? Number(numbers[numbers.length - 1]) : null;
}

function fingerprint(file: string, step: number | null): SourceFile {
  const stat = fs.statSync(file);
  const fd = fs.openSync(file, 'r');
  try {
    const head = Buffer.alloc(Math.min(HEAD_BYTES, stat.size));
    fs.readSync(fd, head, 0, head.length, 0);
    return {
      path: file,
      size: stat.size,
      mtimeMs: Math.trunc(stat.mtimeMs),
      head: createHash('sha1').update(head).digest('hex'),
      step,
    };
  } finally {
    fs.closeSync(fd);
  }
}

export function resolveSources(target: string): { kind: 'file' | 'folder'; files: SourceFile[] } {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(target);
  } catch {
    throw new CuratorError('FILE_NOT_FOUND', `File or folder not found: ${target}`, { file: target });
  }
  if (!stat.isDirectory()) return { kind: 'file', files: [fingerprint(target, null)] };
  const names = fs
    .readdirSync(target, { withFileTypes: true })
    .filter((e) => e.isFile() && ROLLOUT_EXTENSIONS.test(e.name))
    .map((e) => e.name);
  if (names.length === 0)
    throw new CuratorError('EMPTY_FILE', `${target} holds no rollout files (.jsonl, .json or .parquet).`, {
      file: target,
    });
  // Numeric step order (step.2 before step.10), then by name.
  names.sort((a, b) => (stepFromFileName(a) ?? -1) - (stepFromFileName(b) ?? -1) || a.localeCompare(b));
  return { kind: 'folder', files: names.map((n) => fingerprint(path.join(target, n), stepFromFileName(n))) };
}

/** Run name when neither the user nor the file gives one: the folder's or file's name. */
export function defaultRunName(target: string): string {
  return path.basename(target).replace(ROLLOUT_EXTENSIONS, '') || 'rollouts';
}
