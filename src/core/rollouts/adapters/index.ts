// The rollout adapters and format detection. detectAdapter() reads the first values of a file (streamed)
// and picks the adapter that is most confident; `override` (a format name, e.g. from `--format`) skips
// detection.
import path from 'node:path';
import { CuratorError } from '../../../shared/errors';
import type { RolloutAdapter } from '../record';
import { evalDumpAdapter } from './eval-dump';
import { mathApsAdapter } from './math-aps';
import { nativeAdapter } from './native';
import { orealAdapter } from './oreal';
import { prm800kAdapter } from './prm800k';
import { readFirstValues } from './sniff';
import { trlAdapter } from './trl';
import { verlAdapter } from './verl';
import { xtunerAdapter } from './xtuner';

export const ROLLOUT_ADAPTERS: RolloutAdapter[] = [
  nativeAdapter,
  orealAdapter,
  verlAdapter,
  trlAdapter,
  xtunerAdapter,
  evalDumpAdapter,
  prm800kAdapter,
  mathApsAdapter,
];

export interface AdapterScore {
  adapter: RolloutAdapter;
  confidence: number;
}

export function findAdapter(name: string): RolloutAdapter {
  const wanted = name.trim().toLowerCase();
  const adapter = ROLLOUT_ADAPTERS.find((a) => a.name === wanted);
  if (!adapter)
    throw new CuratorError('FORMAT_UNKNOWN', `Unknown rollout format "${name}". ${knownFormats()}`, {
      known: ROLLOUT_ADAPTERS.map((a) => a.name),
    });
  return adapter;
}

/** Every adapter's confidence for the file, best first. */
export async function rankAdapters(filePath: string): Promise<AdapterScore[]> {
  const firstValues = await readFirstValues(filePath);
  const fileName = path.basename(filePath);
  return ROLLOUT_ADAPTERS.map((adapter) => ({ adapter, confidence: adapter.detect(fileName, firstValues) })).sort(
    (a, b) => b.confidence - a.confidence,
  );
}

export async function detectAdapter(filePath: string, override?: string): Promise<RolloutAdapter> {
  if (override !== undefined && override.trim() !== '') return findAdapter(override);
  const ranked = await rankAdapters(filePath);
  const best = ranked[0];
  if (!best || best.confidence <= 0) {
    const seen = await describeFirstValue(filePath);
    throw new CuratorError(
      'FORMAT_UNKNOWN',
      `Could not recognise the rollout format ` +
        `of ${path.basename(filePath)}${seen}. ${knownFormats()} Choose one with the format override.`,
      {
        known: ROLLOUT_ADAPTERS.map((a) => a.name),
      },
    );
  }
  return best.adapter;
}

function knownFormats(): string {
  return `Known formats: ${ROLLOUT_ADAPTERS.map((a) => `${a.name} (${a.description})`).join('; ')}.`;
}

async function describeFirstValue(filePath: string): Promise<string> {
  const [first] = await readFirstValues(filePath, 1);
  if (first === undefined) return ' (no JSON value or parquet row found)';
  if (typeof first === 'object' && first !== null && !Array.isArray(first))
    return ` (first record has keys: ${Object.keys(first).slice(0, 12).join(', ')})`;
  return ` (first value is ${Array.isArray(first) ? 'an array' : typeof first})`;
}
