// rl-curator export (--view NAME | --filter EXPR) --format F --out DIR [--split train=0.9,val=0.1] [--seed N] …
//   [--db PATH] [--json]
// Writes the files and their manifest through the export job (atomic: nothing is left on failure or Ctrl+C).
// The --filter language is described in export-filter.ts.
import { parseArgs } from 'node:util';
import type { ExportFormat, ExportRequestInput, SplitSpec } from '../../shared/exports';
import { EXPORT_COLUMNS, EXPORT_FORMATS } from '../../shared/exports';
import type { ExportColumn } from '../../shared/exports';
import { createCore } from '../../core/index';
import type { Core } from '../../core/index';
import type { Command } from '../command';
import { coreOptions } from '../command';
import { EXIT } from '../exit-codes';
import { printError } from '../output';
import { resolveDbPath } from '../paths';
import { followJob } from '../run-job';
import { UsageError } from '../usage-error';
import { CONTAMINATION_CLASSES } from '../../shared/contamination';
import type { ContaminationClass } from '../../shared/contamination';
import type { Lookups } from './export-filter';
import { FILTER_SYNTAX, findLabels, parseFilterExpr } from './export-filter';

const USAGE =
  'rl-curator export [--view NAME | --filter EXPR] --format ' +
  'oreal-jsonl|verl-parquet|jsonl|csv|parquet|rollouts-jsonl --out DIR ' +
  '[--split train=0.9,val=0.1] [--seed N] [--stratify none|pass-rate|source] ' +
  '[--pass-rate-source auto|empirical|dataset] [--keep-unknown-pass-rate] ' +
  '[--exclude-label NAME …] [--exclude-contaminated all|exact,templated,near] [--dedup] [--dedup-near] ' +
  '[--cap-per-source N] [--columns a,b,…] [--original-gold] ' +
  '[--name STEM] [--overwrite] ' +
  '[--data-source S] [--system-prompt TEXT] [--prompt-template TEXT] [--db PATH] [--json]';

/** `all`, or contamination classes separated by commas; absent: none. */
export function parseContaminationClasses(text: string | undefined): ContaminationClass[] {
  if (text === undefined) return [];
  if (text.trim() === 'all') return [...CONTAMINATION_CLASSES];
  const classes = text.split(',').map((c) => c.trim());
  const bad = classes.find((c) => !(CONTAMINATION_CLASSES as readonly string[]).includes(c));
  if (bad !== undefined)
    throw new UsageError(`--exclude-contaminated takes all or ${CONTAMINATION_CLASSES.join(', ')}; got "${bad}".`);
  return classes as ContaminationClass[];
}

export function parseSplits(text: string): SplitSpec[] {
  return text.split(',').map((part) => {
    const m = /^\s*([A-Za-z0-9_-]{1,40})\s*=\s*([0-9.]+)\s*$/.exec(part);
    const ratio = m ? Number(m[2]) : NaN;
    if (!m || !(ratio > 0))
      throw new UsageError(`--split takes name=ratio pairs separated by commas (train=0.9,val=0.1); got "${part}".`);
    return { name: m[1] as string, ratio };
  });
}

function intFlag(name: string, value: string | undefined, min: number): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < min) throw new UsageError(`--${name} must be an integer >= ${min}; got "${value}".`);
  return n;
}

async function lookups(core: Core): Promise<Lookups> {
  const [labels, datasets] = await Promise.all([
    core.invoke('labels.defs', { includeArchived: true }),
    core.invoke('datasets.list', {}),
  ]);
  if (!labels.ok)
    throw Object.assign(new Error(labels.error.message), { name: 'CuratorError', code: labels.error.code });
  if (!datasets.ok)
    throw Object.assign(new Error(datasets.error.message), { name: 'CuratorError', code: datasets.error.code });
  return { labels: labels.value, datasets: datasets.value };
}

export const exportCommand: Command = {
  path: ['export'],
  summary: `Export prompts (a saved view or a --filter: ${FILTER_SYNTAX}) for training, with a manifest`,
  usage: USAGE,
  async run(args, runtime) {
    const { values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      options: {
        view: { type: 'string' },
        filter: { type: 'string' },
        format: { type: 'string' },
        out: { type: 'string' },
        split: { type: 'string' },
        seed: { type: 'string' },
        stratify: { type: 'string', default: 'none' },
        'pass-rate-source': { type: 'string', default: 'auto' },
        'keep-unknown-pass-rate': { type: 'boolean', default: false },
        'exclude-label': { type: 'string', multiple: true },
        dedup: { type: 'boolean', default: false },
        'dedup-near': { type: 'boolean', default: false },
        'exclude-contaminated': { type: 'string' },
        'cap-per-source': { type: 'string' },
        columns: { type: 'string' },
        'original-gold': { type: 'boolean', default: false },
        name: { type: 'string' },
        overwrite: { type: 'boolean', default: false },
        'data-source': { type: 'string' },
        'system-prompt': { type: 'string' },
        'prompt-template': { type: 'string' },
        db: { type: 'string' },
        json: { type: 'boolean', default: false },
      },
    });
    if (positionals.length > 0) throw new UsageError(`unexpected argument "${positionals[0] ?? ''}".`);
    if (values.view !== undefined && values.filter !== undefined)
      throw new UsageError('give --view or --filter, not both.');
    const format = values.format as ExportFormat | undefined;
    if (!format || !(EXPORT_FORMATS as readonly string[]).includes(format))
      throw new UsageError(`--format must be one of ${EXPORT_FORMATS.join(', ')}.`);
    if (!values.out) throw new UsageError('--out DIR is required.');
    const stratify = { none: 'none', 'pass-rate': 'passRate', source: 'source' }[values.stratify];
    if (!stratify) throw new UsageError('--stratify must be none, pass-rate or source.');
    const passRateSource = values['pass-rate-source'];
    if (passRateSource !== 'auto' && passRateSource !== 'empirical' && passRateSource !== 'dataset')
      throw new UsageError('--pass-rate-source must be auto, empirical or dataset.');
    const columns = values.columns?.split(',').map((c) => c.trim()) as ExportColumn[] | undefined;
    const badColumn = columns?.find((c) => !(EXPORT_COLUMNS as readonly string[]).includes(c));
    if (badColumn !== undefined)
      throw new UsageError(`unknown column "${badColumn}" (columns: ${EXPORT_COLUMNS.join(', ')}).`);
    const splits = values.split ? parseSplits(values.split) : [];
    const contaminated = parseContaminationClasses(values['exclude-contaminated']);
    const seed = intFlag('seed', values.seed, -(2 ** 53 - 1));
    const cap = intFlag('cap-per-source', values['cap-per-source'], 1);

    const core = createCore(coreOptions(resolveDbPath(values.db), runtime, 'cli'));
    try {
      const known = await lookups(core);
      const parsed =
        values.filter !== undefined ? parseFilterExpr(values.filter, known) : { filter: undefined, passRate: {} };
      const request: ExportRequestInput = {
        format,
        outDir: values.out,
        ...(values.view !== undefined ? { viewName: values.view } : {}),
        ...(parsed.filter ? { filter: parsed.filter } : {}),
        passRate: { source: passRateSource, keepUnknown: values['keep-unknown-pass-rate'], ...parsed.passRate },
        excludeLabelIds: findLabels(known, values['exclude-label'] ?? [], ['prompt', 'rollout', 'span']),
        dedup: values.dedup,
        dedupNear: values['dedup-near'],
        excludeContaminated: contaminated,
        splits,
        stratify: stratify as 'none' | 'passRate' | 'source',
        useCorrectedGold: !values['original-gold'],
        overwrite: values.overwrite,
        ...(seed !== undefined ? { seed } : {}),
        ...(cap !== undefined ? { capPerSource: cap } : {}),
        ...(columns ? { columns } : {}),
        ...(values.name ? { baseName: values.name } : {}),
        ...(format === 'verl-parquet'
          ? {
              verl: {
                ...(values['data-source'] ? { dataSource: values['data-source'] } : {}),
                ...(values['system-prompt'] ? { systemPrompt: values['system-prompt'] } : {}),
                ...(values['prompt-template'] ? { promptTemplate: values['prompt-template'] } : {}),
              },
            }
          : {}),
      };
      const started = await core.invoke('exports.start', request);
      if (!started.ok)
        return (printError(started.error), started.error.code === 'INVALID_INPUT' ? EXIT.USAGE : EXIT.FAILED);
      const { job, interrupted } = await followJob(core, started.value.jobId);
      if (values.json)
        process.stdout.write(`${JSON.stringify({ status: job.status, result: job.result, error: job.error })}\n`);
      if (job.status !== 'done') {
        if (job.error) printError(job.error as never);
        return interrupted ? EXIT.INTERRUPTED : EXIT.FAILED;
      }
      if (!values.json) {
        const r = job.result as {
          rows: number;
          outDir: string;
          manifest: string;
          files: { name: string; rows: number; sha256: string }[];
          seconds: number;
        };
        process.stdout.write(
          `Exported ${r.rows.toLocaleString('en')} rows to ${r.outDir} in ${r.seconds.toFixed(1)}s\n`,
        );
        for (const f of r.files)
          process.stdout.write(`  ${f.name}: ${f.rows.toLocaleString('en')} rows, sha256 ${f.sha256}\n`);
        process.stdout.write(`  ${r.manifest}\n`);
      }
      return EXIT.OK;
    } finally {
      await core.close();
    }
  },
};
