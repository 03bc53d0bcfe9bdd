// The native rollout format (docs/rollout-format.md): JSONL, one rollout per line with its token table
// and per-token signals. The import job reads it faster through parse workers (../native/parallel.ts);
// this adapter is the plain sequential reader behind the common RolloutAdapter interface.
import path from 'node:path';
import { readLineBlocks } from '../native/blocks';
import { NATIVE_FORMAT_TAG, NATIVE_MARKERS } from '../native/fields';
import { forEachLine, parseNativeLineAt } from '../native/parse-block';
import type { AdapterOptions, RolloutAdapter, RolloutItem } from '../record';

export const NATIVE_FORMAT = 'native';

export function detectNative(fileName: string, firstValues: readonly unknown[]): number {
  const first = firstValues[0];
  if (typeof first !== 'object' || first === null || Array.isArray(first)) return 0;
  const v = first as Record<string, unknown>;
  if (v.format === NATIVE_FORMAT_TAG) return 1;
  if (typeof v.response !== 'string') return 0;
  if ('signals' in v || 'tokens' in v || 'token_offsets' in v) return 0.9;
  const hasPrompt = typeof v.question === 'string' || 'prompt_id' in v;
  if (hasPrompt && NATIVE_MARKERS.some((k) => k in v)) return 0.7;
  return hasPrompt && /\.jsonl$/i.test(path.basename(fileName)) ? 0.4 : 0;
}

async function* readNative(file: string, options: AdapterOptions): AsyncGenerator<RolloutItem> {
  const label = path.basename(file);
  for await (const block of readLineBlocks(file, { offset: 0, line: 0 })) {
    if (options.signal?.aborted) return;
    const items: RolloutItem[] = [];
    forEachLine(
      block.bytes,
      block.start,
      block.firstLine,
      label,
      (ref) => {
        const parsed = parseNativeLineAt(ref, label);
        if (!parsed.ok) {
          for (const issue of parsed.issues) items.push({ kind: 'issue', issue });
          return;
        }
        if (parsed.record.step === null && options.step !== undefined) parsed.record.step = options.step;
        items.push({ kind: 'record', record: parsed.record });
      },
      (issue) => items.push({ kind: 'issue', issue }),
    );
    yield* items;
  }
}

export const nativeAdapter: RolloutAdapter = {
  name: NATIVE_FORMAT,
  description:
    'RL Curator native rollout JSONL: one rollout per line with token table and per-token ' +
    'signals (docs/rollout-format.md)',
  detect: detectNative,
  read: readNative,
};
