// What a finished rollout import reports: the job's result (rollouts, runs, format, bad lines) joined
// with the runs' current statistics (steps, prompts matched to a prompt set or not).
import type { Run } from '../../../shared/rollouts';
import type { SummaryItem } from './job-summary';

/** The job kind of 'import.rollouts' (src/core/rollouts/import/import-job.ts). */
export const ROLLOUT_IMPORT_JOB_KIND = 'import.rollouts';

export interface RolloutImportOutcome {
  rollouts: number;
  badRows: number;
  /** Adapter names joined by "+" when a folder mixes formats; null if the job did not say. */
  format: string | null;
  files: number;
  runs: { id: number; name: string }[];
  /** Counted when the import finished; a prompt set imported since may have matched more. */
  unmatchedPrompts: number | null;
  resumedFromLine: number | null;
}

const num = (value: unknown): number | null => (typeof value === 'number' && Number.isFinite(value) ? value : null);

/** Reads the job result defensively: it is typed as an open record on the wire. */
export function readRolloutOutcome(result: Record<string, unknown> | null): RolloutImportOutcome {
  const r = result ?? {};
  const runs = Array.isArray(r.runs)
    ? r.runs.flatMap((run: unknown) => {
        const { id, name } = (run ?? {}) as { id?: unknown; name?: unknown };
        return typeof id === 'number' && typeof name === 'string' ? [{ id, name }] : [];
      })
    : [];
  return {
    rollouts: num(r.rollouts) ?? 0,
    badRows: num(r.badRows) ?? 0,
    format: typeof r.format === 'string' && r.format !== '' ? r.format : null,
    files: num(r.files) ?? 1,
    runs,
    unmatchedPrompts: num(r.unmatchedPrompts),
    resumedFromLine: num(r.resumedFromLine),
  };
}

export interface PromptMatch {
  steps: number;
  prompts: number;
  matched: number;
  unmatched: number;
}

/** Steps and prompts of the imported runs now; null until the runs are loaded (or if none is found). */
export function promptMatch(outcome: RolloutImportOutcome, allRuns: Run[] | null): PromptMatch | null {
  if (!allRuns) return null;
  const ids = new Set(outcome.runs.map((r) => r.id));
  const runs = allRuns.filter((r) => ids.has(r.id));
  if (runs.length === 0) return null;
  const sum = (f: (r: Run) => number) => runs.reduce((a, r) => a + f(r), 0);
  const prompts = sum((r) => r.promptCount);
  const unmatched = sum((r) => r.unmatchedPromptCount);
  return { steps: sum((r) => r.steps.length), prompts, matched: prompts - unmatched, unmatched };
}

const count = (n: number) => n.toLocaleString('en-US');

export function rolloutSummary(outcome: RolloutImportOutcome, match: PromptMatch | null): SummaryItem[] {
  const items: SummaryItem[] = [{ key: 'rollouts', label: 'Rollouts imported', value: count(outcome.rollouts) }];
  if (outcome.format) items.push({ key: 'format', label: 'Format', value: outcome.format });
  if (outcome.runs.length > 0)
    items.push({
      key: 'runs',
      label: outcome.runs.length === 1 ? 'Run' : 'Runs',
      value: outcome.runs.map((r) => r.name).join(', '),
    });
  if (outcome.files > 1) items.push({ key: 'files', label: 'Files', value: count(outcome.files) });
  if (match) {
    items.push({ key: 'steps', label: 'Steps', value: count(match.steps) });
    items.push({ key: 'prompts', label: 'Prompts sampled', value: count(match.prompts) });
    items.push({ key: 'matched', label: 'Matched to a prompt set', value: count(match.matched) });
    items.push({ key: 'unmatched', label: 'Unmatched prompts', value: count(match.unmatched) });
  } else if (outcome.unmatchedPrompts !== null) {
    items.push({ key: 'unmatched', label: 'Unmatched prompts', value: count(outcome.unmatchedPrompts) });
  }
  if (outcome.badRows > 0) items.push({ key: 'badRows', label: 'Bad lines skipped', value: count(outcome.badRows) });
  if (outcome.resumedFromLine !== null)
    items.push({ key: 'resumedFromLine', label: 'Resumed after line', value: count(outcome.resumedFromLine) });
  return items;
}
