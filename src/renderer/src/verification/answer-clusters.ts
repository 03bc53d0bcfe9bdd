// What the "Majority answer" panel shows for a PromptAnswerSummary: one row per answer cluster with its
// votes and share, whether it is the majority (or tied for the top), whether it matches the gold
// answer; and a line saying which rollouts the counts cover.
import type { PromptAnswerSummary } from '../../../shared/verification';

export interface ClusterView {
  key: string;
  answer: string;
  votes: number;
  share: number;
  /** "62.5%": share of all the prompt's counted rollouts, answered or not. */
  shareText: string;
  /** The largest cluster, when no other cluster has as many votes. */
  isMajority: boolean;
  /** One of several clusters sharing the top vote count. */
  tiedForTop: boolean;
  /** At least one member matched the gold answer. */
  matchesGold: boolean;
  loggedCorrect: number;
}

export function formatShare(share: number): string {
  const pct = Math.round(share * 1000) / 10;
  return `${Number.isInteger(pct) ? pct.toFixed(0) : pct.toFixed(1)}%`;
}

export function clusterViews(summary: PromptAnswerSummary): ClusterView[] {
  const top = summary.clusters[0]?.votes ?? 0;
  return summary.clusters.map((c, i) => {
    const tiedForTop = summary.tie && c.votes === top;
    return {
      key: `${i}:${c.normalized}`,
      answer: c.answer,
      votes: c.votes,
      share: c.share,
      shareText: formatShare(c.share),
      isMajority: i === 0 && !tiedForTop,
      tiedForTop,
      matchesGold: c.matchingGold > 0,
      loggedCorrect: c.loggedCorrect,
    };
  });
}

/** Rollouts that were counted: verified ones plus those extracted on the spot. */
export function countedRollouts(summary: PromptAnswerSummary): number {
  return summary.verified + summary.live;
}

/** "8 of 8 rollouts answered · 0 match the gold answer". */
export function answeredLine(summary: PromptAnswerSummary): string {
  const counted = countedRollouts(summary);
  const rollouts = `${counted.toLocaleString('en-US')} ${counted === 1 ? 'rollout' : 'rollouts'}`;
  const matches = summary.matchingGold === 1 ? 'matches' : 'match';
  const matching = `${summary.matchingGold.toLocaleString('en-US')} ${matches} the gold answer`;
  return `${summary.answered.toLocaleString('en-US')} of ${rollouts} answered · ${matching}`;
}

/**
 * Which rollouts the counts leave out or were not re-verified yet; null when every rollout has a
 * stored verdict.
 */
export function coverageNote(summary: PromptAnswerSummary): string | null {
  const parts: string[] = [];
  if (summary.live > 0)
    parts.push(`${summary.live.toLocaleString('en-US')} not re-verified yet (answers extracted just now)`);
  if (summary.unverified > 0)
    parts.push(
      `${summary.unverified.toLocaleString('en-US')} not re-verified and left out: run Re-verify… to count them`,
    );
  return parts.length > 0 ? `Of ${summary.rollouts.toLocaleString('en-US')} rollouts, ${parts.join('; ')}.` : null;
}
