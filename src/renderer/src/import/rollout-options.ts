// The rollout-log import form: what the user typed → the 'import.rollouts' input, or why it cannot
// start yet. There is no preview for rollout logs: the format is detected when the import starts.
import type { Input } from '../../../shared/contract';
import type { BadRecordPolicy } from '../../../shared/domain';

/** The format select's value for "let the importer detect it". */
export const AUTO_FORMAT = 'auto';
const MAX_GROUP_SIZE = 4096;
const MAX_RUN_NAME = 200;

export interface RolloutForm {
  /** AUTO_FORMAT or an adapter name. */
  format: string;
  /** Empty: the run names written in the file, else the file's name (decided by the importer). */
  runName: string;
  /** As typed; empty means none. */
  groupSize: string;
  onBadRecord: BadRecordPolicy;
  /** Discard an interrupted import of the same source instead of resuming it. */
  restart: boolean;
}

/** "/logs/step.3.jsonl" → "step.3", "C:\\runs\\oreal-7b\\" → "oreal-7b": the importer's own default run name. */
export function runNameFromSource(nameOrPath: string): string {
  const base =
    nameOrPath
      .replace(/[\\/]+$/, '')
      .split(/[\\/]/)
      .pop() ?? '';
  return base.replace(/\.(jsonl|json|parquet)$/i, '') || base || 'rollouts';
}

export function initialRolloutForm(displayName: string): RolloutForm {
  return {
    format: AUTO_FORMAT,
    runName: runNameFromSource(displayName),
    groupSize: '',
    onBadRecord: 'abort',
    restart: false,
  };
}

export type GroupSize = { ok: true; value: number | undefined } | { ok: false; message: string };

export function parseGroupSize(text: string): GroupSize {
  const trimmed = text.trim();
  if (trimmed === '') return { ok: true, value: undefined };
  if (!/^[0-9]+$/.test(trimmed)) return { ok: false, message: 'Group size must be a whole number.' };
  const value = Number(trimmed);
  if (value < 1 || value > MAX_GROUP_SIZE)
    return { ok: false, message: `Group size must be between 1 and ${MAX_GROUP_SIZE}.` };
  return { ok: true, value };
}

export type RolloutRequest = { ok: true; input: Input<'import.rollouts'> } | { ok: false; message: string };

export function rolloutImportInput(path: string, form: RolloutForm): RolloutRequest {
  const groupSize = parseGroupSize(form.groupSize);
  if (!groupSize.ok) return groupSize;
  const runName = form.runName.trim();
  if (runName.length > MAX_RUN_NAME)
    return { ok: false, message: `The run name is longer than ${MAX_RUN_NAME} characters.` };
  return {
    ok: true,
    input: {
      path,
      onBadRecord: form.onBadRecord,
      restart: form.restart,
      ...(form.format !== AUTO_FORMAT ? { format: form.format } : {}),
      ...(runName !== '' ? { runName } : {}),
      ...(groupSize.value !== undefined ? { groupSize: groupSize.value } : {}),
    },
  };
}
