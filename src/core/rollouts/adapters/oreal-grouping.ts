// How OREAL records form groups. Files hold either filtered pairs (one correct then one incorrect
// trajectory per kept prompt, token-RM configs) or whole groups of K consecutive trajectories
// (prompt_repeat_k copies, unfiltered config). Nothing in a record says which, so unless the caller gives
// K, a pre-scan reads the rewards: every consecutive pair (+1, −1) means pairs. The pre-scan stops at the
// first pair that breaks the pattern, so only pair files (the small filtered ones) are read twice.
import { CuratorError } from '../../../shared/errors';
import { isItem, readJsonEntries } from './common/items';
import { DEFAULT_RLOO_K } from './oreal-pass-rate';
import { isObject, toNumber } from './common/values';

export type OrealGrouping = { mode: 'pairs' } | { mode: 'blocks'; size: number };

export function groupingSize(grouping: OrealGrouping): number {
  return grouping.mode === 'pairs' ? 2 : grouping.size;
}

/** A record the OREAL reader keeps (and the pre-scan therefore counts). */
export function isTrajectory(value: unknown): value is Record<string, unknown> & { sequence: string } {
  return isObject(value) && typeof value.sequence === 'string';
}

export async function chooseGrouping(
  path: string,
  groupSize: number | undefined,
  signal?: AbortSignal,
): Promise<OrealGrouping> {
  if (groupSize !== undefined) {
    if (!Number.isInteger(groupSize) || groupSize < 1) {
      throw new CuratorError('INVALID_INPUT', `groupSize must be a positive integer (got ${groupSize}).`);
    }
    return groupSize === 2 ? { mode: 'pairs' } : { mode: 'blocks', size: groupSize };
  }
  return (await allConsecutivePairsAreCorrectIncorrect(path, signal))
    ? { mode: 'pairs' }
    : { mode: 'blocks', size: DEFAULT_RLOO_K };
}

async function allConsecutivePairsAreCorrectIncorrect(path: string, signal?: AbortSignal): Promise<boolean> {
  let index = 0;
  for await (const entry of readJsonEntries(path, signal)) {
    if (isItem(entry)) continue; // the reader reports it
    const value = entry.value;
    if (!isTrajectory(value)) continue;
    const reward = toNumber(value.judger_reward);
    const expectPositive = index % 2 === 0;
    if (reward === null || (expectPositive ? reward <= 0 : reward >= 0)) return false;
    index++;
  }
  return index > 0 && index % 2 === 0;
}
