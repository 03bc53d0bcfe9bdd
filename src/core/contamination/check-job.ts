// The contamination check as a job: index the benchmarks, read every prompt of the checked datasets once (in id
// order, in pages), match each against the benchmarks and keep its MinHash bands for the near-duplicate clusters,
// then publish everything in one transaction. Cancel or failure before publishing keeps the earlier findings.
import { ContaminationCheckRequest } from '../../shared/contamination';
import type { Db } from '../db/open';
import { throwIfCancelled } from '../jobs/cancel';
import type { JobContext, JobDefinition } from '../jobs/types';
import { createAnalyzer } from './analysis-pool';
import type { AnalyzedPage } from './analyze-page';
import type { BenchmarkItem } from './benchmark-index';
import type { SignatureTable } from './clusters';
import { nearDuplicateClusters } from './clusters';
import { CLUSTER_SIGNATURE_BYTES } from './settings';
import type { CheckScope, ScopeDataset } from './scope';
import { clusterKey, datasetsToCheck, resolveScope } from './scope';
import type { FoundMatch } from './store';
import { lastClusterKey, publishFindings } from './store';

export const CONTAMINATION_JOB_KIND = 'contamination.check';

/** Prompts read from SQLite per page. */
const PAGE = 5000;
/** Prompts per analysis request: one progress report and one chance to cancel each. */
const ANALYSIS_ROWS = 1000;
/** Requests in flight: enough to keep every worker busy while the job thread reads the next page. */
const IN_FLIGHT = 8;

interface PromptRow {
  id: number;
  datasetId: number;
  question: string;
}

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

function benchmarkItems(db: Db, scope: CheckScope): BenchmarkItem[] {
  return db
    .prepare(
      `SELECT id, question AS text FROM prompts WHERE dataset_id IN (SELECT value FROM json_each(?)) ORDER BY id`,
    )
    .all(JSON.stringify(scope.benchmarks.map((b) => b.datasetId))) as BenchmarkItem[];
}

function* promptPages(db: Db, datasets: readonly ScopeDataset[]) {
  const page = db.prepare(
    `SELECT id, dataset_id AS datasetId, question FROM prompts
     WHERE dataset_id IN (SELECT value FROM json_each(?)) AND id > ? ORDER BY id LIMIT ?`,
  );
  const ids = JSON.stringify(datasets.map((d) => d.datasetId));
  let after = 0;
  for (;;) {
    const rows = page.all(ids, after, PAGE) as PromptRow[];
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
    const total = db
      .prepare(`SELECT count(*) FROM prompts WHERE dataset_id IN (SELECT value FROM json_each(?))`)
      .pluck()
      .get(JSON.stringify(read.map((d) => d.datasetId))) as number;
    const totals: Totals = { done: 0, total, started: Date.now() };
    const report = reporter(ctx, totals);
    const targets = scope.targets.map((d) => d.datasetId);
    if (read.length === 0) return { upToDate: true, datasetIds: targets, checked: [], flagged: 0, clusters: 0 };

    report(`Indexing ${scope.benchmarks.map((b) => b.name).join(', ')}`);
    const items = benchmarkItems(db, scope);
    const { settings } = scope;
    const bands = cluster ? settings.clusterBands : 0;
    const table: SignatureTable = {
      count: 0,
      bands,
      width: CLUSTER_SIGNATURE_BYTES,
      bandKeys: new Uint32Array(totals.total * bands),
      lowBytes: new Uint8Array(cluster ? totals.total * CLUSTER_SIGNATURE_BYTES : 0),
    };
    const promptIds = new Int32Array(cluster ? totals.total : 0);
    const matchIn = new Set(toMatch.map((d) => d.datasetId));
    const matches: FoundMatch[] = [];
    const analyzer = createAnalyzer(items, settings);
    // The check reads every prompt once, in order: a small page cache does as well as the usual 64 MB, which the
    // check's memory budget needs for the near-duplicate signatures.
    const cacheSize = db.pragma('cache_size', { simple: true }) as number;
    db.pragma('cache_size = -8192');
    try {
      // Pages are analysed on the worker threads a few at a time and taken back in order.
      const inFlight: { rows: PromptRow[]; page: Promise<AnalyzedPage> }[] = [];
      const take = async () => {
        const next = inFlight.shift() as { rows: PromptRow[]; page: Promise<AnalyzedPage> };
        const page = await next.page;
        for (const m of page.matches) {
          const promptId = (next.rows[m.row] as PromptRow).id;
          const benchPromptId = (items[m.item] as BenchmarkItem).id;
          // A dataset checked against itself matches each of its prompts: not a finding.
          if (benchPromptId !== promptId) matches.push({ promptId, benchPromptId, method: m.method, score: m.score });
        }
        if (cluster) {
          const at = table.count;
          for (let r = 0; r < next.rows.length; r++) promptIds[at + r] = (next.rows[r] as PromptRow).id;
          table.bandKeys.set(page.bandKeys, at * bands);
          table.lowBytes.set(page.lowBytes, at * CLUSTER_SIGNATURE_BYTES);
          table.count += next.rows.length;
        }
        totals.done += next.rows.length;
        report(`Checking ${read.map((d) => d.name).join(', ')}`);
      };
      for (const page of promptPages(db, read)) {
        throwIfCancelled(signal);
        for (let i = 0; i < page.length; i += ANALYSIS_ROWS) {
          const rows = page.slice(i, i + ANALYSIS_ROWS);
          const request = {
            questions: rows.map((r) => r.question),
            match: Uint8Array.from(rows, (r) => (matchIn.has(r.datasetId) ? 1 : 0)),
            clusterBands: bands,
          };
          inFlight.push({ rows, page: analyzer.analyze(request) });
          if (inFlight.length >= IN_FLIGHT) await take();
        }
      }
      while (inFlight.length > 0) {
        throwIfCancelled(signal);
        await take();
      }
    } finally {
      db.pragma(`cache_size = ${Math.trunc(cacheSize)}`);
      await analyzer.close();
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
