// rl-curator stats [--db PATH] [--json]
import { parseArgs } from 'node:util';
import { createCore } from '../../core/index';
import type { Command } from '../command';
import { coreOptions } from '../command';
import { EXIT } from '../exit-codes';
import { printError } from '../output';
import { resolveDbPath } from '../paths';

export const statsCommand: Command = {
  path: ['stats'],
  summary: 'Summarise a workspace (datasets, prompts, sources)',
  usage: 'rl-curator stats [--db PATH] [--json]',
  async run(args, runtime) {
    const { values } = parseArgs({ args, options: { db: { type: 'string' }, json: { type: 'boolean', default: false } } });
    const core = createCore(coreOptions(resolveDbPath(values.db), runtime, 'cli'));
    try {
      const [stats, datasets] = await Promise.all([core.invoke('stats.get', {}), core.invoke('datasets.list', {})]);
      if (!stats.ok) return printError(stats.error), EXIT.FAILED;
      if (!datasets.ok) return printError(datasets.error), EXIT.FAILED;
      if (values.json) {
        process.stdout.write(`${JSON.stringify({ ...stats.value, datasetList: datasets.value }, null, 2)}\n`);
        return EXIT.OK;
      }
      const s = stats.value;
      process.stdout.write(`Workspace ${s.dbPath}\n  ${s.datasets} datasets, ${s.prompts.toLocaleString('en')} prompts (${s.duplicates} duplicate questions)\n`);
      for (const d of datasets.value) process.stdout.write(`  - ${d.name}: ${d.promptCount.toLocaleString('en')} prompts${d.sourcePath ? ` from ${d.sourcePath}` : ''}\n`);
      if (s.promptsBySource.length > 0) {
        process.stdout.write('  by source:\n');
        for (const row of s.promptsBySource) process.stdout.write(`    ${row.source ?? '(none)'}: ${row.count.toLocaleString('en')}\n`);
      }
      return EXIT.OK;
    } finally {
      await core.close();
    }
  },
};
