// Export files: byte-identical for the same data, options and seed; row counts and checksums match the
// manifest; verl Parquet has the nested schema (read back with hyparquet and DuckDB); OREAL JSONL
// re-imports as the same prompt set; CSV and generic Parquet carry the chosen columns.
import fs from 'node:fs';
import path from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../../../test/temp-workspace';
import type { ExportFormat } from '../../shared/exports';
import { importFile } from '../import/import-test-helpers';
import { createCore } from '../index';
import type { Core } from '../index';
import { idsOf, labelId, loadDemo, unwrap } from '../curation/curation-test-kit';
import { exportTo, jsonlRows, listDir, parquetRowCount, parquetRows, sha256File } from './export-test-kit';

const SPLITS = [
  { name: 'train', ratio: 0.8 },
  { name: 'val', ratio: 0.1 },
  { name: 'test', ratio: 0.1 },
];

describe('export files', () => {
  let tmp: ReturnType<typeof tempDir>;
  let core: Core;
  let total: number;
  beforeAll(async () => {
    tmp = tempDir();
    core = createCore({ dbPath: path.join(tmp.dir, 'ws.db') });
    await loadDemo(core, 1500, 8);
    total = unwrap(await core.invoke('prompts.page', {})).total;
    const ids = await idsOf(core, {}, 20);
    const drop = await labelId(core, 'prompt', 'drop');
    for (const id of ids.slice(0, 5))
      unwrap(await core.invoke('labels.toggle', { item: { target: 'prompt', id }, labelId: drop }));
    unwrap(await core.invoke('prompts.setGoldAnswer', { promptId: ids[10] as number, goldAnswer: 'corrected answer' }));
  });
  afterAll(async () => {
    await core.close();
    tmp.cleanup();
  });

  const out = (name: string) => path.join(tmp.dir, 'out', name);

  it.each(['oreal-jsonl', 'verl-parquet', 'jsonl', 'csv', 'parquet'] as ExportFormat[])(
    '%s: same data, options and seed give byte-identical files',
    async (format) => {
      const request = {
        format,
        splits: SPLITS,
        seed: 17,
        stratify: 'source' as const,
        columns:
          format === 'parquet' || format === 'csv' || format === 'jsonl'
            ? (['id', 'question', 'gold_answer', 'pass_rate', 'labels', 'split'] as const).slice()
            : undefined,
      };
      const a = await exportTo(core, { ...request, outDir: out(`${format}-a`) });
      const b = await exportTo(core, { ...request, outDir: out(`${format}-b`) });
      expect(a.manifest.files.map((f) => f.name)).toEqual(b.manifest.files.map((f) => f.name));
      for (const f of a.manifest.files) {
        const bytesA = fs.readFileSync(path.join(out(`${format}-a`), f.name));
        expect(bytesA.equals(fs.readFileSync(path.join(out(`${format}-b`), f.name)))).toBe(true);
      }
      // A different seed moves prompts between splits.
      const c = await exportTo(core, { ...request, seed: 18, outDir: out(`${format}-c`) });
      expect(c.manifest.files.map((f) => f.sha256)).not.toEqual(a.manifest.files.map((f) => f.sha256));
    },
  );

  it('writes split files whose row counts and sha256 match the manifest', async () => {
    const dir = out('splits');
    const { manifest, job } = await exportTo(core, { format: 'oreal-jsonl', outDir: dir, splits: SPLITS, seed: 3 });
    expect(listDir(dir)).toEqual(['manifest.json', 'test.jsonl', 'train.jsonl', 'val.jsonl']);
    expect(manifest).toMatchObject({
      format: 'oreal-jsonl',
      seed: 3,
      app: { name: 'RL Curator' },
      view: null,
      usedCorrectedGoldAnswers: true,
    });
    expect(manifest.workspaceId).toBe(unwrap(await core.invoke('app.info', {})).workspaceId);
    let sum = 0;
    for (const f of manifest.files) {
      const file = path.join(dir, f.name);
      expect(sha256File(file)).toBe(f.sha256);
      expect(fs.statSync(file).size).toBe(f.bytes);
      expect(jsonlRows(file)).toHaveLength(f.rows);
      expect(manifest.counts.perSplit[f.split as string]).toBe(f.rows);
      sum += f.rows;
    }
    expect(sum).toBe(total);
    expect(manifest.counts).toMatchObject({
      matched: total,
      exported: total,
      excludedByLabel: 0,
      excludedByContamination: 0,
      correctedGoldAnswers: 1,
    });
    expect(Math.abs((manifest.counts.perSplit.train as number) - 0.8 * total)).toBeLessThanOrEqual(1);
    expect(Object.values(manifest.counts.passRateHistogram).reduce((a, b) => a + b, 0)).toBe(total);
    const perSource = Object.values(manifest.counts.perSource).flatMap((bySplit) => Object.values(bySplit));
    expect(perSource.reduce((a, b) => a + b, 0)).toBe(total);
    expect(manifest.labels.onExportedPrompts.drop).toBe(5);
    expect(job.result).toMatchObject({ rows: total, exportId: expect.any(Number) });
  });

  it(
    'verl Parquet has list<struct<role, content>> prompts and struct columns (hyparquet and ' + 'DuckDB agree)',
    async () => {
      const dir = out('verl');
      const { manifest } = await exportTo(core, {
        format: 'verl-parquet',
        outDir: dir,
        splits: [
          { name: 'train', ratio: 0.9 },
          { name: 'test', ratio: 0.1 },
        ],
        seed: 1,
        verl: { systemPrompt: 'Think step by step.', promptTemplate: '{question} Put the final answer in \\boxed{}.' },
      });
      const trainFile = path.join(dir, 'train.parquet');
      const rows = await parquetRows(trainFile);
      expect(rows).toHaveLength(manifest.files[0]?.rows as number);
      expect(await parquetRowCount(trainFile)).toBe(rows.length);
      const first = rows[0] as {
        data_source: string;
        prompt: { role: string; content: string }[];
        ability: string;
        reward_model: { style: string; ground_truth: string };
        extra_info: { split: string; index: bigint; prompt_id: bigint };
      };
      const detail = unwrap(await core.invoke('prompts.get', { id: Number(first.extra_info.prompt_id) }));
      expect(first).toMatchObject({
        data_source: detail.source ?? 'math',
        ability: 'math',
        reward_model: { style: 'rule', ground_truth: detail.goldAnswer },
      });
      expect(first.prompt).toEqual([
        { role: 'system', content: 'Think step by step.' },
        { role: 'user', content: `${detail.question} Put the final answer in \\boxed{}.` },
      ]);
      expect(rows.map((r) => Number((r.extra_info as { index: bigint }).index))).toEqual(rows.map((_, i) => i));
      expect(new Set(rows.map((r) => (r.extra_info as { split: string }).split))).toEqual(new Set(['train']));

      const duck = await DuckDBInstance.create(':memory:');
      const conn = await duck.connect();
      try {
        const describe = (
          await conn.runAndReadAll(`DESCRIBE SELECT * FROM read_parquet('${trainFile}')`)
        ).getRowObjectsJson();
        const types = Object.fromEntries(describe.map((r) => [String(r.column_name), String(r.column_type)]));
        expect(types).toEqual({
          data_source: 'VARCHAR',
          prompt: 'STRUCT("role" VARCHAR, "content" VARCHAR)[]',
          ability: 'VARCHAR',
          reward_model: 'STRUCT(style VARCHAR, ground_truth VARCHAR)',
          extra_info: 'STRUCT(split VARCHAR, "index" BIGINT, prompt_id BIGINT, pass_rate DOUBLE)',
        });
        const read = (
          await conn.runAndReadAll(
            `SELECT len(prompt) AS turns, prompt[2].content AS question, ` +
              `reward_model.ground_truth AS gold, extra_info.index AS idx FROM ` +
              `read_parquet('${trainFile}') ORDER BY idx`,
          )
        ).getRowObjectsJson();
        expect(read).toHaveLength(rows.length);
        read.forEach((r, i) => {
          const mine = rows[i] as { prompt: { content: string }[]; reward_model: { ground_truth: string } };
          expect(r).toEqual({
            turns: '2',
            question: mine.prompt[1]?.content,
            gold: mine.reward_model.ground_truth,
            idx: String(i),
          });
        });
      } finally {
        conn.closeSync();
        duck.closeSync();
      }
    },
  );

  it('CSV and generic Parquet carry the chosen columns with the same values as JSONL', async () => {
    const columns = [
      'id',
      'dataset',
      'question',
      'gold_answer',
      'original_gold_answer',
      'pass_rate',
      'subject',
      'level',
      'labels',
    ] as const;
    await exportTo(core, { format: 'jsonl', outDir: out('cols-jsonl'), columns: [...columns] });
    await exportTo(core, { format: 'csv', outDir: out('cols-csv'), columns: [...columns] });
    await exportTo(core, { format: 'parquet', outDir: out('cols-parquet'), columns: [...columns] });
    const json = jsonlRows<Record<string, unknown>>(path.join(out('cols-jsonl'), 'prompts.jsonl'));
    expect(json).toHaveLength(total);
    expect(Object.keys(json[0] as object)).toEqual([...columns]);
    const csv = parse(fs.readFileSync(path.join(out('cols-csv'), 'prompts.csv')), { columns: true }) as Record<
      string,
      string
    >[];
    const pq = await parquetRows(path.join(out('cols-parquet'), 'prompts.parquet'));
    expect(csv).toHaveLength(total);
    expect(pq).toHaveLength(total);
    json.forEach((j, i) => {
      const c = csv[i] as Record<string, string>;
      const p = pq[i] as Record<string, unknown>;
      expect(c.question).toBe(j.question);
      expect(c.id).toBe(String(j.id));
      expect(c.labels).toBe((j.labels as string[]).join(';'));
      expect(c.pass_rate).toBe(j.pass_rate === null ? '' : String(j.pass_rate));
      expect({ ...p, id: Number(p.id) }).toEqual(j);
    });
    const fixed = json.find((j) => j.gold_answer !== j.original_gold_answer);
    expect(fixed).toMatchObject({ gold_answer: 'corrected answer' });
    expect(json.filter((j) => (j.labels as string[]).includes('drop'))).toHaveLength(5);
  });

  it('exported OREAL JSONL re-imports as a prompt set with the same questions, answers and pass rates', async () => {
    const dir = out('oreal');
    await exportTo(core, { format: 'oreal-jsonl', outDir: dir, passRate: { source: 'dataset' } });
    const exported = jsonlRows<{ question: string; gold_answer: string | null; pass_rate: number | null }>(
      path.join(dir, 'prompts.jsonl'),
    );
    const job = await importFile(core, { path: path.join(dir, 'prompts.jsonl'), datasetName: 're-import' });
    expect(job.status).toBe('done');
    const datasetId = job.result?.datasetId as number;
    const page = unwrap(
      await core.invoke('prompts.page', {
        filter: { datasetIds: [datasetId] },
        sort: [{ column: 'id', direction: 'asc' }],
        limit: 1000,
      }),
    );
    const all = [...page.rows];
    for (let offset = 1000; offset < page.total; offset += 1000) {
      all.push(
        ...unwrap(
          await core.invoke('prompts.page', {
            filter: { datasetIds: [datasetId] },
            sort: [{ column: 'id', direction: 'asc' }],
            offset,
            limit: 1000,
          }),
        ).rows,
      );
    }
    expect(all).toHaveLength(exported.length);
    for (let i = 0; i < all.length; i++) {
      const full = unwrap(await core.invoke('prompts.get', { id: (all[i] as { id: number }).id }));
      const e = exported[i] as (typeof exported)[number];
      expect(full.question).toBe(e.question);
      expect(full.goldAnswer).toBe(e.gold_answer);
      expect(full.passRate).toBe(e.pass_rate);
    }
  });
});
