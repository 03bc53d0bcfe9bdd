// Helpers for the curation and export tests (not used by the app): demo data through the demo job,
// label ids by name, prompt ids of a filter, a small self-written rollout log imported through core.
import fs from 'node:fs';
import path from 'node:path';
import type { PromptFilter } from '../../shared/domain';
import { unwrap } from '../import/import-test-helpers';
import type { Core } from '../index';

export { unwrap };

export async function loadDemo(core: Core, prompts: number, seed: number): Promise<void> {
  const { jobId } = unwrap(await core.invoke('demo.load', { prompts, seed }));
  const job = await core.waitForJob(jobId);
  if (job.status !== 'done') throw new Error(`demo load ${job.status}: ${job.error?.message ?? ''}`);
}

export async function labelId(core: Core, target: 'prompt' | 'rollout' | 'span', name: string): Promise<number> {
  const defs = unwrap(await core.invoke('labels.defs', { includeArchived: true }));
  const def = defs.find((d) => d.target === target && d.name === name);
  if (!def) throw new Error(`no ${target} label ${name}`);
  return def.id;
}

/** Ids of the prompts matching a filter, in id order. */
export async function idsOf(core: Core, filter: PromptFilter = {}, limit = 1000): Promise<number[]> {
  const page = unwrap(await core.invoke('prompts.page', { filter, sort: [{ column: 'id', direction: 'asc' }], limit }));
  return page.rows.map((r) => r.id);
}

export interface TinyRollout {
  question: string;
  gold: string;
  response: string;
  reward: number;
  truncated?: boolean;
}

/** Writes a native-format rollout log (one line per rollout) and imports it; returns the run's rollouts by question. */
export async function importRollouts(
  core: Core,
  dir: string,
  rollouts: readonly TinyRollout[],
  runName = 'tiny',
): Promise<void> {
  const file = path.join(dir, `${runName}.jsonl`);
  const lines = rollouts.map((r, i) =>
    JSON.stringify({
      run: runName,
      step: 0,
      question: r.question,
      gold_answer: r.gold,
      group_id: `g-${r.question.length}-${r.question.slice(0, 12)}`,
      sample_index: i,
      response: r.response,
      reward: r.reward,
      finish_reason: r.truncated ? 'length' : 'stop',
      truncated: r.truncated ?? false,
      token_count: r.response.split(' ').length,
      tokens: r.response.split(/(?= )/),
    }),
  );
  fs.writeFileSync(file, `${lines.join('\n')}\n`);
  const { jobId } = unwrap(await core.invoke('import.rollouts', { path: file, format: 'native', runName }));
  const job = await core.waitForJob(jobId);
  if (job.status !== 'done')
    throw new Error(
      `rollout import ${job.status}: ${job.error?.message ?? ''} ${JSON.stringify(job.issues.slice(0, 3))}`,
    );
}
