// `rl-curator import prompts` exit codes and output: bad records skipped make it 3, warnings alone do not, abort
// fails with the line and field, and the same file a second time is refused unless --again.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { tempDir } from '../../../test/temp-workspace';
import { EXIT } from '../exit-codes';
import { importPromptsCommand } from './import-prompts';

const runtime = { version: 'test', staticDir: '' };

async function run(args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const stdout = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    out += String(chunk);
    return true;
  });
  const stderr = vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
    err += String(chunk);
    return true;
  });
  try {
    return { code: await importPromptsCommand.run(args, runtime), out, err };
  } finally {
    stdout.mockRestore();
    stderr.mockRestore();
  }
}

describe('rl-curator import prompts', () => {
  let tmp: ReturnType<typeof tempDir>;
  let db: string;
  beforeEach(() => {
    tmp = tempDir();
    db = path.join(tmp.dir, 'ws.db');
  });
  afterEach(() => tmp.cleanup());
  const write = (name: string, rows: string[]) => {
    const file = path.join(tmp.dir, name);
    fs.writeFileSync(file, `${rows.join('\n')}\n`);
    return file;
  };

  it('exits 3 only for skipped bad records; a warning alone exits 0', async () => {
    const bad = write('bad.jsonl', ['{"question": "q1", "pass_rate": 0.5}', '{"question": "q2", "pass_rate": 1.5}']);
    const aborted = await run([bad, '--db', db]);
    expect(aborted.code).toBe(EXIT.FAILED);
    expect(aborted.err).toContain('error PARSE_ERROR: bad.jsonl: line 2 (pass_rate): pass rate 1.5 is not a number');
    const skipped = await run([bad, '--db', db, '--on-bad', 'skip']);
    expect(skipped.code).toBe(EXIT.PARTIAL);
    expect(skipped.out).toContain('skipped 1 bad record.');
    const warned = await run([write('warn.jsonl', ['{"question": "a\\ud800b"}']), '--db', db]);
    expect(warned.code).toBe(EXIT.OK);
    expect(warned.out).toContain('Imported 1 prompts into dataset "warn", 1 warning.');
    expect(warned.err).toContain('warn.jsonl, line 1, field "question": warning: a lone surrogate');
  });

  it('refuses a file imported before unless --again', async () => {
    const file = write('twice.jsonl', ['{"question": "q1"}']);
    expect((await run([file, '--db', db])).code).toBe(EXIT.OK);
    const refused = await run([file, '--db', db]);
    expect(refused.code).toBe(EXIT.FAILED);
    expect(refused.err).toContain('error CONFLICT: twice.jsonl was already imported as dataset "twice"');
    const again = await run([file, '--db', db, '--again']);
    expect(again.code).toBe(EXIT.OK);
    expect(again.out).toContain('dataset "twice (2)"');
  });
});
