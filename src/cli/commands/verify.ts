// rl-curator verify [--run NAME] [--dataset NAME] [--db PATH] [--json]
// Re-checks the answers of a run's rollouts, of the rollouts answering a dataset's prompts (both:
// their intersection; neither: every run) and prints how the re-check agrees with the logged rewards.
import { parseArgs } from 'node:util';
import { createCore } from '../../core/index';
import type { SuspectGoldPrompt, VerifySummary } from '../../shared/verification';
import type { Command } from '../command';
import { coreOptions } from '../command';
import { EXIT } from '../exit-codes';
import { printError } from '../output';
import { resolveDbPath } from '../paths';
import { followJob } from '../run-job';
import { UsageError } from '../usage-error';
import { idByName } from '../lookup';

const SUSPECTS_SHOWN = 10;

/** Quoted as written: LaTeX backslashes stay single (JSON.stringify would double them). */
const quote = (text: string | null) => (text === null ? '(none)' : `"${text}"`);
const clip = (text: string, max: number) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);
const n = (v: number) => v.toLocaleString('en');

export function formatVerifySummary(
  result: VerifySummary & {
    scope?: { label?: string };
    seconds?: number;
    rolloutsPerSecond?: number;
    suspectGoldExamples?: SuspectGoldPrompt[];
  },
): string {
  const speed =
    result.seconds !== undefined ? ` in ${result.seconds.toFixed(1)} s (${n(result.rolloutsPerSecond ?? 0)}/s)` : '';
  const lines = [
    `Verified ${n(result.verified)} of ${n(result.rollouts)} rollouts of ${result.scope?.label ?? 'the workspace'}` +
      `${speed}; verifier ${result.verifierVersion}.`,
  ];
  const rows: [string, number][] = [
    ['agree with the log', result.agree],
    ['logged correct, re-check wrong', result.loggedCorrectRecheckWrong],
    ['logged wrong, re-check right', result.loggedWrongRecheckRight],
    ['not graded in the log', result.ungraded],
    ['no extractable answer', result.noAnswer],
    ['truncated (counted wrong)', result.truncated],
    ['suspect gold answers (prompts)', result.suspectGold],
  ];
  const width = Math.max(...rows.map(([label]) => label.length)) + 1;
  for (const [label, value] of rows) lines.push(`  ${`${label}:`.padEnd(width)} ${n(value).padStart(9)}`);
  for (const s of (result.suspectGoldExamples ?? []).slice(0, SUSPECTS_SHOWN)) {
    const where = s.promptId === null ? 'unmatched question' : `prompt ${s.promptId}`;
    const votes = `${s.majorityVotes} of ${s.rollouts}`;
    const question = clip(s.question.replace(/\s+/g, ' '), 70);
    lines.push(
      `    ${where}: gold ${quote(s.goldAnswer)}, majority ${quote(s.majorityAnswer)} (${votes}): ${question}`,
    );
  }
  if (result.suspectGold > SUSPECTS_SHOWN)
    lines.push(
      `    … and ${result.suspectGold - SUSPECTS_SHOWN} more (filter the prompt grid by "suspect gold answer").`,
    );
  return `${lines.join('\n')}\n`;
}

export const verifyCommand: Command = {
  path: ['verify'],
  summary:
    'Re-check the answers of a run or a dataset’s rollouts; count agreement with the logged ' +
    'rewards, flag suspect gold answers',
  usage: 'rl-curator verify [--run NAME] [--dataset NAME] [--db PATH] [--json]',
  async run(args, runtime) {
    const { values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      options: {
        run: { type: 'string' },
        dataset: { type: 'string' },
        db: { type: 'string' },
        json: { type: 'boolean', default: false },
      },
    });
    if (positionals.length > 0)
      throw new UsageError(
        `Unexpected argument "${positionals[0]}"; name the run with --run and the dataset with --dataset.`,
      );
    if (values.run !== undefined && values.run.trim() === '') throw new UsageError('--run must not be empty.');
    if (values.dataset !== undefined && values.dataset.trim() === '')
      throw new UsageError('--dataset must not be empty.');

    const core = createCore(coreOptions(resolveDbPath(values.db), runtime, 'cli'));
    try {
      const runId = values.run === undefined ? undefined : await idByName(core, 'run', values.run);
      const datasetId = values.dataset === undefined ? undefined : await idByName(core, 'dataset', values.dataset);
      const started = await core.invoke('verify.start', {
        ...(runId !== undefined ? { runId } : {}),
        ...(datasetId !== undefined ? { datasetId } : {}),
      });
      if (!started.ok) return (printError(started.error), EXIT.FAILED);
      const { job, interrupted } = await followJob(core, started.value.jobId);
      if (values.json)
        process.stdout.write(`${JSON.stringify({ status: job.status, result: job.result, error: job.error })}\n`);
      if (job.status !== 'done') {
        if (job.error) printError(job.error as never);
        return interrupted ? EXIT.INTERRUPTED : EXIT.FAILED;
      }
      if (!values.json)
        process.stdout.write(formatVerifySummary(job.result as unknown as Parameters<typeof formatVerifySummary>[0]));
      return EXIT.OK;
    } finally {
      await core.close();
    }
  },
};
