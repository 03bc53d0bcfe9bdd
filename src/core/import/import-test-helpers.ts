// Helpers for the import tests (not used by the app): write small self-made input files into a temp
// dir, run an import through a real core, and look at the workspace file directly.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { Input } from '../../shared/contract';
import type { Job } from '../../shared/domain';
import type { Core } from '../index';

export function writeFile(dir: string, name: string, content: string | Buffer): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, content);
  return file;
}

export function jsonl(rows: readonly unknown[], eol = '\n'): string {
  return rows.map((r) => JSON.stringify(r)).join(eol) + eol;
}

/** Unwraps a Result, failing the test with the error's code and message. */
export function unwrap<T>(result: { ok: true; value: T } | { ok: false; error: { code: string; message: string } }): T {
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value;
}

/** Starts an import (the preview's mapping unless one is given) and waits for the job to finish. */
export async function importFile(core: Core, input: Input<'import.prompts'>): Promise<Job> {
  const { jobId } = unwrap(await core.invoke('import.prompts', input));
  return core.waitForJob(jobId);
}

/** Counts rows straight from the database file, including rows of datasets that are not visible. */
export function countRows(dbPath: string, table: 'prompts' | 'datasets'): number {
  const db = new Database(dbPath, { readonly: true });
  try {
    return (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
  } finally {
    db.close();
  }
}

/** n simple prompts: "Problem i: ..." with answer i, in the common question/answer shape. */
export function simplePrompts(n: number, start = 0): { id: string; question: string; answer: string }[] {
  return Array.from({ length: n }, (_, k) => {
    const i = start + k;
    return {
      id: `p${i}`,
      question: `Problem ${i}: compute ${i} + 0 and explain why the result is exactly ${i}.`,
      answer: `${i}`,
    };
  });
}
