// rl-curator stats [--db PATH] [--json]
import { parseArgs } from 'node:util';
import { createCore } from '../../core/index';
import type { RolloutWorkspaceStats, Run } from '../../shared/rollouts';
import type { Command } from '../command';
import { coreOptions } from '../command';
import { EXIT } from '../exit-codes';
import { printError } from '../output';
import { resolveDbPath } from '../paths';

const percent = (share: number | null) => (share === null ? '–' : `${(share * 100).toFixed(1)}%`);

function printRollouts(totals: RolloutWorkspaceStats | undefined, runs: Run[]): void {
  if (!totals) return;
  const rollouts = totals.rollouts.toLocaleString('en');
  const unmatched = totals.unmatchedPrompts ? `, ${totals.unmatchedPrompts} run prompts match no prompt set` : '';
  process.stdout.write(
    `  ${totals.runs} runs, ${totals.steps} steps, ${rollouts} rollouts, ` +
      `pass rate ${percent(totals.passRate)}${unmatched}\n`,
  );
  if (totals.interruptedImports)
    process.stdout.write(
      `  ${totals.interruptedImports} interrupted rollout imports wait to resume (run the same ` +
        `import again, or add --restart)\n`,
    );
  for (const run of runs) {
    process.stdout.write(
      `  - run ${run.name}: ${run.rollouts.toLocaleString('en')} rollouts over ${run.promptCount} prompts, ` +
        `${run.steps.length} steps, pass rate ${percent(run.passRate)}\n`,
    );
    const shown = run.steps.length > 12 ? [...run.steps.slice(0, 6), null, ...run.steps.slice(-5)] : run.steps;
    for (const step of shown) {
      if (step === null) process.stdout.write('      …\n');
      else {
        const meanReward = step.rewardMean === null ? '–' : step.rewardMean.toFixed(3);
        process.stdout.write(
          `      step ${step.step}: ${step.rollouts} rollouts, ` +
            `pass rate ${percent(step.passRate)}, mean reward ${meanReward}\n`,
        );
      }
    }
  }
}

export const statsCommand: Command = {
  path: ['stats'],
  summary: 'Summarise a workspace (datasets, prompts, sources; runs, steps, rollouts and pass rates)',
  usage: 'rl-curator stats [--db PATH] [--json]',
  async run(args, runtime) {
    const { values } = parseArgs({
      args,
      options: { db: { type: 'string' }, json: { type: 'boolean', default: false } },
    });
    const core = createCore(coreOptions(resolveDbPath(values.db), runtime, 'cli'));
    try {
      const [stats, datasets, runs] = await Promise.all([
        core.invoke('stats.get', {}),
        core.invoke('datasets.list', {}),
        core.invoke('runs.list', {}),
      ]);
      if (!stats.ok) return (printError(stats.error), EXIT.FAILED);
      if (!datasets.ok) return (printError(datasets.error), EXIT.FAILED);
      if (!runs.ok) return (printError(runs.error), EXIT.FAILED);
      if (values.json) {
        process.stdout.write(
          `${JSON.stringify({ ...stats.value, datasetList: datasets.value, runList: runs.value }, null, 2)}\n`,
        );
        return EXIT.OK;
      }
      const s = stats.value;
      const prompts = s.prompts.toLocaleString('en');
      process.stdout.write(
        `Workspace ${s.dbPath}\n  ${s.datasets} datasets, ${prompts} prompts (${s.duplicates} duplicate questions)\n`,
      );
      for (const d of datasets.value) {
        const from = d.sourcePath ? ` from ${d.sourcePath}` : '';
        process.stdout.write(`  - ${d.name}: ${d.promptCount.toLocaleString('en')} prompts${from}\n`);
      }
      if (s.promptsBySource.length > 0) {
        process.stdout.write('  by source:\n');
        for (const row of s.promptsBySource)
          process.stdout.write(`    ${row.source ?? '(none)'}: ${row.count.toLocaleString('en')}\n`);
      }
      printRollouts(s.rollouts, runs.value);
      return EXIT.OK;
    } finally {
      await core.close();
    }
  },
};
