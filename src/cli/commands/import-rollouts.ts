// rl-curator import rollouts FILE|DIR [--run NAME] [--format F] [--group-size K] [--on-bad skip|abort] [--restart]
//   [--db PATH] [--json] [--progress]
import path from 'node:path';
import { parseArgs } from 'node:util';
import { createCore } from '../../core/index';
import type { Core } from '../../core/index';
import type { Command } from '../command';
import { coreOptions } from '../command';
import { EXIT } from '../exit-codes';
import { badRecordPolicy, IMPORT_OPTIONS } from '../import-options';
import { formatIssue, printError } from '../output';
import { resolveDbPath } from '../paths';
import { followJob } from '../run-job';
import { UsageError } from '../usage-error';

const UNMATCHED_SHOWN = 5;

export const importRolloutsCommand: Command = {
  path: ['import', 'rollouts'],
  summary:
    'Import rollout logs (native JSONL, OREAL, verl, TRL, xtuner, eval dumps, …); a folder of ' +
    'step files is one run. An interrupted import resumes when run again',
  usage:
    'rl-curator import rollouts FILE|DIR [--run NAME] [--format F] [--group-size K] [--on-bad ' +
    'skip|abort] [--restart] [--again] [--db PATH] [--json] [--progress]',
  async run(args, runtime) {
    const { values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      options: {
        run: { type: 'string' },
        format: { type: 'string' },
        'group-size': { type: 'string' },
        restart: { type: 'boolean', default: false },
        ...IMPORT_OPTIONS,
        // One `progress {json}` line on stderr per update, for scripts (the bar is drawn only on a terminal).
        progress: { type: 'boolean', default: false },
      },
    });
    if (positionals.length !== 1) throw new UsageError('Give exactly one FILE or DIR to import.');
    const onBad = badRecordPolicy(values['on-bad']);
    const groupSize = values['group-size'] === undefined ? undefined : Number(values['group-size']);
    if (groupSize !== undefined && (!Number.isInteger(groupSize) || groupSize < 1))
      throw new UsageError('--group-size must be a whole number ≥ 1.');
    if (values.run !== undefined && values.run.trim() === '') throw new UsageError('--run must not be empty.');
    const target = path.resolve(positionals[0] as string);

    const core = createCore(coreOptions(resolveDbPath(values.db), runtime, 'cli'));
    const stopProgress = values.progress
      ? core.on(
          'job.updated',
          (job) =>
            job.progress && process.stderr.write(`progress ${JSON.stringify({ jobId: job.id, ...job.progress })}\n`),
        )
      : () => undefined;
    try {
      const started = await core.invoke('import.rollouts', {
        path: target,
        onBadRecord: onBad,
        restart: values.restart,
        again: values.again,
        ...(values.format ? { format: values.format } : {}),
        ...(values.run ? { runName: values.run } : {}),
        ...(groupSize !== undefined ? { groupSize } : {}),
      });
      if (!started.ok) return (printError(started.error), EXIT.FAILED);
      const { job, interrupted } = await followJob(core, started.value.jobId);
      for (const issue of job.issues) process.stderr.write(`${formatIssue(issue)}\n`);
      if (job.issueCount > job.issues.length)
        process.stderr.write(`… and ${job.issueCount - job.issues.length} more problems\n`);
      if (values.json) {
        const outcome = { status: job.status, result: job.result, error: job.error, issueCount: job.issueCount };
        process.stdout.write(`${JSON.stringify(outcome)}\n`);
      }
      if (job.status !== 'done') {
        if (job.error) printError(job.error as never);
        return interrupted ? EXIT.INTERRUPTED : EXIT.FAILED;
      }
      const r = (job.result ?? {}) as {
        runs?: { id: number; name: string }[];
        rollouts?: number;
        badRows?: number;
        unmatchedPrompts?: number;
        resumedFromLine?: number | null;
        format?: string;
      };
      if (!values.json) await printSummary(core, r);
      return (r.badRows ?? 0) > 0 ? EXIT.PARTIAL : EXIT.OK;
    } finally {
      stopProgress();
      await core.close();
    }
  },
};

async function printSummary(
  core: Core,
  r: {
    runs?: { id: number; name: string }[];
    rollouts?: number;
    badRows?: number;
    unmatchedPrompts?: number;
    resumedFromLine?: number | null;
    format?: string;
  },
): Promise<void> {
  const runs = r.runs ?? [];
  const resumed = r.resumedFromLine != null ? ` (resumed an interrupted import after line ${r.resumedFromLine})` : '';
  const rollouts = (r.rollouts ?? 0).toLocaleString('en');
  const into = runs.map((run) => `run "${run.name}"`).join(', ') || 'no run';
  const skipped = r.badRows ? `, skipped ${r.badRows} bad records` : '';
  process.stdout.write(`Imported ${rollouts} rollouts (${r.format ?? '?'}) into ${into}${resumed}${skipped}.\n`);
  if (!r.unmatchedPrompts) return;
  process.stdout.write(
    `${r.unmatchedPrompts} prompts match no imported prompt set (kept as unmatched; they join ` +
      `when a prompt set with the same question is imported):\n`,
  );
  for (const run of runs) {
    const page = await core.invoke('runs.unmatchedPrompts', { runId: run.id, limit: UNMATCHED_SHOWN });
    if (!page.ok) continue;
    for (const p of page.value.rows) {
      const text = (p.question ?? `prompt id ${p.sourcePromptId ?? '?'}`).replace(/\s+/g, ' ');
      process.stdout.write(`  - ${text.length > 100 ? `${text.slice(0, 100)}…` : text} (${p.rollouts} rollouts)\n`);
    }
    if (page.value.total > page.value.rows.length)
      process.stdout.write(`  … and ${page.value.total - page.value.rows.length} more in run "${run.name}"\n`);
  }
}
