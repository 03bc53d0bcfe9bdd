// The contamination check as a job: index the benchmarks, read every prompt of the checked datasets once (in id
// order, in pages), match each against the benchmarks and keep its MinHash bands for the near-duplicate clusters,
// then publish everything in one transaction. Cancel or failure before publishing keeps the earlier findings.
import { ContaminationCheckRequest } from '../../shared/contamination';
import type { Db } from '../db/open';
import { throwIfCancelled } from '../jobs/cancel';
import type { JobContext, JobDefinition } from '../jobs/types';
import { BenchmarkIndex, shinglesOf } from './benchmark-index';
import type { SignatureTable } from './clusters';
import { nearDuplicateClusters } from './clusters';
import { bandKeys } from './lsh';
import type { CheckScope, ScopeDataset } from './scope';
import { clusterKey, datasetsToCheck, resolveScope } from './scope';
import type { FoundMatch } from './store';
import { lastClusterKey, publishFindings } from './store';
import { analyzeText } from './text';

export const CONTAMINATION_JOB_KIND = 'contamination.check';

/** Prompts read per page: one progress report and one chance to cancel each. */
const PAGE = 5000;

interface Totals {
  done: number;
  total: number;
  started: number;
}

function reporter(ctx: JobContext, totals: Totals) {
  return (phase: string) => {
    const seconds = (Date.now() - totals.started) / 1000;
    const perSecond = seconds > 0 ? totals.done / seconds : 0;
    ctx.progress({
      phase,
      bytesDone: totals.done,
      bytesTotal: totals.total,
      rows: totals.done,
      badRows: 0,
      rowsPerSecond: Math.round(perSecond),
      etaSeconds: perSecond > 0 ? Math.round((totals.total - totals.done) / perSecond) : null,
    });
  };
}

function benchmarkIndex(db: Db, scope: CheckScope): { index: BenchmarkIndex; ids: number[] } {
  const rows = db
    .prepare(
      `SELECT id, question AS text FROM prompts WHERE dataset_id IN (SELECT value FROM json_each(?)) ORDER BY id`,
    )
    .all(JSON.stringify(scope.benchmarks.map((b) => b.datasetId))) as { id: number; text: string }[];
  return { index: new BenchmarkIndex(rows, scope.settings), ids: rows.map((r) => r.id) };
}

function* promptPages(db: Db, datasets: readonly ScopeDataset[]) {
  const page = db.prepare(
    `SELECT id, dataset_id AS datasetId, question FROM prompts
     WHERE dataset_id IN (SELECT value FROM json_each(?)) AND id > ? ORDER BY id LIMIT ?`,
  );
  const ids = JSON.stringify(datasets.map((d) => d.datasetId));
  let after = 0;
  for (;;) {
    const rows = page.all(ids, after, PAGE) as { id: number; datasetId: number; question: string }[];
    if (rows.length === 0) return;
    yield rows;
    after = (rows[rows.length - 1] as { id: number }).id;
  }
}

export const contaminationJob: JobDefinition<ContaminationCheckRequest> = {
  kind: CONTAMINATION_JOB_KIND,
  async run(params, ctx) {
    const { db, signal } = ctx;
    const request = ContaminationCheckRequest.parse(params);
    const scope = resolveScope(db, request);
    const toMatch = datasetsToCheck(db, scope, request.force);
    const key = clusterKey(scope);
    const cluster = request.clusters && (request.force || toMatch.length > 0 || lastClusterKey(db) !== key);
    const read = cluster ? scope.targets : toMatch;
    const totals: Totals = { done: 0, total: read.reduce((s, d) => s + d.count, 0), started: Date.now() };
    const report = reporter(ctx, totals);
    const targets = scope.targets.map((d) => d.datasetId);
    if (read.length === 0) return { upToDate: true, datasetIds: targets, checked: [], flagged: 0, clusters: 0 };

    report(`Indexing ${scope.benchmarks.map((b) => b.name).join(', ')}`);
    const { index, ids: benchIds } = benchmarkIndex(db, scope);
    const { settings } = index;
    const bands = settings.clusterBands;
    const clusterParams = { bands, rows: settings.numPerm / bands };
    const table: SignatureTable = {
      count: 0,
      bands,
      numPerm: settings.numPerm,
      bandKeys: new Uint32Array(cluster ? totals.total * bands : 0),
      lowBytes: new Uint8Array(cluster ? totals.total * settings.numPerm : 0),
    };
    const promptIds = new Int32Array(cluster ? totals.total : 0);
    const matchIn = new Set(toMatch.map((d) => d.datasetId));
    const matches: FoundMatch[] = [];
    const signature = new Uint32Array(settings.numPerm);
    const shingles = new Uint32Array(4096);
    const keys = new Uint32Array(bands);

    for (const rows of promptPages(db, read)) {
      // Let a cancel message reach this thread between pages.
      await new Promise<void>((resolve) => setImmediate(resolve));
      throwIfCancelled(signal);
      for (const row of rows) {
        const analyzed = analyzeText(row.question);
        const scratch = analyzed.tokens.length <= shingles.length ? shingles : undefined;
        index.hasher.signature(shinglesOf(analyzed.tokens, scratch), signature);
        if (matchIn.has(row.datasetId)) {
          for (const m of index.match(analyzed, signature)) {
            const benchPromptId = benchIds[m.item] as number;
            // A dataset checked against itself matches each of its prompts: not a finding.
            if (benchPromptId !== row.id)
              matches.push({ promptId: row.id, benchPromptId, method: m.method, score: m.score });
          }
        }
        if (cluster && table.count < promptIds.length) {
          const at = table.count++;
          promptIds[at] = row.id;
          table.bandKeys.set(bandKeys(signature, clusterParams, keys), at * bands);
          table.lowBytes.set(signature, at * settings.numPerm);
        }
      }
      totals.done += rows.length;
      report(`Checking ${read.map((d) => d.name).join(', ')}`);
    }

    let members: [number, number][] = [];
    if (cluster) {
      report('Grouping near-duplicates');
      const sets = nearDuplicateClusters(table, settings.jaccard);
      const sizes = new Map<number, number>();
      for (let i = 0; i < table.count; i++) sizes.set(sets.find(i), (sizes.get(sets.find(i)) ?? 0) + 1);
      for (let i = 0; i < table.count; i++) {
        const root = sets.find(i);
        if ((sizes.get(root) as number) > 1) members.push([promptIds[i] as number, promptIds[root] as number]);
      }
    } else members = [];
    throwIfCancelled(signal);
    report('Saving findings');
    const seconds = (Date.now() - totals.started) / 1000;
    const checkId = publishFindings(db, {
      jobId: ctx.jobId,
      scope,
      matched: toMatch,
      matches,
      clusters: cluster ? { key, members } : null,
      seconds,
    });
    const flagged = new Set(matches.map((m) => m.promptId)).size;
    report('Done');
    return {
      checkId,
      upToDate: false,
      datasetIds: targets,
      benchmarks: scope.benchmarks.map((b) => b.name),
      checked: toMatch.map((d) => d.name),
      prompts: totals.done,
      flagged,
      matches: matches.length,
      clusters: new Set(members.map(([, c]) => c)).size,
      promptsInClusters: members.length,
      seconds,
      promptsPerSecond: seconds > 0 ? Math.round(totals.done / seconds) : totals.done,
    };
  },
  // Nothing is written before the one publishing transaction.
  rollback() {},
};
