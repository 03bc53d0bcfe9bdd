// Helpers for the trace viewer specs: contract calls with the page's session, rollout imports that wait
// for their job, and generated native-format rollouts (docs/rollout-format.md) long enough to scroll.
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';

export async function call<T>(page: Page, origin: string, method: string, input: unknown): Promise<T> {
  const response = await page.request.post(`${origin}/api/call`, { data: { method, input } });
  const body = (await response.json()) as { ok: boolean; value?: T; error?: { message: string } };
  if (!body.ok) throw new Error(`${method}: ${body.error?.message ?? 'failed'}`);
  return body.value as T;
}

/** Starts a rollout import by path and waits for its job to end; returns the job. */
export async function importRollouts(
  page: Page,
  origin: string,
  file: string,
): Promise<{ status: string; result?: unknown }> {
  const { jobId } = await call<{ jobId: number }>(page, origin, 'import.rollouts', { path: file });
  for (;;) {
    const job = await call<{ status: string; result?: unknown; error?: unknown }>(page, origin, 'jobs.get', {
      id: jobId,
    });
    if (job.status !== 'running' && job.status !== 'queued') return job;
    await page.waitForTimeout(150);
  }
}

const WORDS = [
  ' we',
  ' have',
  ' the',
  ' so',
  ' that',
  ' is',
  ' of',
  ' and',
  ' therefore',
  ' each',
  ' term',
  ' sum',
  ' value',
  ' gives',
];
const FORMULA = [' $', 'x', '^', '2', ' +', ' \\frac', '{', '1', '}', '{', '2', '}', '$'];

/**
 * Token pieces of a long response: sentences, a formula now and then, a line every ~30 tokens,
 * the boxed answer last.
 */
export function longResponseTokens(count: number, answer: string): string[] {
  const ending = [' The', ' answer', ' is', ' $', '\\boxed', '{', answer, '}', '$', '.'];
  const out: string[] = [];
  for (let i = 0; out.length < count - ending.length; i++) {
    if (i % 40 === 17) out.push(...FORMULA);
    else if (i % 31 === 30) out.push('.', '\n');
    else out.push(WORDS[(i * 7) % WORDS.length] as string);
  }
  // A formula cut in half by the length limit would leave an unclosed "$": end before it.
  const body = out.slice(0, count - ending.length);
  const lastOpen = body.lastIndexOf(' $');
  if (lastOpen !== -1 && !body.slice(lastOpen + 1).includes('$'))
    body.splice(lastOpen, body.length - lastOpen, ...Array.from({ length: body.length - lastOpen }, () => ' so'));
  return [...body, ...ending];
}

/** rm_logit drifting up (correct) or down (incorrect), plus logprob: two logged signals. */
function signalsFor(count: number, correct: boolean, seed: number): Record<string, number[]> {
  const logit: number[] = [];
  const logprob: number[] = [];
  let walk = 0.2;
  for (let i = 0; i < count; i++) {
    walk += (((i * 9301 + seed * 49297) % 233280) / 233280 - (correct ? 0.45 : 0.55)) * 0.2;
    logit.push(Math.round(walk * 1e4) / 1e4);
    logprob.push(-Math.round((((i * 7 + seed) % 97) / 97) * 3e4) / 1e4);
  }
  return { rm_logit: logit, logprob };
}

export interface LongRollout {
  tokens: number;
  correct: boolean;
}

/** Writes one group of long rollouts for one question; returns the file path. */
export function writeLongRollouts(dir: string, name: string, question: string, rollouts: LongRollout[]): string {
  const lines = rollouts.map((r, i) => {
    const answer = r.correct ? '42' : String(40 + i);
    const tokens = longResponseTokens(r.tokens, answer);
    return JSON.stringify({
      format: 'rl-curator.rollout.v1',
      run: name,
      step: 0,
      question,
      gold_answer: '42',
      group_id: 'g',
      sample_index: i,
      response: tokens.join(''),
      reward: r.correct ? 1 : 0,
      tokens,
      signals: signalsFor(tokens.length, r.correct, i + 1),
      extracted_answer: answer,
    });
  });
  const file = path.join(dir, `${name}.jsonl`);
  fs.writeFileSync(file, `${lines.join('\n')}\n`);
  return file;
}
