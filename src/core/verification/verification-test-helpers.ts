// Helpers for the verification tests (not used by the app): a small self-written prompt set and
// native rollout log whose verdicts are known by construction, and a core to run them through.
import fs from 'node:fs';
import path from 'node:path';
import { contract } from '../../shared/contract';
import type { Input, Method, Output } from '../../shared/contract';
import type { Job } from '../../shared/domain';
import type { Core } from '../index';

export function unwrap<T>(result: { ok: true; value: T } | { ok: false; error: { code: string; message: string } }): T {
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value;
}

/** Calls a method and checks its value against the contract's output schema, as the hosts' clients do. */
export async function call<M extends Method>(core: Core, method: M, input: Input<M>): Promise<Output<M>> {
  return contract[method].output.parse(unwrap(await core.invoke(method, input))) as Output<M>;
}

function jsonl(rows: readonly unknown[]): string {
  return rows.map((r) => JSON.stringify(r)).join('\n') + '\n';
}

/** The prompt set: half, twelve (a wrong gold answer), seven, a pair of roots (a list). */
export const PROMPTS = [
  { id: 'half', question: 'What is one divided by two?', answer: '\\frac{1}{2}' },
  { id: 'twelve', question: 'What is three times five?', answer: '12' },
  { id: 'seven', question: 'What is three plus four?', answer: '7' },
  { id: 'roots', question: 'Solve x^2 - 3x + 2 = 0.', answer: ['1', '2'] },
] as const;

interface LogLine {
  question: string;
  gold: string;
  response: string;
  reward: number | null;
  finish?: string;
}

/**
 * The rollout log, one run, step 1. Each line says what the re-check must make of it:
 *  half:   agree (0.5 logged right) · logged wrong, re-check right (\frac{1}{2}) · logged right, re-check
 *          wrong (3) · no answer, logged wrong (agree)
 *  twelve: five rollouts all say 15, the log graded them wrong → suspect gold answer, majority 15 (5/5)
 *  seven:  a truncated response boxing 7 (wrong: cut off), logged wrong (agree) · 7, ungraded
 *  roots:  "2, 1" logged right (agree) · "1" logged right, re-check wrong (one root only)
 *  stray:  a question in no prompt set: checked against the log's gold answer (9), logged right, says 9
 */
export function logLines(): LogLine[] {
  const [half, twelve, seven, roots] = PROMPTS;
  const lines: LogLine[] = [
    { question: half.question, gold: '1/2', response: 'Dividing, we get $\\boxed{0.5}$.', reward: 1 },
    { question: half.question, gold: '1/2', response: 'So the answer is \\boxed{\\frac{1}{2}}.', reward: 0 },
    { question: half.question, gold: '1/2', response: 'I think it is \\boxed{3}.', reward: 1 },
    { question: half.question, gold: '1/2', response: 'I cannot tell.', reward: 0 },
  ];
  for (let i = 0; i < 5; i++)
    lines.push({
      question: twelve.question,
      gold: '12',
      response: `Three fives make \\boxed{15}.${' '.repeat(i)}`,
      reward: 0,
    });
  lines.push({
    question: seven.question,
    gold: '7',
    response: 'Adding, the total is \\boxed{7}',
    reward: 0,
    finish: 'length',
  });
  lines.push({ question: seven.question, gold: '7', response: 'The sum is \\boxed{7}.', reward: null });
  lines.push({ question: roots.question, gold: '1, 2', response: 'The roots are \\boxed{2, 1}.', reward: 1 });
  lines.push({ question: roots.question, gold: '1, 2', response: 'One root is \\boxed{1}.', reward: 1 });
  lines.push({
    question: 'A question in no prompt set: four plus five?',
    gold: '9',
    response: 'It is \\boxed{9}.',
    reward: 1,
  });
  return lines;
}

/** Expected counts for logLines(), by construction (see above). */
export const EXPECTED = {
  rollouts: 14,
  agree: 10,
  loggedCorrectRecheckWrong: 2,
  loggedWrongRecheckRight: 1,
  ungraded: 1,
  noAnswer: 1,
  truncated: 1,
};

export function writePromptSet(dir: string): string {
  const file = path.join(dir, 'prompts.jsonl');
  fs.writeFileSync(file, jsonl(PROMPTS));
  return file;
}

export function writeRolloutLog(
  dir: string,
  lines: LogLine[] = logLines(),
  name = 'rollouts.jsonl',
  run = 'small-run',
): string {
  const file = path.join(dir, name);
  fs.writeFileSync(
    file,
    jsonl(
      lines.map((l, i) => ({
        format: 'rl-curator.rollout.v1',
        run,
        step: 1,
        question: l.question,
        gold_answer: l.gold,
        group_id: l.question,
        sample_index: i,
        response: l.response,
        reward: l.reward,
        ...(l.finish ? { finish_reason: l.finish } : {}),
      })),
    ),
  );
  return file;
}

export async function finished(
  core: Core,
  started: { ok: true; value: { jobId: number } } | { ok: false; error: { code: string; message: string } },
): Promise<Job> {
  const job = await core.waitForJob(unwrap(started).jobId);
  if (job.status !== 'done') throw new Error(`job ${job.kind} ${job.status}: ${job.error?.code} ${job.error?.message}`);
  return job;
}

/** A workspace with the prompt set (dataset "prompts") and the small run ("small-run"). */
export async function loadSmallWorkspace(core: Core, dir: string): Promise<{ datasetId: number; runId: number }> {
  await finished(core, await core.invoke('import.prompts', { path: writePromptSet(dir), datasetName: 'prompts' }));
  await finished(core, await core.invoke('import.rollouts', { path: writeRolloutLog(dir) }));
  const datasetId = unwrap(await core.invoke('datasets.list', {})).find((d) => d.name === 'prompts')?.id;
  const runId = unwrap(await core.invoke('runs.list', {})).find((r) => r.name === 'small-run')?.id;
  if (datasetId === undefined || runId === undefined) throw new Error('small workspace: dataset or run missing');
  return { datasetId, runId };
}

export function promptIdOf(core: Core, sourceId: string): Promise<number> {
  return core
    .invoke('prompts.page', { filter: { columns: { sourceId: { kind: 'text', op: 'equals', value: sourceId } } } })
    .then((r) => {
      const id = unwrap(r).rows[0]?.id;
      if (id === undefined) throw new Error(`no prompt ${sourceId}`);
      return id;
    });
}
