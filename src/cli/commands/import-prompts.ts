// rl-curator import prompts FILE [--dataset NAME] [--map field=column …] [--format F] [--role train|benchmark]
//   [--on-bad skip|abort] [--again] [--db PATH] [--json]
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { FieldMapping, PromptFileFormat } from '../../shared/domain';
import { MAPPABLE_FIELDS, PROMPT_FILE_FORMATS } from '../../shared/domain';
import { DATASET_ROLES } from '../../shared/contamination';
import type { DatasetRole } from '../../shared/contamination';
import { createCore } from '../../core/index';
import type { Command } from '../command';
import { coreOptions } from '../command';
import { EXIT } from '../exit-codes';
import { badRecordPolicy, IMPORT_OPTIONS } from '../import-options';
import { formatIssue, printError } from '../output';
import { resolveDbPath } from '../paths';
import { followJob } from '../run-job';
import { UsageError } from '../usage-error';

export function parseMappingFlags(flags: string[]): Partial<FieldMapping> {
  const mapping: Partial<FieldMapping> = {};
  for (const flag of flags) {
    const eq = flag.indexOf('=');
    const field = flag.slice(0, eq) as keyof FieldMapping;
    if (eq <= 0 || !(MAPPABLE_FIELDS as readonly string[]).includes(field)) {
      throw new UsageError(`--map takes field=column with field one of ${MAPPABLE_FIELDS.join(', ')}; got "${flag}".`);
    }
    const column = flag.slice(eq + 1);
    mapping[field] = column === '' ? null : column;
  }
  return mapping;
}

export const importPromptsCommand: Command = {
  path: ['import', 'prompts'],
  summary: 'Import a prompt set (JSONL, JSON, CSV or Parquet) as a dataset',
  usage:
    'rl-curator import prompts FILE [--dataset NAME] [--map field=column …] [--format ' +
    'jsonl|json|csv|parquet] [--role train|benchmark] [--on-bad skip|abort] [--again] [--db PATH] [--json]',
  async run(args, runtime) {
    const { values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      options: {
        dataset: { type: 'string' },
        map: { type: 'string', multiple: true },
        format: { type: 'string' },
        role: { type: 'string', default: 'train' },
        ...IMPORT_OPTIONS,
      },
    });
    if (positionals.length !== 1) throw new UsageError('Give exactly one FILE to import.');
    const format = values.format as PromptFileFormat | undefined;
    if (format && !(PROMPT_FILE_FORMATS as readonly string[]).includes(format))
      throw new UsageError(`--format must be one of ${PROMPT_FILE_FORMATS.join(', ')}.`);
    const onBad = badRecordPolicy(values['on-bad']);
    const role = values.role as DatasetRole;
    if (!(DATASET_ROLES as readonly string[]).includes(role))
      throw new UsageError(`--role must be one of ${DATASET_ROLES.join(', ')}.`);
    const file = path.resolve(positionals[0] as string);

    const core = createCore(coreOptions(resolveDbPath(values.db), runtime, 'cli'));
    try {
      const preview = await core.invoke('import.preview', { path: file, ...(format ? { format } : {}) });
      if (!preview.ok) return (printError(preview.error), EXIT.FAILED);
      const mapping = { ...preview.value.mapping, ...parseMappingFlags(values.map ?? []) };
      for (const warning of preview.value.warnings) process.stderr.write(`warning: ${warning}\n`);
      const started = await core.invoke('import.prompts', {
        path: file,
        format: preview.value.format,
        mapping,
        onBadRecord: onBad,
        again: values.again,
        ...(values.dataset ? { datasetName: values.dataset } : {}),
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
      if (role !== 'train') {
        const marked = await core.invoke('datasets.setRole', { id: Number(job.result?.datasetId), role });
        if (!marked.ok) return (printError(marked.error), EXIT.FAILED);
      }
      const r = job.result ?? {};
      // Issues are bad records and warnings; only skipped bad records make the import partial.
      const bad = Number(r.badRecords ?? 0);
      const warned = job.issueCount - bad;
      if (!values.json) {
        process.stdout.write(
          `Imported ${String(r.prompts ?? '?')} prompts into ${role === 'benchmark' ? 'benchmark' : 'dataset'} ` +
            `"${String(r.datasetName ?? '?')}"` +
            `${r.duplicates ? ` (${String(r.duplicates)} duplicate questions flagged)` : ''}` +
            `${bad > 0 ? `, skipped ${bad} bad record${bad === 1 ? '' : 's'}` : ''}` +
            `${warned > 0 ? `, ${warned} warning${warned === 1 ? '' : 's'}` : ''}.\n`,
        );
      }
      return bad > 0 ? EXIT.PARTIAL : EXIT.OK;
    } finally {
      await core.close();
    }
  },
};
