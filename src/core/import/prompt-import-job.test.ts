// The import job through createCore: each format, duplicates, and skip vs abort on bad records.
import path from 'node:path';
import { parquetWriteBuffer } from 'hyparquet-writer';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempDir } from '../../../test/temp-workspace';
import type { PromptFileFormat } from '../../shared/domain';
import { createCore } from '../index';
import type { Core } from '../index';
import { countRows, importFile, jsonl, unwrap, writeFile } from './import-test-helpers';

const ROWS = [
  {
    id: 'a1',
    problem: 'What is $1+1$?',
    answer: '2',
    subject: 'Algebra',
    level: 'Level 1',
    pass_rate: 0.5,
    source: 'MATH',
  },
  {
    id: 'a2',
    problem: 'Area of a unit circle?',
    answer: '\\pi',
    subject: 'Geometry',
    level: 'Level 2',
    pass_rate: 1,
    source: 'MATH',
  },
  {
    id: 'a3',
    problem: 'Count the subsets of {1,2,3}.',
    answer: '8',
    subject: 'Counting & Probability',
    level: 'Level 3',
    pass_rate: 0,
    source: 'AMC',
  },
];

function writeFormat(dir: string, format: PromptFileFormat): string {
  switch (format) {
    case 'jsonl':
      return writeFile(dir, 'set.jsonl', jsonl(ROWS));
    case 'json':
      return writeFile(dir, 'set.json', JSON.stringify(ROWS, null, 2));
    case 'csv': {
      const quote = (v: unknown) => `"${String(v).replaceAll('"', '""')}"`;
      const header = Object.keys(ROWS[0] as object);
      return writeFile(
        dir,
        'set.csv',
        [header.join(','), ...ROWS.map((r) => Object.values(r).map(quote).join(','))].join('\n'),
      );
    }
    case 'parquet': {
      const column = (name: keyof (typeof ROWS)[number], type: 'STRING' | 'DOUBLE') => ({
        name,
        data: ROWS.map((r) => r[name]),
        type,
      });
      const columns = [
        column('id', 'STRING'),
        column('problem', 'STRING'),
        column('answer', 'STRING'),
        column('subject', 'STRING'),
        column('level', 'STRING'),
        column('pass_rate', 'DOUBLE'),
        column('source', 'STRING'),
      ];
      return writeFile(dir, 'set.parquet', Buffer.from(parquetWriteBuffer({ columnData: columns })));
    }
  }
}

describe('prompt import job', () => {
  let tmp: ReturnType<typeof tempDir>;
  let core: Core;
  let dbPath: string;
  beforeEach(() => {
    tmp = tempDir();
    dbPath = path.join(tmp.dir, 'ws.db');
    core = createCore({ dbPath });
  });
  afterEach(async () => {
    await core.close();
    tmp.cleanup();
  });

  for (const format of ['jsonl', 'json', 'csv', 'parquet'] as const) {
    it(`imports a ${format} prompt set with the detected mapping`, async () => {
      const file = writeFormat(tmp.dir, format);
      const preview = unwrap(await core.invoke('import.preview', { path: file }));
      expect(preview).toMatchObject({ format, fileName: path.basename(file), suggestedName: 'set', issues: [] });
      expect(preview.mapping).toMatchObject({
        question: 'problem',
        goldAnswer: 'answer',
        sourceId: 'id',
        subject: 'subject',
        level: 'level',
        passRate: 'pass_rate',
        source: 'source',
      });
      expect(preview.sampleRows).toHaveLength(3);
      const job = await importFile(core, { path: file, mapping: preview.mapping, datasetName: `My ${format}` });
      expect(job.status).toBe('done');
      expect(job.result).toMatchObject({ prompts: 3, duplicates: 0, badRecords: 0 });
      expect(unwrap(await core.invoke('datasets.list', {}))).toMatchObject([
        { name: `My ${format}`, sourceFormat: format, promptCount: 3, duplicateCount: 0 },
      ]);
      const page = unwrap(await core.invoke('prompts.page', { sort: [{ column: 'sourceId', direction: 'asc' }] }));
      expect(
        page.rows.map((r) => [r.sourceId, r.question, r.goldAnswer, r.subject, r.level, r.passRate, r.source]),
      ).toEqual(
        ROWS.map((r) => [r.id, r.problem, r.answer, r.subject, Number(r.level.slice(6)), r.pass_rate, r.source]),
      );
    });
  }

  it('counts and flags duplicates within the dataset without dropping them', async () => {
    const rows = [
      { question: 'Solve  x + 1 = 2.' },
      { question: 'Other.' },
      { question: 'Solve x + 1 = 2.\n' },
      { question: 'Solve x + 1 = 2.' },
    ];
    const job = await importFile(core, { path: writeFile(tmp.dir, 'dups.jsonl', jsonl(rows)) });
    expect(job.result).toMatchObject({ prompts: 4, duplicates: 2 });
    expect(unwrap(await core.invoke('datasets.list', {}))[0]).toMatchObject({ promptCount: 4, duplicateCount: 2 });
    const page = unwrap(await core.invoke('prompts.page', {}));
    const flags = await Promise.all(
      page.rows.map(async (r) => unwrap(await core.invoke('prompts.get', { id: r.id })).isDuplicate),
    );
    expect(flags).toEqual([false, false, true, true]);
    // A second import of the same file is refused unless asked again; then it is its own dataset, and its first
    // copies are not duplicates.
    expect(await core.invoke('import.prompts', { path: path.join(tmp.dir, 'dups.jsonl') })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', details: { reason: 'already-imported', datasetName: 'dups' } },
    });
    const again = await importFile(core, { path: writeFile(tmp.dir, 'dups.jsonl', jsonl(rows)), again: true });
    expect(again.result).toMatchObject({ duplicates: 2, datasetName: 'dups (2)' });
  });

  it("skips bad records with 'skip', reporting each with its line", async () => {
    const lines = [
      JSON.stringify({ question: 'q1' }),
      '{"question": broken',
      JSON.stringify({ answer: 'no question' }),
      '',
      JSON.stringify({ question: 'q5' }),
    ];
    const text = `${lines.join('\n')}\n`;
    const job = await importFile(core, { path: writeFile(tmp.dir, 'bad.jsonl', text), onBadRecord: 'skip' });
    expect(job.status).toBe('done');
    expect(job.result).toMatchObject({ prompts: 2, badRecords: 2 });
    expect(job.progress).toMatchObject({ rows: 2, badRows: 2 });
    expect(job.issues.map((i) => [i.line, i.field])).toEqual([
      [2, null],
      [3, 'question'],
    ]);
    expect(job.issues[0]).toMatchObject({ file: path.join(tmp.dir, 'bad.jsonl'), excerpt: '{"question": broken' });
    expect(job.issues[1]?.message).toBe('missing question (column "question")');
  });

  it("fails the whole import with 'abort' on the first bad record, naming file and line", async () => {
    const lines = [
      JSON.stringify({ question: 'q1' }),
      JSON.stringify({ question: 'q2' }),
      '{oops}',
      JSON.stringify({ question: 'q4' }),
    ];
    const text = `${lines.join('\n')}\n`;
    const job = await importFile(core, { path: writeFile(tmp.dir, 'bad.jsonl', text), onBadRecord: 'abort' });
    expect(job.status).toBe('failed');
    expect(job.error).toMatchObject({
      code: 'PARSE_ERROR',
      message: expect.stringMatching(/^bad\.jsonl: line 3: invalid JSON/),
    });
    expect(job.issues).toHaveLength(1);
    expect(unwrap(await core.invoke('datasets.list', {}))).toEqual([]);
    expect(countRows(dbPath, 'prompts')).toBe(0);
  });

  it("fails rather than creating an empty dataset when 'skip' leaves no record", async () => {
    const job = await importFile(core, {
      path: writeFile(tmp.dir, 'all-bad.jsonl', '{"question": "  "}\n{nope}\n'),
      onBadRecord: 'skip',
    });
    expect(job.status).toBe('failed');
    expect(job.error).toMatchObject({
      code: 'PARSE_ERROR',
      message: 'all-bad.jsonl: none of its 2 records could be imported (see the issues).',
    });
    expect(job.issueCount).toBe(2);
    expect(unwrap(await core.invoke('datasets.list', {}))).toEqual([]);
  });
});
