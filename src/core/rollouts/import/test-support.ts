// Helpers for rollout import tests: a core over a temp workspace, typed calls checked against the
// contract's output schemas, and the state a crash leaves (committed chunks of an import whose
// process died), built with the job's own writer.
import fs from 'node:fs';
import path from 'node:path';
import { contract } from '../../../shared/contract';
import type { Input, Method, Output } from '../../../shared/contract';
import type { Core } from '../../index';
import { openDatabase } from '../../db/open';
import { insertJob } from '../../jobs/store';
import { detectAdapter } from '../adapters/index';
import { prepareRollout } from '../prepare';
import { resolveSources } from '../sources';
import { openImport, parkImportsOfJob } from '../store/imports';
import type { ChunkRow } from '../store/writer';
import { createChunkWriter } from '../store/writer';
import { defaultRunName } from '../sources';

export async function call<M extends Method>(core: Core, method: M, input: Input<M>): Promise<Output<M>> {
  const result = await core.invoke(method, input);
  if (!result.ok) throw new Error(`${method}: ${result.error.code} ${result.error.message}`);
  return contract[method].output.parse(result.value) as Output<M>;
}

export async function importRollouts(core: Core, input: Input<'import.rollouts'>) {
  const { jobId } = await call(core, 'import.rollouts', input);
  return core.waitForJob(jobId);
}

export function writeLines(file: string, lines: unknown[]): string {
  fs.writeFileSync(file, lines.map((l) => (typeof l === 'string' ? l : JSON.stringify(l))).join('\n') + '\n');
  return file;
}

/**
 * Leaves the workspace as a kill after some chunks would: the records of lines 1..throughLine of `file`
 * committed by an import whose job died (parked). The import's options are the defaults the handler uses.
 */
export async function commitPartialImport(dbPath: string, file: string, throughLine: number): Promise<void> {
  const target = path.resolve(file);
  const { files } = resolveSources(target);
  const adapter = await detectAdapter(target);
  const db = openDatabase(dbPath);
  try {
    const jobId = insertJob(db, 'import.rollouts', 'crashed import', {});
    const { record } = openImport(db, jobId, {
      sourcePath: target,
      format: adapter.name,
      sources: files,
      options: { runName: null, groupSize: null, onBadRecord: 'abort' },
      restart: false,
    });
    const write = createChunkWriter(db, {
      importId: record.id,
      jobId,
      runName: null,
      defaultRunName: defaultRunName(target),
      sourcePath: target,
      sourceFormat: adapter.name,
    });
    const rows: ChunkRow[] = [];
    let offset = 0;
    for await (const item of adapter.read(target, {})) {
      if (item.kind !== 'record' || item.record.line > throughLine) continue;
      const prepared = prepareRollout(item.record, path.basename(target));
      if (!prepared.ok) throw new Error('test data must be valid');
      rows.push({ rollout: prepared.rollout, fileIndex: 0, fileStep: null });
      if (item.record.endOffset !== null) offset = item.record.endOffset;
    }
    write(rows, { fileIndex: 0, line: throughLine, offset }, 0);
    parkImportsOfJob(db, jobId);
  } finally {
    db.close();
  }
}
