// Bad input through the real core: every refusal has its code and a message a user can act on.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempDir } from '../../../test/temp-workspace';
import { createCore } from '../index';
import type { Core } from '../index';
import { importFile, jsonl, unwrap, writeFile } from './import-test-helpers';

describe('prompt import: bad input', () => {
  let tmp: ReturnType<typeof tempDir>;
  let core: Core;
  beforeEach(() => {
    tmp = tempDir();
    core = createCore({ dbPath: path.join(tmp.dir, 'ws.db') });
  });
  afterEach(async () => {
    await core.close();
    tmp.cleanup();
  });

  const previewError = async (file: string) => {
    const result = await core.invoke('import.preview', { path: file });
    if (result.ok) throw new Error('expected the preview to fail');
    return result.error;
  };

  it('names empty, unknown-format and missing files with their codes', async () => {
    expect(await previewError(writeFile(tmp.dir, 'empty.jsonl', ''))).toMatchObject({
      code: 'EMPTY_FILE',
      message: 'empty.jsonl is empty (0 bytes).',
    });
    expect(await previewError(writeFile(tmp.dir, 'header-only.csv', 'question,answer\n'))).toMatchObject({
      code: 'EMPTY_FILE',
      message: 'header-only.csv contains no records.',
    });
    expect(await previewError(writeFile(tmp.dir, 'empty-array.json', '[]'))).toMatchObject({ code: 'EMPTY_FILE' });
    expect(await previewError(writeFile(tmp.dir, 'notes.txt', 'some prose\n'))).toMatchObject({
      code: 'FORMAT_UNKNOWN',
    });
    expect(await previewError(path.join(tmp.dir, 'missing.jsonl'))).toMatchObject({ code: 'FILE_NOT_FOUND' });
    const started = await core.invoke('import.prompts', { path: path.join(tmp.dir, 'missing.jsonl') });
    expect(started).toMatchObject({ ok: false, error: { code: 'FILE_NOT_FOUND' } });
  });

  it('refuses to start without a question column, naming the columns that exist', async () => {
    const file = writeFile(tmp.dir, 'no-question.jsonl', jsonl([{ text: 'a', answer: '1' }]));
    const preview = unwrap(await core.invoke('import.preview', { path: file }));
    expect(preview.mapping.question).toBeNull();
    expect(preview.warnings.join('\n')).toMatch(/No question column found \(columns: text, answer\)/);
    expect(await core.invoke('import.prompts', { path: file })).toMatchObject({
      ok: false,
      error: { code: 'MISSING_FIELD', message: expect.stringMatching(/columns: text, answer/) },
    });
    const chosen = { ...preview.mapping, question: 'prompt' };
    expect(await core.invoke('import.prompts', { path: file, mapping: chosen })).toMatchObject({
      ok: false,
      error: { code: 'MISSING_FIELD', message: expect.stringMatching(/no column "prompt".*columns: text, answer/) },
    });
    // With the user's choice of column it imports.
    const job = await importFile(core, { path: file, mapping: { ...preview.mapping, question: 'text' } });
    expect(job.result).toMatchObject({ prompts: 1 });
  });

  it('reports invalid UTF-8 with its line: ENCODING_ERROR on abort, an issue on skip', async () => {
    const bytes = Buffer.concat([
      Buffer.from(`${JSON.stringify({ question: 'fine' })}\n{"question": "caf`),
      Buffer.from([0xe9]),
      Buffer.from(`"}\n${JSON.stringify({ question: 'also fine' })}\n`),
    ]);
    const file = writeFile(tmp.dir, 'latin1.jsonl', bytes);
    const preview = unwrap(await core.invoke('import.preview', { path: file }));
    expect(preview.issues).toMatchObject([{ line: 2, message: expect.stringMatching(/not valid UTF-8/) }]);
    const aborted = await importFile(core, { path: file, onBadRecord: 'abort' });
    expect(aborted.error).toMatchObject({
      code: 'ENCODING_ERROR',
      message: expect.stringMatching(/^latin1\.jsonl: line 2: line is not valid UTF-8/),
    });
    const skipped = await importFile(core, { path: file, onBadRecord: 'skip' });
    expect(skipped.result).toMatchObject({ prompts: 2, badRecords: 1 });
    expect(skipped.issues.map((i) => i.line)).toEqual([2]);
  });

  it('strips a UTF-8 BOM and accepts CRLF line ends in every text format', async () => {
    const rows = [
      { question: 'First?', answer: '1' },
      { question: 'Second?', answer: '2' },
    ];
    const files = [
      writeFile(tmp.dir, 'crlf.jsonl', `\uFEFF${jsonl(rows, '\r\n')}`),
      writeFile(tmp.dir, 'crlf.json', `\uFEFF${JSON.stringify(rows, null, 2).replaceAll('\n', '\r\n')}`),
      writeFile(tmp.dir, 'crlf.csv', '\uFEFFquestion,answer\r\nFirst?,1\r\nSecond?,2\r\n'),
    ];
    for (const file of files) {
      const preview = unwrap(await core.invoke('import.preview', { path: file }));
      expect(preview.columns).toEqual(['question', 'answer']);
      const job = await importFile(core, { path: file });
      expect(job.result).toMatchObject({ prompts: 2, badRecords: 0 });
    }
    const page = unwrap(await core.invoke('prompts.page', { limit: 10 }));
    expect(page.rows.map((r) => [r.question, r.goldAnswer])).toEqual(
      [0, 1, 2].flatMap(() => rows.map((r) => [r.question, r.answer])),
    );
  });

  it("accepts Python's NaN and Infinity with a warning and stores null", async () => {
    const file = writeFile(
      tmp.dir,
      'nan.jsonl',
      '{"question": "q1", "pass_rate": NaN, "answer": "1"}\n{"question": "q2", "pass_rate": 0.5, "score": -Infinity}\n',
    );
    const preview = unwrap(await core.invoke('import.preview', { path: file }));
    expect(preview.warnings.join('\n')).toMatch(/NaN or Infinity/);
    const job = await importFile(core, { path: file });
    expect(job.result).toMatchObject({
      prompts: 2,
      warnings: [expect.stringMatching(/NaN or Infinity.*\(2 records\)/)],
    });
    const rows = unwrap(await core.invoke('prompts.page', {})).rows;
    expect(rows.map((r) => r.passRate)).toEqual([null, 0.5]);
    expect(unwrap(await core.invoke('prompts.get', { id: rows[1]?.id ?? 0 })).extra).toEqual({ score: null });
  });

  it('refuses a record whose pass rate is out of range: abort stops, skip leaves it out', async () => {
    const file = writeFile(
      tmp.dir,
      'pr.jsonl',
      jsonl([
        { question: 'q1', pass_rate: 0.25 },
        { question: 'q2', pass_rate: 1.5 },
        { question: 'q3', pass_rate: -0.25 },
      ]),
    );
    expect(unwrap(await core.invoke('import.preview', { path: file })).issues).toMatchObject([
      { line: 2, field: 'pass_rate' },
      { line: 3, field: 'pass_rate' },
    ]);
    const aborted = await importFile(core, { path: file, onBadRecord: 'abort' });
    expect(aborted.status).toBe('failed');
    expect(aborted.error).toMatchObject({
      code: 'PARSE_ERROR',
      message: expect.stringMatching(
        /^pr\.jsonl: line 2 \(pass_rate\): pass rate 1\.5 is not a number between 0 and 1/,
      ),
      details: { line: 2, field: 'pass_rate' },
    });
    expect(unwrap(await core.invoke('prompts.page', {})).rows).toEqual([]);
    const skipped = await importFile(core, { path: file, onBadRecord: 'skip' });
    expect(skipped.result).toMatchObject({ prompts: 1, badRecords: 2 });
    expect(skipped.issues.map((i) => [i.line, i.field])).toEqual([
      [2, 'pass_rate'],
      [3, 'pass_rate'],
    ]);
    const rows = unwrap(await core.invoke('prompts.page', {})).rows;
    expect(rows.map((r) => [r.question, r.passRate])).toEqual([['q1', 0.25]]);
  });

  it('imports a 50 MB line (generated here, not committed)', async () => {
    const big = 'x'.repeat(50 * 1024 * 1024);
    const file = path.join(tmp.dir, 'big.jsonl');
    const lines = [
      JSON.stringify({ question: 'small one' }),
      JSON.stringify({ question: 'Which trace is long?', solution: big, answer: '42' }),
    ];
    fs.writeFileSync(file, `${lines.join('\n')}\n`);
    expect(fs.statSync(file).size).toBeGreaterThan(50 * 1024 * 1024);
    const preview = unwrap(await core.invoke('import.preview', { path: file }));
    expect(String(preview.sampleRows[1]?.solution).length).toBeLessThan(3000);
    const job = await importFile(core, { path: file });
    expect(job.result).toMatchObject({ prompts: 2, badRecords: 0 });
    const row = unwrap(await core.invoke('prompts.page', { filter: { search: 'trace is long' } })).rows[0];
    const detail = unwrap(await core.invoke('prompts.get', { id: row?.id ?? 0 }));
    expect(detail.goldAnswer).toBe('42');
    expect((detail.extra.solution as string).length).toBe(big.length);
  });
});
