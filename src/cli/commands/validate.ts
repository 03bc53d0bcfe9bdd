// rl-curator validate FILE [--json]: checks a native rollout file (docs/rollout-format.md) and prints
// every problem with its line. Needs no workspace.
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { RecordIssue } from '../../shared/domain';
import { validateNativeFile } from '../../core/rollouts/native/validate-file';
import type { Command } from '../command';
import { EXIT } from '../exit-codes';
import { formatIssue } from '../output';
import { UsageError } from '../usage-error';

export const validateCommand: Command = {
  path: ['validate'],
  summary:
    'Check a native rollout file against docs/rollout-format.md; prints every problem with its line (exit 1 if any)',
  usage: 'rl-curator validate FILE [--json]',
  async run(args) {
    const { values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      options: { json: { type: 'boolean', default: false } },
    });
    if (positionals.length !== 1) throw new UsageError('Give exactly one FILE to validate.');
    const file = path.resolve(positionals[0] as string);
    const issues: RecordIssue[] = [];
    let problems = 0;
    const summary = await validateNativeFile(file, (issue) => {
      problems++;
      if (values.json) issues.push(issue);
      else process.stdout.write(`${formatIssue(issue)}\n`);
    });
    if (values.json) {
      process.stdout.write(`${JSON.stringify({ valid: issues.length === 0, ...summary, issues })}\n`);
    } else if (problems === 0) {
      const rollouts = summary.rollouts.toLocaleString('en');
      const tokens = summary.tokens.toLocaleString('en');
      const signals = summary.signals.join(', ') || 'none';
      process.stdout.write(`${summary.file}: valid, ${rollouts} rollouts, ${tokens} tokens, signals: ${signals}.\n`);
    } else {
      const lines = (summary.rollouts + summary.badLines).toLocaleString('en');
      process.stdout.write(
        `${summary.file}: ${problems} problems in ${summary.badLines} of ${lines} lines (listed above).\n`,
      );
    }
    return problems === 0 ? EXIT.OK : EXIT.FAILED;
  },
};
