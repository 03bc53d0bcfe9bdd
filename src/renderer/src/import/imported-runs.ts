// The runs a rollout import wrote, as 'runs.list' reports them now, and a prompt of theirs to open:
// one matched to a prompt set (its prompt page) or an unmatched one (its run-prompt page).
import { useEffect, useState } from 'react';
import type { Run } from '../../../shared/rollouts';
import { callOrReport, useServices } from '../app-context';
import type { AppServices } from '../app-context';
import { formatRoute, promptRoute } from '../prompt-page/route';
import { findInPages } from './find-in-pages';

/** Rollouts read per page, and pages read per run, when looking for one that joins a prompt. */
const PAGE = 1000;
const MAX_PAGES = 20;

/** All runs once `load` is true (the import finished); null before. */
export function useRuns(load: boolean): Run[] | null {
  const services = useServices();
  const [runs, setRuns] = useState<Run[] | null>(null);
  useEffect(() => {
    if (!load) return;
    let live = true;
    void callOrReport(services, 'runs.list', {}).then((value) => live && value && setRuns(value));
    return () => {
      live = false;
    };
  }, [services, load]);
  return runs;
}

/** The page route (a location hash) of a prompt matched by one of the runs' rollouts, or null. */
export async function matchedPromptHash(services: AppServices, runIds: number[]): Promise<string | null> {
  for (const runId of runIds) {
    const promptId = await findInPages(
      async (offset) => (await callOrReport(services, 'rollouts.list', { runId, offset, limit: PAGE })) ?? null,
      (row) => row.promptId,
      MAX_PAGES,
    );
    if (promptId !== null) return formatRoute(promptRoute(promptId));
  }
  return null;
}

/** The page route of one prompt of the runs that matches no prompt set, or null. */
export async function unmatchedPromptHash(services: AppServices, runIds: number[]): Promise<string | null> {
  for (const runId of runIds) {
    const page = await callOrReport(services, 'runs.unmatchedPrompts', { runId, limit: 1 });
    const first = page?.rows[0];
    if (first)
      return formatRoute({ ...promptRoute(first.runPromptId), scope: { kind: 'runPrompt', id: first.runPromptId } });
  }
  return null;
}
