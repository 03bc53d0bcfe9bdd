// The flat Parquet encoder (formats/parquet-flat.ts) against two independent readers: every flat column,
// nulls, non-ASCII and long texts, several row groups and several pages per column chunk must read back
// as written with hyparquet and with DuckDB.
import path from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../../../test/temp-workspace';
import { EXPORT_COLUMNS } from '../../shared/exports';
import type { ExportColumn } from '../../shared/exports';
import { AtomicFile } from './atomic-file';
import { parquetRows } from './export-test-kit';
import { flatParquetWriter } from './formats/parquet-flat';
import { columnValue } from './formats/text';
import type { ExportRow } from './rows';

// Every generic column but the nested `labels` list (hyparquet-writer writes that one).
const COLUMNS: ExportColumn[] = EXPORT_COLUMNS.filter((c) => c !== 'labels');
const NUMERIC: ReadonlySet<ExportColumn> = new Set([
  'id',
  'pass_rate',
  'dataset_pass_rate',
  'empirical_pass_rate',
  'graded_rollouts',
  'level',
]);
const SPLITS = ['train', 'val', null];
const TEXTS = ['Compute $\\frac{1}{2}$', 'π ∑ 中文 Ω \u{1F600}', 'quote " and \\ backslash', '', 'line\nbreak\ttab'];

function row(i: number): ExportRow {
  // Every 40th question is long (150 kB), so a group's question chunk spans several ~1 MiB pages.
  const question = `${TEXTS[i % TEXTS.length]} #${i}${i % 40 === 0 ? 'x'.repeat(150_000) : ''}`;
  return {
    id: i * 7 + 3_000_000_000,
    dataset: `set-${i % 3}`,
    sourceId: i % 4 === 0 ? null : `src-${i}`,
    question,
    questionJson: null,
    questionHash: '',
    goldAnswer: i % 5 === 0 ? null : `${i}/${i + 1}`,
    originalGoldAnswer: i % 6 === 0 ? null : `orig ${i}`,
    goldJson: null,
    sourceIdJson: null,
    subjectJson: null,
    corrected: false,
    passRate: i % 7 === 0 ? null : (i % 13) / 13,
    datasetPassRate: i % 3 === 0 ? null : 1 / (i + 1),
    empiricalPassRate: i % 2 === 0 ? null : -0.5 + i / 1000,
    gradedRollouts: i % 9,
    source: i % 10 === 0 ? null : (['MATH', 'AMC', 'AIME', 'Ω-set'][i % 4] as string),
    subject: i % 11 === 0 ? null : `subject ${i % 5}`,
    level: i % 8 === 0 ? null : (i % 5) - 1,
    split: 0,
    labels: [],
    labelIds: [],
  };
}

describe('flat Parquet writer', () => {
  const N = 2_500;
  let tmp: ReturnType<typeof tempDir>;
  let file: string;
  const expected = Array.from({ length: N }, (_, i) => {
    const r = row(i);
    const split = SPLITS[i % 3] as string | null;
    return Object.fromEntries(COLUMNS.map((c) => [c, columnValue(c, r, split)]));
  });

  beforeAll(() => {
    tmp = tempDir();
    const out = new AtomicFile(tmp.dir, 'flat.parquet', 1);
    // 1,000-row groups: three groups, the last one partial.
    const writer = flatParquetWriter(out, COLUMNS, 1_000);
    for (let i = 0; i < N; i++) writer.add(row(i), i, SPLITS[i % 3] as string | null);
    writer.finish();
    out.close();
    out.commit();
    file = path.join(tmp.dir, 'flat.parquet');
  });
  afterAll(() => tmp.cleanup());

  it('reads back with hyparquet', async () => {
    const rows = await parquetRows(file);
    const asWritten = rows.map((r) =>
      Object.fromEntries(Object.entries(r).map(([k, v]) => [k, typeof v === 'bigint' ? Number(v) : v])),
    );
    expect(asWritten).toEqual(expected);
  });

  it('reads back with DuckDB, with the column types and statistics readers rely on', async () => {
    const duck = await DuckDBInstance.create(':memory:');
    const conn = await duck.connect();
    try {
      const types = (await conn.runAndReadAll(`DESCRIBE SELECT * FROM read_parquet('${file}')`))
        .getRowObjectsJson()
        .map((r) => [r.column_name, r.column_type]);
      expect(types).toEqual(
        COLUMNS.map((c) => [
          c,
          c === 'id' || c === 'graded_rollouts'
            ? 'BIGINT'
            : c === 'level'
              ? 'INTEGER'
              : c.endsWith('pass_rate')
                ? 'DOUBLE'
                : 'VARCHAR',
        ]),
      );
      const rows = (await conn.runAndReadAll(`SELECT * FROM read_parquet('${file}')`)).getRowObjectsJson();
      // DuckDB's JSON rows carry BIGINT as text.
      expect(
        rows.map((r) =>
          Object.fromEntries(COLUMNS.map((c) => [c, r[c] === null || !NUMERIC.has(c) ? r[c] : Number(r[c])])),
        ),
      ).toEqual(expected);
      const meta = (
        await conn.runAndReadAll(
          `SELECT row_group_id, path_in_schema, stats_min_value, stats_max_value, ` +
            `stats_null_count FROM parquet_metadata('${file}') WHERE path_in_schema = 'level' ORDER BY row_group_id`,
        )
      ).getRowObjectsJson();
      expect(meta).toHaveLength(3);
      const levels = expected.slice(0, 1_000).map((e) => e.level as number | null);
      expect(meta[0]).toMatchObject({
        stats_min_value: String(Math.min(...levels.filter((l) => l !== null))),
        stats_max_value: String(Math.max(...levels.filter((l) => l !== null))),
        stats_null_count: String(levels.filter((l) => l === null).length),
      });
    } finally {
      conn.closeSync();
      duck.closeSync();
    }
  });
});
