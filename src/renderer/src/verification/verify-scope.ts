// What a Re-verify job covers, as the dialog's two choices (a run or all runs; a dataset's prompts or
// any prompt) and the VerifyScope the contract takes; named in words for the dialog and its button.
import type { VerifyScope } from '../../../shared/verification';

export interface ScopeChoice {
  runId: number | null;
  datasetId: number | null;
}

export const ALL_RUNS: ScopeChoice = { runId: null, datasetId: null };

export function toVerifyScope(choice: ScopeChoice): VerifyScope {
  return {
    ...(choice.runId !== null ? { runId: choice.runId } : {}),
    ...(choice.datasetId !== null ? { datasetId: choice.datasetId } : {}),
  };
}

/** "every run", "run grpo-7b", "the rollouts of MATH-500’s prompts", "run grpo-7b on MATH-500’s prompts". */
export function scopeLabel(
  choice: ScopeChoice,
  runNames: ReadonlyMap<number, string>,
  datasetNames: ReadonlyMap<number, string>,
): string {
  const run = choice.runId === null ? null : (runNames.get(choice.runId) ?? `#${choice.runId}`);
  const dataset = choice.datasetId === null ? null : (datasetNames.get(choice.datasetId) ?? `#${choice.datasetId}`);
  if (run !== null && dataset !== null) return `run ${run} on ${dataset}’s prompts`;
  if (run !== null) return `run ${run}`;
  if (dataset !== null) return `the rollouts of ${dataset}’s prompts`;
  return 'every run';
}

/** A select's value ("" for none) as an id. */
export function idFromSelect(value: string): number | null {
  return /^[0-9]+$/.test(value) ? Number(value) : null;
}
