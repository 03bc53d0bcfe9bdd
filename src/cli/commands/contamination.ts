// rl-curator contamination [--against BENCH …] [--dataset NAME …] [--jaccard X] [--ngram-coverage X]
//   [--no-clusters] [--force] [--list N] [--db PATH] [--json]
// Checks training datasets against benchmarks (exact, templated, n-gram and MinHash matches) and groups
// near-duplicates; exits 0 when the checked datasets are clean and 1 when contamination was found.
import { parseArgs } from 'node:util';
import { createCore } from '../../core/index';
import type { Core } from '../../core/index';
import type { PromptContamination } from '../../shared/contamination';
import { CuratorError } from '../../shared/errors';
import type { Command } from '../command';
import { coreOptions } from '../command';
import { EXIT } from '../exit-codes';
import { idByName } from '../lookup';
import { printError } from '../output';
import { resolveDbPath } from '../paths';
import { followJob } from '../run-job';
import { UsageError } from '../usage-error';

const DEFAULT_LIST = 20;
const CLASS_NAMES = { exact: 'exact copy', templated: 'templated', near: 'near copy' } as const;

function fraction(value: string | undefined, flag: string): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0 || n > 1) throw new UsageError(`${flag} takes a number in (0, 1]; got "${value}".`);
  return n;
}

async function must<T>(
  result: Promise<{ ok: true; value: T } | { ok: false; error: { code: string; message: string } }>,
) {
  const r = await result;
  if (!r.ok) throw new CuratorError(r.error.code as never, r.error.message);
  return r.value;
}

/** The flagged prompts of the checked datasets with their evidence, strongest first (up to `limit`). */
async function flaggedPrompts(core: Core, datasetIds: number[], limit: number) {
  const page = await must(
    core.invoke('prompts.page', {
      filter: { datasetIds, contamination: [{ op: 'is' }] },
      limit: Math.max(1, Math.min(limit, 1000)),
    }),
  );
  const details: PromptContamination[] = [];
  for (const row of limit > 0 ? page.rows : [])
    details.push(await must(core.invoke('contamination.forPrompt', { promptId: row.id })));
  return { total: page.total, details };
}

const clip = (text: string, max: number) => {
  const flat = text.replace(/\s+/g, ' ');
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
};

export function formatFinding(p: PromptContamination): string {
  const byBench = new Map<number, PromptContamination['matches']>();
  for (const m of p.matches) byBench.set(m.benchPromptId, [...(byBench.get(m.benchPromptId) ?? []), m]);
  const lines = [`  prompt ${p.promptId}: ${p.class ? CLASS_NAMES[p.class] : 'clean'}`];
  for (const matches of byBench.values()) {
    const first = matches[0] as PromptContamination['matches'][number];
    const how = matches.map((m) => `${m.method} ${m.score.toFixed(2)}`).join(', ');
    const item = first.benchSourceId
      ? `${first.benchDataset} ${first.benchSourceId}`
      : `${first.benchDataset} #${first.benchPromptId}`;
    lines.push(`    ${item} (${how}): ${clip(first.benchQuestion, 80)}`);
  }
  return lines.join('\n');
}

function summaryLine(r: Record<string, unknown>): string {
  if (r.upToDate) return 'Already checked against the same benchmarks and settings (use --force to check again).';
  const names = (key: string) => ((r[key] as string[] | undefined) ?? []).join(', ');
  const clusters = r.clusters
    ? `; ${String(r.clusters)} near-duplicate clusters (${String(r.promptsInClusters)} prompts)`
    : '';
  const seconds = Number(r.seconds ?? 0).toFixed(1);
  return `Checked ${names('checked')} against ${names('benchmarks')} in ${seconds} s${clusters}.`;
}

export const contaminationCommand: Command = {
  path: ['contamination'],
  summary: 'Check training datasets against benchmarks (copies, templates, near copies) and group near-duplicates',
  usage:
    'rl-curator contamination [--against BENCH …] [--dataset NAME …] [--jaccard X] [--ngram-coverage X] ' +
    '[--no-clusters] [--force] [--list N] [--db PATH] [--json]',
  async run(args, runtime) {
    const { values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      options: {
        against: { type: 'string', multiple: true },
        dataset: { type: 'string', multiple: true },
        jaccard: { type: 'string' },
        'ngram-coverage': { type: 'string' },
        'no-clusters': { type: 'boolean', default: false },
        force: { type: 'boolean', default: false },
        list: { type: 'string' },
        db: { type: 'string' },
        json: { type: 'boolean', default: false },
      },
    });
    if (positionals.length > 0)
      throw new UsageError(`Unexpected argument "${positionals[0]}"; name benchmarks with --against.`);
    const jaccard = fraction(values.jaccard, '--jaccard');
    const ngramCoverage = fraction(values['ngram-coverage'], '--ngram-coverage');
    const list = values.list === undefined ? DEFAULT_LIST : Number(values.list);
    if (!Number.isInteger(list) || list < 0) throw new UsageError('--list takes a whole number (0: none).');

    const core = createCore(coreOptions(resolveDbPath(values.db), runtime, 'cli'));
    try {
      const benchmarkIds: number[] = [];
      for (const name of values.against ?? []) {
        const id = await idByName(core, 'dataset', name);
        benchmarkIds.push(id);
        // Naming a dataset as a benchmark makes it one, for the app's filters and later checks too.
        await must(core.invoke('datasets.setRole', { id, role: 'benchmark' }));
      }
      const datasetIds: number[] = [];
      for (const name of values.dataset ?? []) datasetIds.push(await idByName(core, 'dataset', name));
      const thresholds = {
        ...(jaccard !== undefined ? { jaccard } : {}),
        ...(ngramCoverage !== undefined ? { ngramCoverage } : {}),
      };
      const started = await core.invoke('contamination.start', {
        ...(benchmarkIds.length ? { benchmarkIds } : {}),
        ...(datasetIds.length ? { datasetIds } : {}),
        ...(Object.keys(thresholds).length ? { thresholds } : {}),
        clusters: !values['no-clusters'],
        force: values.force,
      });
      if (!started.ok) return (printError(started.error), EXIT.FAILED);
      const { job, interrupted } = await followJob(core, started.value.jobId);
      if (job.status !== 'done') {
        if (job.error) printError(job.error as never);
        if (values.json) process.stdout.write(`${JSON.stringify({ status: job.status, error: job.error })}\n`);
        return interrupted ? EXIT.INTERRUPTED : EXIT.FAILED;
      }
      const checked = (job.result?.datasetIds as number[] | undefined) ?? [];
      const found = await flaggedPrompts(core, checked, values.json ? 1000 : list);
      if (values.json) {
        const outcome = { status: job.status, result: job.result, flagged: found.total, prompts: found.details };
        process.stdout.write(`${JSON.stringify(outcome)}\n`);
      } else {
        const verdict = found.total === 0 ? 'No contamination found.' : `${found.total} prompts flagged:`;
        process.stdout.write(`${summaryLine(job.result ?? {})}\n${verdict}\n`);
        for (const detail of found.details) process.stdout.write(`${formatFinding(detail)}\n`);
        if (found.total > found.details.length)
          process.stdout.write(`  … and ${found.total - found.details.length} more (--list N, or --json for all).\n`);
      }
      return found.total > 0 ? EXIT.FOUND : EXIT.OK;
    } finally {
      await core.close();
    }
  },
};
