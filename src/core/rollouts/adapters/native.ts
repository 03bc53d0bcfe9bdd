// The native rollout format (docs/rollout-format.md): JSONL, one rollout per line with its token table
// and per-token signals. The import job reads it faster through parse workers (../native/parallel.ts);
// this adapter is the plain sequential reader behind the common RolloutAdapter interface, and the one for
// native rollouts written pretty-printed.
import path from 'node:path';
import { jsonLinesLayout } from '../../io/json-records';
import { forEachLine, readLineBlocks } from '../../io/lines';
import { NATIVE_FORMAT_TAG, NATIVE_MARKERS } from '../native/fields';
import { lineIssue, parseNativeLine, parseNativeLineAt } from '../native/parse-block';
import { jsonRecords } from './common/items';
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
  const toItems = (parsed: ReturnType<typeof parseNativeLineAt>, items: RolloutItem[]): void => {
    if (!parsed.ok) {
      for (const issue of parsed.issues) items.push({ kind: 'issue', issue });
      return;
    }
    for (const issue of parsed.warnings ?? []) items.push({ kind: 'issue', issue });
    if (parsed.record.step === null && options.step !== undefined) parsed.record.step = options.step;
    items.push({ kind: 'record', record: parsed.record });
  };
  if ((await jsonLinesLayout(file)) === 'values') {
    // Pretty-printed rollouts, one after another: each value through the normal path.
    for await (const record of jsonRecords(file, options.signal)) {
      const items: RolloutItem[] = [];
      if (record.text === null)
        items.push({ kind: 'issue', issue: lineIssue(label, record.line, record.error ?? UNREADABLE) });
      else toItems(parseNativeLine(record.text, record.line, record.endOffset, label), items);
      yield* items;
    }
    return;
  }
  for await (const block of readLineBlocks(file, undefined, options.signal ? { signal: options.signal } : {})) {
    const items: RolloutItem[] = [];
    forEachLine(block, {
      line: (ref) => toItems(parseNativeLineAt(ref, label), items),
      bad: (line, _endOffset, error) => items.push({ kind: 'issue', issue: lineIssue(label, line, error) }),
    });
    yield* items;
  }
}

const UNREADABLE = { code: 'PARSE_ERROR' as const, message: 'unreadable record', excerpt: null };

export const nativeAdapter: RolloutAdapter = {
  name: NATIVE_FORMAT,
  description:
    'RL Curator native rollout JSONL: one rollout per line with token table and per-token ' +
    'signals (docs/rollout-format.md)',
  detect: detectNative,
  read: readNative,
};
