// "Load demo data": a realistic workspace generated locally (no download), through the same writer as
// a real import so the demo exercises the real paths.
import { createImportingDataset, markDatasetReady } from '../datasets';
import { throwIfCancelled } from '../jobs/cancel';
import type { JobDefinition } from '../jobs/types';
import { answerNormalized, questionHash } from '../prompts/normalize';
import type { PromptRecord } from '../prompts/write';
import { createPromptWriter } from '../prompts/write';
import { finishImport, purgeImportsOfJob } from '../rollouts/store/imports';
import type { DemoPrompt } from './demo-rollouts';
import { writeDemoRollouts } from './demo-rollouts';
import { demoProblem } from './problems';
import { intBetween, pick, seededRandom } from '../../shared/random';

export interface DemoParams {
  prompts: number;
  seed: number;
}

const SOURCES = ['MATH', 'NuminaMath', 'AMC', 'AIME', 'Olympiad'] as const;
const CHUNK = 2000;
/** Prompts that get demo rollout groups (the first distinct ones). */
const PROMPTS_WITH_ROLLOUTS = 64;

export const demoJob: JobDefinition<DemoParams> = {
  kind: 'demo',
  async run(params, ctx) {
    const rand = seededRandom(params.seed);
    const { db } = ctx;
    const datasetId = createImportingDataset(db, {
      name: 'Demo prompts',
      sourcePath: null,
      sourceFormat: 'demo',
      mapping: null,
      jobId: ctx.jobId,
    });
    const write = createPromptWriter(db);
    const seen = new Set<string>();
    let duplicates = 0;
    const rolloutPrompts: DemoPrompt[] = [];
    const started = Date.now();
    for (let start = 0; start < params.prompts; start += CHUNK) {
      throwIfCancelled(ctx.signal);
      const records: PromptRecord[] = [];
      for (let i = start; i < Math.min(params.prompts, start + CHUNK); i++) {
        const problem = demoProblem(rand);
        const source = pick(rand, SOURCES);
        const hash = questionHash(problem.question);
        const isDuplicate = seen.has(hash);
        if (isDuplicate) duplicates++;
        seen.add(hash);
        // Pass rates in sixteenths, as OREAL measured them (16 samples of the SFT model).
        const passRate = rand() < 0.05 ? null : intBetween(rand, 0, 16) / 16;
        if (!isDuplicate && rolloutPrompts.length < PROMPTS_WITH_ROLLOUTS) rolloutPrompts.push({ problem, passRate });
        records.push({
          rowIndex: i,
          sourceId: `demo-${i}`,
          question: problem.question,
          questionHash: hash,
          goldAnswer: problem.answer,
          goldAnswerJson: null,
          goldAnswerNorm: answerNormalized(problem.answer),
          passRate,
          source,
          subject: problem.subject,
          level: source === 'MATH' ? intBetween(rand, 1, 5) : null,
          isDuplicate,
          extra: null,
        });
      }
      db.transaction(() => write(datasetId, records))();
      const rows = Math.min(params.prompts, start + CHUNK);
      const elapsed = (Date.now() - started) / 1000;
      ctx.progress({
        phase: 'Generating prompts',
        bytesDone: rows,
        bytesTotal: params.prompts,
        rows,
        badRows: 0,
        rowsPerSecond: elapsed > 0 ? rows / elapsed : 0,
        etaSeconds: null,
      });
      await new Promise<void>((resolve) => setImmediate(resolve));
    }
    ctx.progress({
      phase: 'Generating rollouts',
      bytesDone: params.prompts,
      bytesTotal: params.prompts,
      rows: params.prompts,
      badRows: 0,
      rowsPerSecond: 0,
      etaSeconds: null,
    });
    const demoRuns = writeDemoRollouts(db, ctx.jobId, rolloutPrompts, rand, () => throwIfCancelled(ctx.signal));
    const name = markDatasetReady(db, datasetId, { prompts: params.prompts, duplicates });
    if (demoRuns.importId !== null) finishImport(db, demoRuns.importId);
    return {
      datasetId,
      datasetName: name,
      prompts: params.prompts,
      duplicates,
      runs: demoRuns.runs,
      rollouts: demoRuns.rollouts,
    };
  },
  rollback(db, jobId) {
    db.prepare(`DELETE FROM datasets WHERE job_id = ? AND status = 'importing'`).run(jobId);
    // Demo runs are not resumable: remove them whatever stopped the job.
    purgeImportsOfJob(db, jobId);
  },
};
