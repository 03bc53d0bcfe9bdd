// OREAL logs no group id and no pass rate, but its RLOO advantage encodes the group's number of correct
// samples c (rewards ±1, group of K):
//   correct sample   adv = 2(K−c)/(K−1)   →  c = K − adv·(K−1)/2
//   incorrect sample adv = −2c/(K−1)      →  c = −adv·(K−1)/2
// In the filtered configuration only a (correct, incorrect) pair of each group of K is written, and
// K itself follows from the pair: adv⁺ − adv⁻ = 2K/(K−1)  →  K = d/(d−2).

/** prompt_repeat_k in every released OREAL config. */
export const DEFAULT_RLOO_K = 16;

/** Logged advantages are rounded floats; c estimates this close to an integer are that integer. */
const COUNT_TOLERANCE = 0.05;

export interface GroupMember {
  reward: number | null;
  advantage: number | null;
}

export interface GroupSummary {
  /** Correct samples in the original group of K (null when it cannot be recovered). */
  correct: number | null;
  passRate: number | null;
  /** K used for the recovery. */
  k: number | null;
  /** How K was obtained. */
  kSource: 'block' | 'pair' | 'default' | null;
  /** Inconsistencies worth a warning (misaligned groups, odd advantages). */
  problems: string[];
}

export function correctCountFromAdvantage(reward: number, advantage: number, k: number): number | null {
  if (reward > 0) return k - (advantage * (k - 1)) / 2;
  if (reward < 0) return (-advantage * (k - 1)) / 2 + 0; // + 0 turns −0 into 0
  return null;
}

export function groupSizeFromPair(positiveAdvantage: number, negativeAdvantage: number): number | null {
  const d = positiveAdvantage - negativeAdvantage;
  if (!(d > 2 + 1e-9)) return null;
  const k = d / (d - 2);
  const rounded = Math.round(k);
  if (rounded < 2 || Math.abs(k - rounded) > 0.02 * rounded) return null;
  return rounded;
}

/**
 * Recovers c and the pass rate for one group. `blockSize` is K for groups that are whole blocks of K;
 * null for filtered pairs, where K is inferred from the pair (or assumed DEFAULT_RLOO_K).
 */
export function summarizeGroup(members: readonly GroupMember[], blockSize: number | null): GroupSummary {
  const problems: string[] = [];
  const { k, kSource } = chooseK(members, blockSize);
  const estimates: number[] = [];
  for (const m of members) {
    if (m.reward === null || m.advantage === null) continue;
    const c = correctCountFromAdvantage(m.reward, m.advantage, k);
    if (c !== null) estimates.push(c);
  }
  let correct: number | null = null;
  if (estimates.length > 0) {
    const first = estimates[0] as number;
    const snapped = Math.round(first);
    correct = Math.abs(first - snapped) <= COUNT_TOLERANCE ? snapped : first;
    if (estimates.some((c) => Math.abs(c - first) > COUNT_TOLERANCE)) {
      problems.push(
        `the advantages of this group imply different correct counts ` +
          `(${estimates.map((c) => round(c)).join(', ')}); the grouping may be misaligned`,
      );
    }
  }
  if (blockSize !== null && members.every((m) => m.reward !== null && m.reward !== 0)) {
    const observed = members.filter((m) => (m.reward as number) > 0).length;
    if (correct === null) correct = observed;
    else if (members.length === blockSize && Math.abs(correct - observed) > COUNT_TOLERANCE) {
      problems.push(
        `advantages imply ${round(correct)} correct of ${k} but the block holds ${observed}; ` +
          'the grouping may be misaligned',
      );
    }
  }
  if (correct !== null && (correct < -COUNT_TOLERANCE || correct > k + COUNT_TOLERANCE)) {
    problems.push(`recovered correct count ${round(correct)} is outside 0..${k}`);
    correct = null;
  }
  return { correct, passRate: correct === null ? null : correct / k, k, kSource, problems };
}

function chooseK(
  members: readonly GroupMember[],
  blockSize: number | null,
): { k: number; kSource: GroupSummary['kSource'] } {
  if (blockSize !== null) return { k: blockSize, kSource: 'block' };
  const positive = members.find((m) => m.reward !== null && m.reward > 0 && m.advantage !== null);
  const negative = members.find((m) => m.reward !== null && m.reward < 0 && m.advantage !== null);
  const inferred =
    positive && negative ? groupSizeFromPair(positive.advantage as number, negative.advantage as number) : null;
  return inferred === null ? { k: DEFAULT_RLOO_K, kSource: 'default' } : { k: inferred, kSource: 'pair' };
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}
