// The bulk re-verification job: every rollout of a scope (a run, a dataset's prompts, both, or all)
// re-checked against its gold answer, in pages of rollouts; verdicts are staged, then published once
// everything is checked. Cancel, failure or a crash before publishing discards the staged verdicts and
// keeps the old ones (./store.ts says what a crash while publishing leaves).
import { z } from 'zod';
import { CuratorError } from '../../shared/errors';
import type { Db } from '../db/open';
import type { JobDefinition } from '../jobs/types';
import { VERIFIER_VERSION } from '../answer-check/index';
import { createGoldResolver } from './gold';
import { suspectGoldRows, verifySummary } from './queries';
import type { Scope, ScopedRunPrompt } from './scope';
import { describeScope, runPromptsInScope } from './scope';
import { createStager, publishVerdicts, rollbackVerification } from './store';
import type { RolloutToCheck } from './verdict';
import { checkRollout } from './verdict';

export const VERIFY_JOB_KIND = 'verify.rollouts';

export const VerifyJobParams = z.object({ runId: z.number().int().nullable(), datasetId: z.number().int().nullable() });
export type VerifyJobParams = z.infer<typeof VerifyJobParams>;

/** Rollouts per chunk: one staging transaction, one progress report, one chance to cancel. */
const CHUNK_ROLLOUTS = 2000;
/** Suspect gold answers listed in the job's result (the full list is a query). */
const SUSPECT_EXAMPLES = 20;

/** Same as throwIfCancelled in jobs/execute.ts, which this module must not import (registry cycle). */
function throwIfCancelled(signal: AbortSignal): void {
  if (signal.aborted) throw new CuratorError('CANCELLED', 'Cancelled by the user; the earlier verdicts were kept.');
}

/** Consecutive run prompts holding about CHUNK_ROLLOUTS rollouts together (a big one alone). */
function* promptGroups(prompts: readonly ScopedRunPrompt[]): Generator<ScopedRunPrompt[]> {
  let group: ScopedRunPrompt[] = [];
  let size = 0;
  for (const p of prompts) {
    group.push(p);
    size += p.rollouts;
    if (size >= CHUNK_ROLLOUTS) {
      yield group;
      group = [];
      size = 0;
    }
  }
  if (group.length > 0) yield group;
}

/**
 * Pages of at most CHUNK_ROLLOUTS rollout ids, in id order within each group of run prompts: memory
 * stays bounded even when one prompt was sampled at every step of a long run.
 */
function* rolloutPages(db: Db, prompts: readonly ScopedRunPrompt[]): Generator<number[]> {
  const idsOf = db
    .prepare(`SELECT id FROM rollouts WHERE run_prompt_id IN (SELECT value FROM json_each(?)) ORDER BY id`)
    .pluck();
  for (const group of promptGroups(prompts)) {
    const ids = idsOf.all(JSON.stringify(group.map((p) => p.id))) as number[];
    for (let i = 0; i < ids.length; i += CHUNK_ROLLOUTS) yield ids.slice(i, i + CHUNK_ROLLOUTS);
  }
}

export const verifyJob: JobDefinition<VerifyJobParams> = {
  kind: VERIFY_JOB_KIND,
  async run(params, ctx) {
    const { db, jobId, signal } = ctx;
    const started = Date.now();
    const scope: Scope = VerifyJobParams.parse(params);
    const label = describeScope(db, scope);
    const prompts = runPromptsInScope(db, scope);
    const total = prompts.reduce((a, p) => a + p.rollouts, 0);
    const charsTotal = prompts.reduce((a, p) => a + p.chars, 0);
    const goldFor = createGoldResolver(db, scope.datasetId);
    const stage = createStager(db, jobId);
    const select = db.prepare(
      `SELECT id, run_id AS runId, run_prompt_id AS runPromptId, response, finish_reason AS ` +
        `finishReason, truncated, correct
       FROM rollouts WHERE id IN (SELECT value FROM json_each(?)) ORDER BY id`,
    );
    const byId = new Map(prompts.map((p) => [p.id, p]));
    const hashes = new Set<string>();
    let done = 0;
    let chars = 0;
    // One report per chunk (tens of milliseconds of work each); the runner persists them at most twice a second.
    const report = (phase: string) => {
      const now = Date.now();
      const seconds = (now - started) / 1000;
      const perSecond = seconds > 0 ? done / seconds : 0;
      // Progress counts response characters (bytesDone/bytesTotal): long responses take longer.
      ctx.progress({
        phase,
        bytesDone: chars,
        bytesTotal: charsTotal,
        rows: done,
        badRows: 0,
        rowsPerSecond: Math.round(perSecond),
        etaSeconds: perSecond > 0 ? Math.round((total - done) / perSecond) : null,
      });
    };
    report(`Verifying answers (${label})`);

    for (const page of rolloutPages(db, prompts)) {
      // Let a cancel message reach this thread between chunks.
      await new Promise<void>((resolve) => setImmediate(resolve));
      throwIfCancelled(signal);
      const rows = select.all(JSON.stringify(page)) as (Omit<RolloutToCheck, 'questionHash'> & {
        runPromptId: number;
      })[];
      const verdicts = rows.map((row) => {
        const rp = byId.get(row.runPromptId) as ScopedRunPrompt;
        if (rp.questionHash !== null) hashes.add(rp.questionHash);
        chars += row.response.length;
        return checkRollout({ ...row, questionHash: rp.questionHash }, goldFor(rp.questionHash, rp.logGold));
      });
      stage(verdicts);
      done += rows.length;
      report(`Verifying answers (${label})`);
    }
    throwIfCancelled(signal);
    // From here on the job no longer stops for a cancel: publishing is not undone.
    report('Saving verdicts');
    const saved = await publishVerdicts(db, jobId, VERIFIER_VERSION, hashes);
    report('Done');

    const seconds = (Date.now() - started) / 1000;
    const summary = verifySummary(db, scope);
    const suspects = suspectGoldRows(db, scope, 0, SUSPECT_EXAMPLES);
    return {
      scope: { ...scope, label },
      verifiedNow: saved,
      ...summary,
      suspectGoldExamples: suspects.rows,
      seconds,
      rolloutsPerSecond: seconds > 0 ? Math.round(saved / seconds) : saved,
    };
  },
  rollback(db: Db, jobId: number) {
    rollbackVerification(db, jobId);
  },
};
