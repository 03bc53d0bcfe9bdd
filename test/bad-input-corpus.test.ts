// The bad-input corpus (issue 14 §4), table-driven: each file goes through the real core, once with
// onBadRecord 'abort' and once with 'skip'. Abort must end with the expected code, line and field (or, for files
// that only warrant a warning, import anyway); skip must import the good records and report each bad one (and
// each warning) with its line and field. Every file is written here, small.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { parquetWriteBuffer } from 'hyparquet-writer';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Job } from '../src/shared/domain';
import type { RpcError } from '../src/shared/errors';
import { createCore } from '../src/core/index';
import type { Core } from '../src/core/index';
import { tempDir } from './temp-workspace';

type Where = { code: string; line: number | null; field: string | null };

interface Case {
  name: string;
  importer: 'prompts' | 'rollouts';
  file: string;
  content: string | Buffer;
  /** How abort ends; null: the file imports (its problems are warnings). */
  abort: Where | null;
  /** With skip: rows imported and the issues reported ([line, field]); null when the file cannot be read at all. */
  skip: { rows: number; issues: [number | null, string | null][] } | null;
}

const q = (question: string, extra: Record<string, unknown> = {}) =>
  JSON.stringify({ question, answer: '1', ...extra });
const r = (question: string, extra: Record<string, unknown> = {}) =>
  JSON.stringify({ question, response: 'The answer is 1.', reward: 1, ...extra });
const deep = (n: number) => `${'['.repeat(n)}${']'.repeat(n)}`;
const lines = (...items: (string | Buffer)[]) =>
  Buffer.concat(items.map((item) => Buffer.concat([Buffer.from(item), Buffer.from('\n')])));

function trlParquet(truncated: boolean): Buffer {
  const bytes = Buffer.from(
    parquetWriteBuffer({
      columnData: [
        { name: 'prompt', data: ['What is 1+1?', 'What is 2+2?'], type: 'STRING' },
        { name: 'completion', data: ['2', '4'], type: 'STRING' },
        { name: 'accuracy_reward', data: [1, 1], type: 'DOUBLE' },
      ],
    }),
  );
  return truncated ? bytes.subarray(0, Math.floor(bytes.length * 0.6)) : bytes;
}

const CASES: Case[] = [
  {
    name: '10,000-deep nesting in an extra field (prompts)',
    importer: 'prompts',
    file: 'deep.jsonl',
    content: lines(q('q1'), `{"question": "q2", "meta": {"tree": ${deep(10_000)}}}`, q('q3')),
    abort: { code: 'PARSE_ERROR', line: 2, field: 'meta' },
    skip: { rows: 2, issues: [[2, 'meta']] },
  },
  {
    name: '10,000-deep nesting in extra (rollouts)',
    importer: 'rollouts',
    file: 'deep-rollouts.jsonl',
    content: lines(r('q1'), `{"question": "q2", "response": "r", "extra": {"x": ${deep(10_000)}}}`, r('q3')),
    abort: { code: 'PARSE_ERROR', line: 2, field: 'extra' },
    skip: { rows: 2, issues: [[2, 'extra']] },
  },
  {
    name: 'a huge integer in level: stored empty, with a warning',
    importer: 'prompts',
    file: 'level.jsonl',
    content: lines(q('q1', { level: 3 }), '{"question": "q2", "answer": "1", "level": 99999999999999999999999}'),
    abort: null,
    skip: { rows: 2, issues: [[2, 'level']] },
  },
  {
    name: 'a huge integer in step (rollouts)',
    importer: 'rollouts',
    file: 'step.jsonl',
    content: lines(r('q1'), '{"question": "q2", "response": "r", "step": 99999999999999999999999}'),
    abort: { code: 'PARSE_ERROR', line: 2, field: 'step' },
    skip: { rows: 1, issues: [[2, 'step']] },
  },
  {
    name: 'a truncated rollout Parquet file',
    importer: 'rollouts',
    file: 'completions_00001.parquet',
    content: trlParquet(true),
    abort: { code: 'PARSE_ERROR', line: null, field: null },
    skip: null,
  },
  {
    name: 'a truncated prompt Parquet file',
    importer: 'prompts',
    file: 'cut.parquet',
    content: trlParquet(true),
    abort: { code: 'PARSE_ERROR', line: null, field: null },
    skip: null,
  },
  {
    name: 'pretty-printed objects in a .jsonl (prompts)',
    importer: 'prompts',
    file: 'pretty.jsonl',
    content: [
      { question: 'q1', answer: '1' },
      { question: 'q2', answer: '2' },
    ]
      .map((v) => JSON.stringify(v, null, 2))
      .join('\n'),
    abort: null,
    skip: { rows: 2, issues: [] },
  },
  {
    name: 'pretty-printed objects in a .jsonl, one broken (prompts)',
    importer: 'prompts',
    file: 'pretty-broken.jsonl',
    content: '{\n  "question": "q1"\n}\n{\n  "question": "q2",\n  "answer": tru\n}\n{\n  "question": "q3"\n}\n',
    abort: { code: 'PARSE_ERROR', line: 6, field: 'answer' },
    skip: { rows: 2, issues: [[6, 'answer']] },
  },
  {
    name: 'pretty-printed rollouts in a .jsonl',
    importer: 'rollouts',
    file: 'pretty-rollouts.jsonl',
    content: [r('q1'), r('q2')].map((line) => JSON.stringify(JSON.parse(line), null, 2)).join('\n'),
    abort: null,
    skip: { rows: 2, issues: [] },
  },
  {
    name: 'invalid UTF-8 in one CSV row',
    importer: 'prompts',
    file: 'latin1.csv',
    content: Buffer.concat([
      Buffer.from('question,answer\nWhat is 1+1?,2\ncaf'),
      Buffer.from([0xe9]),
      Buffer.from(' au lait?,3\nWhat is 2+2?,4\n'),
    ]),
    abort: { code: 'ENCODING_ERROR', line: 3, field: null },
    skip: { rows: 2, issues: [[3, null]] },
  },
  {
    name: 'invalid UTF-8 in the CSV header',
    importer: 'prompts',
    file: 'latin1-header.csv',
    content: Buffer.concat([Buffer.from('questi'), Buffer.from([0xf3]), Buffer.from('n,answer\nq1,1\n')]),
    abort: { code: 'ENCODING_ERROR', line: 1, field: null },
    skip: null,
  },
  {
    name: 'invalid UTF-8 in a rollout line',
    importer: 'rollouts',
    file: 'latin1-rollouts.jsonl',
    content: lines(
      r('q1'),
      Buffer.concat([Buffer.from('{"question": "caf'), Buffer.from([0xe9]), Buffer.from('", "response": "r"}')]),
      r('q3'),
    ),
    abort: { code: 'ENCODING_ERROR', line: 2, field: null },
    skip: { rows: 2, issues: [[2, null]] },
  },
  {
    name: 'pass_rate 1.5 and -0.25',
    importer: 'prompts',
    file: 'pass-rate.jsonl',
    content: lines(q('q1', { pass_rate: 0.5 }), q('q2', { pass_rate: 1.5 }), q('q3', { pass_rate: -0.25 })),
    abort: { code: 'PARSE_ERROR', line: 2, field: 'pass_rate' },
    skip: {
      rows: 1,
      issues: [
        [2, 'pass_rate'],
        [3, 'pass_rate'],
      ],
    },
  },
  {
    name: 'one raw BEL in an otherwise fine file',
    importer: 'prompts',
    file: 'bel.jsonl',
    content: lines(q('q1'), '{"question": "ring \u0007 once", "answer": "1"}', q('q3')),
    abort: { code: 'PARSE_ERROR', line: 2, field: 'question' },
    skip: { rows: 2, issues: [[2, 'question']] },
  },
  {
    name: 'one raw NUL in an otherwise fine file (not "binary")',
    importer: 'prompts',
    file: 'nul.jsonl',
    content: lines(q('q1'), '{"question": "a \u0000 b", "answer": "1"}', q('q3')),
    abort: { code: 'PARSE_ERROR', line: 2, field: 'question' },
    skip: { rows: 2, issues: [[2, 'question']] },
  },
  {
    name: 'one raw NUL in a CSV value',
    importer: 'prompts',
    file: 'nul.csv',
    content: 'question,answer\nq1,1\na \u0000 b,2\nq3,3\n',
    abort: { code: 'PARSE_ERROR', line: 3, field: 'question' },
    skip: { rows: 2, issues: [[3, 'question']] },
  },
  {
    name: 'one raw BEL in a rollout response',
    importer: 'rollouts',
    file: 'bel-rollouts.jsonl',
    content: lines(r('q1'), '{"question": "q2", "response": "ring \u0007 once"}', r('q3')),
    abort: { code: 'PARSE_ERROR', line: 2, field: 'response' },
    skip: { rows: 2, issues: [[2, 'response']] },
  },
  {
    name: 'a lone surrogate in a question: one U+FFFD, reported',
    importer: 'prompts',
    file: 'surrogate.jsonl',
    content: lines(q('q1'), '{"question": "a\\ud800b", "answer": "1"}'),
    abort: null,
    skip: { rows: 2, issues: [[2, 'question']] },
  },
  {
    name: 'a lone surrogate in a rollout response: one U+FFFD, reported',
    importer: 'rollouts',
    file: 'surrogate-rollouts.jsonl',
    content: lines(r('q1'), '{"question": "q2", "response": "a\\udc00b"}'),
    abort: null,
    skip: { rows: 2, issues: [[2, 'response']] },
  },
];

describe('bad-input corpus', () => {
  let tmp: ReturnType<typeof tempDir>;
  let dbPath: string;
  let core: Core;
  beforeEach(() => {
    tmp = tempDir();
    dbPath = path.join(tmp.dir, 'ws.db');
    core = createCore({ dbPath });
  });
  afterEach(async () => {
    await core.close();
    tmp.cleanup();
  });

  /** Starts the import; the error of the call or of the job, and the finished job. */
  async function runImport(
    c: Case,
    file: string,
    policy: 'abort' | 'skip',
  ): Promise<{ error: RpcError | null; job: Job | null }> {
    const started =
      c.importer === 'prompts'
        ? await core.invoke('import.prompts', { path: file, onBadRecord: policy, again: true })
        : await core.invoke('import.rollouts', {
            path: file,
            onBadRecord: policy,
            again: true,
            ...(file.endsWith('.jsonl') ? { format: 'native' } : {}),
          });
    if (!started.ok) return { error: started.error, job: null };
    const job = await core.waitForJob(started.value.jobId);
    return { error: (job.error as RpcError | null) ?? null, job };
  }

  const whereOf = (error: RpcError | null): Where | null => {
    if (!error) return null;
    const details = (error.details ?? {}) as { line?: number | null; field?: string | null };
    return { code: error.code, line: details.line ?? null, field: details.field ?? null };
  };

  for (const c of CASES) {
    it(c.name, async () => {
      const file = path.join(tmp.dir, c.file);
      fs.writeFileSync(file, c.content);

      const aborted = await runImport(c, file, 'abort');
      expect(whereOf(aborted.error)).toEqual(c.abort);
      if (aborted.error) expect(aborted.error.message).not.toMatch(/INTERNAL|RangeError|at .*\.(ts|js|mjs):\d+/);
      if (c.abort) expect(aborted.job?.result ?? null).toBeNull();

      if (!c.skip) return;
      const skipped = await runImport(c, file, 'skip');
      expect(skipped.error).toBeNull();
      const result = (skipped.job?.result ?? {}) as { prompts?: number; rollouts?: number };
      expect(c.importer === 'prompts' ? result.prompts : result.rollouts).toBe(c.skip.rows);
      expect(skipped.job?.issues.map((i) => [i.line, i.field])).toEqual(c.skip.issues);
    });
  }

  it('stores a lone surrogate as one U+FFFD, in prompts and rollouts alike', async () => {
    const prompts = path.join(tmp.dir, 's.jsonl');
    fs.writeFileSync(prompts, '{"question": "a\\ud800b", "answer": "1"}\n');
    const rollouts = path.join(tmp.dir, 'sr.jsonl');
    fs.writeFileSync(rollouts, '{"question": "q", "response": "x\\udc00y"}\n');
    for (const [file, importer] of [
      [prompts, 'prompts'],
      [rollouts, 'rollouts'],
    ] as const)
      expect((await runImport({ importer } as Case, file, 'abort')).error).toBeNull();
    const db = new Database(dbPath, { readonly: true });
    try {
      const hex = (sql: string) => (db.prepare(sql).get() as { h: string }).h;
      expect(hex(`SELECT hex(question) AS h FROM prompts`)).toBe(Buffer.from('a\uFFFDb').toString('hex').toUpperCase());
      expect(hex(`SELECT hex(response) AS h FROM rollouts`)).toBe(
        Buffer.from('x\uFFFDy').toString('hex').toUpperCase(),
      );
    } finally {
      db.close();
    }
  });

  it('refuses to import the same file twice unless asked again', async () => {
    const file = path.join(tmp.dir, 'twice.jsonl');
    fs.writeFileSync(file, lines(q('q1'), q('q2')));
    expect((await runImport({ importer: 'prompts' } as Case, file, 'abort')).error).toBeNull();
    expect(await core.invoke('import.prompts', { path: file })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', details: { reason: 'already-imported', datasetName: 'twice' } },
    });
    const rollouts = path.join(tmp.dir, 'twice-rollouts.jsonl');
    fs.writeFileSync(rollouts, lines(r('q1')));
    expect((await runImport({ importer: 'rollouts' } as Case, rollouts, 'abort')).error).toBeNull();
    expect(await core.invoke('import.rollouts', { path: rollouts })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', details: { reason: 'already-imported' } },
    });
  });
});
