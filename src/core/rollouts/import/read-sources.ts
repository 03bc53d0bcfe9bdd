// Feeds every source file of an import into the chunk sink, from the resume point on. Native files go
// through the parallel block parser; any other format through its adapter, one record at a time, with
// records at or before the committed line skipped (adapters may yield several records per line, so a
// chunk only ends between lines).
import path from 'node:path';
import { CuratorError } from '../../../shared/errors';
import { jsonLinesLayout } from '../../io/json-records';
import { NATIVE_FORMAT } from '../adapters/native';
import { parseNativeFile } from '../native/parallel';
import type { ParallelOptions } from '../native/parallel';
import { prepareRollout } from '../prepare';
import type { RolloutAdapter } from '../record';
import type { SourceFile } from '../sources';
import type { CommitPoint } from '../store/writer';
import type { ChunkSink } from './chunk-sink';

// Same error as jobs/execute's cancelled(); not imported from there because jobs/registry imports this job
// (a cycle that would leave the registry's list half-initialised).
function throwIfCancelled(signal: AbortSignal): void {
  if (signal.aborted) throw new CuratorError('CANCELLED', 'Cancelled by the user; nothing was kept.');
}

export interface ReadPlan {
  files: SourceFile[];
  adapters: RolloutAdapter[];
  resume: CommitPoint;
  groupSize: number | null;
  parse: ParallelOptions;
  signal: AbortSignal;
}

export async function readSources(plan: ReadPlan, sink: ChunkSink): Promise<void> {
  let bytesBefore = plan.files.slice(0, plan.resume.fileIndex).reduce((a, f) => a + f.size, 0);
  for (let i = plan.resume.fileIndex; i < plan.files.length; i++) {
    const file = plan.files[i] as SourceFile;
    const adapter = plan.adapters[i] as RolloutAdapter;
    const from =
      i === plan.resume.fileIndex ? { line: plan.resume.line, offset: plan.resume.offset } : { line: 0, offset: 0 };
    // Native lines go to the parse workers; pretty-printed native files take the adapter's plain path.
    if (adapter.name === NATIVE_FORMAT && (await jsonLinesLayout(file.path)) === 'lines')
      await readNative(plan, i, from, bytesBefore, sink);
    else await readWithAdapter(plan, i, adapter, from.line, bytesBefore, sink);
    bytesBefore += file.size;
    sink.commit({ fileIndex: i + 1, line: 0, offset: 0 }, bytesBefore);
  }
}

async function readNative(
  plan: ReadPlan,
  index: number,
  from: { line: number; offset: number },
  bytesBefore: number,
  sink: ChunkSink,
): Promise<void> {
  const file = plan.files[index] as SourceFile;
  for await (const block of parseNativeFile(file.path, path.basename(file.path), from, plan.parse)) {
    throwIfCancelled(plan.signal);
    for (const item of block.items) {
      if (item.kind === 'bad') {
        sink.bad(item.issues);
        continue;
      }
      for (const warning of item.warnings ?? []) sink.issue(warning);
      sink.add(item.rollout, index, file.step);
    }
    if (sink.full)
      sink.commit({ fileIndex: index, line: block.lastLine, offset: block.endOffset }, bytesBefore + block.endOffset);
  }
}

async function readWithAdapter(
  plan: ReadPlan,
  index: number,
  adapter: RolloutAdapter,
  skipThroughLine: number,
  bytesBefore: number,
  sink: ChunkSink,
): Promise<void> {
  const file = plan.files[index] as SourceFile;
  const label = path.basename(file.path);
  const options = {
    signal: plan.signal,
    ...(plan.groupSize !== null ? { groupSize: plan.groupSize } : {}),
    ...(file.step !== null ? { step: file.step } : {}),
  };
  let lastLine = 0;
  let lastOffset = 0;
  for await (const item of adapter.read(file.path, options)) {
    if (item.kind === 'issue') {
      // Issues of lines committed before a resume were reported then.
      if (item.issue.line === null || item.issue.line > skipThroughLine) sink.issue(item.issue);
      continue;
    }
    const record = item.record;
    if (record.line <= skipThroughLine) continue;
    if (record.line !== lastLine) {
      throwIfCancelled(plan.signal);
      if (sink.full && lastLine > 0)
        sink.commit({ fileIndex: index, line: lastLine, offset: lastOffset }, bytesBefore + lastOffset);
      lastLine = record.line;
    }
    if (record.endOffset !== null) lastOffset = record.endOffset;
    if (record.step === null) record.step = file.step;
    const prepared = prepareRollout(record, label);
    if (prepared.ok) sink.add(prepared.rollout, index, file.step);
    else sink.bad(prepared.issues);
  }
}
